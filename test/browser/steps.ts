/**
 * @module The story's moves as a person makes them in the browser: sign in
 * through the form, upload files through the upload form, answer every
 * warning, press a workflow button, download a link's file. Each lands on the
 * page it leads to and checks what the page says.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { assertAccessible, assertFitsPhone } from "./checks.ts";
import { corpusDir } from "../support/paths.ts";
import { type BrowserHarness, PASSWORD, STORY_SAMPLE } from "./harness.ts";

/**
 * axe-core at desktop width; at 375×812 no sideways scroll and axe-core again
 * (what scrolls on a phone must be reachable by keyboard); back to the desktop size.
 */
export async function inspect(page: Page, what: string): Promise<void> {
  await assertAccessible(page, what);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  try {
    await assertFitsPhone(page, what);
    await assertAccessible(page, `${what}（手机）`);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/** A new signed-in context and its page, on the 工作台. */
export async function signIn(h: BrowserHarness, username: string): Promise<Page> {
  const context: BrowserContext = await h.context();
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  await Promise.all([
    page.waitForURL("**/work"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
  return page;
}

/** Presses a form's button and waits for the page the form leads to. */
export async function press(page: Page, name: string): Promise<void> {
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
}

/** The id of the version whose working page is open. */
export function versionIdOf(page: Page): number {
  const m = /\/work\/versions\/(\d+)/.exec(page.url());
  assert.ok(m, `on a version's working page: ${page.url()}`);
  return Number(m[1]);
}

/** Fills the upload (or correction) form and sends it; lands on the new version's page. */
export async function upload(
  page: Page,
  form: { year?: number; kind?: string; files: { name: string; bytes: Buffer }[]; note?: string },
): Promise<number> {
  const scope = page.locator("form#upload-form, form#correction-form").first();
  if (form.year) await scope.getByLabel("年度").fill(String(form.year));
  if (form.kind) await scope.getByLabel("类型").selectOption({ label: form.kind });
  await scope.getByLabel(/^文件/).setInputFiles(
    form.files.map((f) => ({
      name: f.name,
      mimeType: f.name.endsWith(".pdf") ? "application/pdf" : "text/plain",
      buffer: f.bytes,
    })),
  );
  if (form.note) await scope.getByLabel(/^更正说明/).fill(form.note);
  // Reading and checking a long PDF takes seconds on a busy machine.
  await Promise.all([
    page.waitForURL(/\/work\/versions\/\d+/, { timeout: 120_000 }),
    scope.locator('button[type="submit"]').click({ timeout: 120_000 }),
  ]);
  return versionIdOf(page);
}

/** Writes a 部门说明 for each warning that has none; returns how many were answered. */
export async function answerWarnings(page: Page, text: string): Promise<number> {
  let answered = 0;
  for (;;) {
    const open = page.locator("form.response-form", { has: page.locator("textarea:empty") });
    if ((await open.count()) === 0) return answered;
    await open
      .first()
      .getByLabel("部门说明")
      .fill(`${text}（${answered + 1}）`);
    await Promise.all([page.waitForEvent("load"), open.first().getByRole("button").click()]);
    answered++;
  }
}

/** Follows a download link; returns the file's bytes and its suggested name. */
export async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`a[href="${link}"]`).first().click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The reviewer approves; the finance-bureau administrator publishes now. Returns the disclosure's id. */
export async function approveAndPublish(
  h: BrowserHarness,
  reviewer: Page,
  versionId: number,
): Promise<number> {
  await reviewer.goto(`/work/versions/${versionId}`);
  await press(reviewer, "审核通过");
  assert.match(await reviewer.locator("main").innerText(), /审核通过待发布/);
  // Publishing is the finance-bureau administrator's (policy: publish), not the reviewer's.
  const publisher = await signIn(h, h.users.publisher);
  await publisher.goto(`/work/versions/${versionId}`);
  await inspect(publisher, "版本工作页（待发布）");
  await press(publisher, "立即发布");
  const href = await publisher.getByRole("link", { name: "查看公众页面" }).getAttribute("href");
  await publisher.context().close();
  const id = Number(href?.split("/").pop());
  assert.ok(id > 0, `published: ${href}`);
  return id;
}

/** The correction: the same document as text, with one statement of its 主要职能 reworded. */
export const CORRECTION = {
  note: "更正主要职能中的部门定位表述",
  from: "上海市普陀区财政局是上海市普陀区人民政府组成部门。",
  to: "上海市普陀区财政局是上海市普陀区人民政府工作部门，主管全区财政工作。",
};

/** The officer uploads the correction from the published version's page, answers, submits; it is approved and published. */
export async function publishCorrection(
  h: BrowserHarness,
  pages: { officer: Page; reviewer: Page },
  publishedVersionId: number,
): Promise<void> {
  const page = pages.officer;
  await page.goto(`/work/versions/${publishedVersionId}`);
  const text = readFileSync(join(corpusDir, STORY_SAMPLE.text), "utf8");
  assert.ok(text.includes(CORRECTION.from));
  const id = await upload(page, {
    files: [
      {
        name: "普陀区财政局2025年部门预算（更正）.txt",
        bytes: Buffer.from(text.replace(CORRECTION.from, CORRECTION.to)),
      },
    ],
    note: CORRECTION.note,
  });
  await answerWarnings(page, "已核对");
  await press(page, "提交审核");
  await approveAndPublish(h, pages.reviewer, id);
}
