/**
 * The signed-in working pages, driven as a browser without JavaScript drives
 * them: forms posted with the session cookie and the `_csrf` field, answers
 * followed through their 303 redirects. An officer signs in, uploads a seed,
 * sees each finding beside the printed line it cites, is refused submission
 * until every warning is answered, gets the reviewer's comments back;
 * reviewer and finance administrator approve, publish now and at a set time;
 * a correction's 更正说明 reaches the public page. A real wild PDF shows its
 * page image with the cited line marked.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { publishDue } from "../../src/service/workflow.ts";
import { corpusDir, seedsDir, sharedDir } from "../support/paths.ts";
import { PASSWORD, type Server, call, cookieOf, startServer } from "./harness.ts";

/** Seed 004: no errors, several warnings. Wild P133: a PDF with two warnings on located lines. */
const SEED = "004_51b2d206ba941185.txt";
const PDF = "P133.pdf";

let s: Server;
before(async () => {
  s = await startServer();
});
after(() => s?.close());

interface Browser {
  cookie: string;
  csrf: string;
}

const file = (dir: string, name: string) => new File([readFileSync(join(dir, name))], name);

async function get(
  b: Browser | undefined,
  path: string,
): Promise<{ status: number; html: string }> {
  const res = await call(s.app, { role: "officer", ...(b ? { cookie: b.cookie } : {}) }, path);
  return { status: res.status, html: await res.text() };
}

/** Posts a form (with the session's `_csrf` unless told not to), follows the 303, returns the page. */
async function post(
  b: Browser,
  path: string,
  fields: Record<string, string | File | File[]>,
  options: { csrf?: boolean } = {},
): Promise<{ status: number; location: string; html: string }> {
  const form = new FormData();
  if (options.csrf !== false) form.set("_csrf", b.csrf);
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  }
  const res = await call(s.app, { role: "officer", cookie: b.cookie }, path, {
    method: "POST",
    form,
  });
  const location = res.headers.get("location") ?? "";
  if (res.status !== 303) return { status: res.status, location, html: await res.text() };
  const flash = cookieOf(res, "gk_flash");
  const cookie = flash ? `${b.cookie}; ${flash}` : b.cookie;
  const next = await call(s.app, { role: "officer", cookie }, location);
  return { status: 303, location, html: await next.text() };
}

async function signIn(username: string): Promise<Browser> {
  const form = new FormData();
  form.set("username", username);
  form.set("password", PASSWORD);
  form.set("next", "/work");
  const res = await call(s.app, { role: "anonymous" }, "/signin", { method: "POST", form });
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get("location"), "/work");
  const cookie = cookieOf(res, "gk_session")!;
  const page = await get({ cookie, csrf: "" }, "/work");
  const csrf = page.html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  assert.ok(csrf, "the signed-in page carries the CSRF token (the sign-out form)");
  return { cookie, csrf };
}

const versionOf = (location: string) => Number(location.match(/\/work\/versions\/(\d+)/)?.[1]);
/** The indexes of the findings that have a response form. */
const openWarnings = (html: string) =>
  [...html.matchAll(/action="\/work\/versions\/\d+\/findings\/(\d+)\/response"/g)].map((m) =>
    Number(m[1]),
  );

async function answerAll(b: Browser, id: number): Promise<number> {
  const page = await get(b, `/work/versions/${id}`);
  const open = openWarnings(page.html);
  for (const i of open) {
    const r = await post(b, `/work/versions/${id}/findings/${i}/response`, {
      text: "已核实，数据无误。",
    });
    assert.match(r.html, /说明已保存/);
  }
  return open.length;
}

let officer: Browser;
let reviewer: Browser;
let finance: Browser;
let draftId = 0;
/** The 2024 budget's published correction (version 2), corrected again by the bureau. */
let publishedId = 0;

it("signs in through the form, says how many attempts remain, and shows who is signed in", async () => {
  const page = await get(undefined, "/signin");
  assert.equal(page.status, 200);
  assert.match(page.html, /id="signin-form"/);
  const form = new FormData();
  form.set("username", "officer");
  form.set("password", "wrong-password-1");
  const wrong = await call(s.app, { role: "anonymous" }, "/signin", { method: "POST", form });
  assert.equal(wrong.status, 401);
  assert.match(await wrong.text(), /用户名或密码不正确。再失败 4 次/);
  // Signed out, the working pages send to the sign-in page and back.
  const anon = await call(s.app, { role: "anonymous" }, "/work/upload");
  assert.equal(anon.status, 303);
  assert.equal(anon.headers.get("location"), "/signin?next=%2Fwork%2Fupload");
  officer = await signIn("officer");
  reviewer = await signIn("reviewer");
  finance = await signIn("finance");
  const home = await get(officer, "/");
  assert.match(home.html, /href="\/work">工作台/);
  assert.match(home.html, /officer（部门经办人）/);
});

it("uploads, shows the import result and each finding beside its printed line", async () => {
  const r = await post(officer, "/work/upload", {
    departmentId: String(s.world.dept.id),
    year: "2024",
    kind: "budget",
    files: [file(seedsDir, SEED)],
  });
  assert.equal(r.status, 303, r.html);
  draftId = versionOf(r.location);
  assert.match(r.html, /已上传第 1 版并完成审核：0 个错误、\d+ 个警告/);
  assert.match(r.html, /id="import-result"/);
  assert.match(r.html, /读出的部分：[^<]*绩效目标/);
  // Every cited line is highlighted with its own wording from the seed.
  const lines = readFileSync(join(seedsDir, SEED), "utf8").split(/\r?\n/);
  const hits = [...r.html.matchAll(/<li class="hit" data-line="(\d+)">.*?<mark>(.*?)<\/mark>/g)];
  assert.ok(hits.length > 0, "findings cite printed lines");
  for (const [, no, text] of hits) {
    assert.equal(text!.replace(/&amp;/g, "&"), lines[Number(no) - 1]!.trim());
  }
});

it("refuses submission while warnings are unanswered, then submits", async () => {
  const refused = await post(officer, `/work/versions/${draftId}/submit`, {});
  assert.match(refused.html, /class="notice flash error"[^>]*>还有 \d+ 个警告未填写说明，不能提交/);
  assert.ok((await answerAll(officer, draftId)) > 0);
  const ok = await post(officer, `/work/versions/${draftId}/submit`, {});
  assert.match(ok.html, /已提交审核。/);
  assert.match(ok.html, /data-state="submitted"/);
  assert.match(ok.html, /id="state-note">已提交，等待财政局审核。/);
  assert.doesNotMatch(ok.html, /id="submit-form"/);
});

it("refuses a form posted without the CSRF field, and other scopes", async () => {
  const res = await post(officer, `/work/versions/${draftId}/submit`, {}, { csrf: false });
  assert.equal(res.status, 403);
  assert.match(res.html, /<h1>操作被拒绝<\/h1>[\s\S]*缺少或错误的防跨站令牌/);
  const form = new FormData();
  form.set("username", "officer");
  form.set("password", PASSWORD);
  const foreign = await call(s.app, { role: "anonymous" }, "/signin", {
    method: "POST",
    form,
    headers: { origin: "https://evil.example" },
  });
  assert.equal(foreign.status, 403, "a sign-in posted from another site");
  assert.match(await foreign.text(), /不是本站/);
  // Under Referrer-Policy no-referrer a browser's own form says "Origin: null": Sec-Fetch-Site decides.
  const blind = { origin: "null" };
  const unverifiable = await call(s.app, { role: "anonymous" }, "/signin", {
    method: "POST",
    form,
    headers: blind,
  });
  assert.equal(unverifiable.status, 403);
  const ours = await call(s.app, { role: "anonymous" }, "/signin", {
    method: "POST",
    form,
    headers: { ...blind, "sec-fetch-site": "same-origin" },
  });
  assert.equal(ours.status, 303);
  const other = await signIn("reviewer-bj");
  assert.equal((await get(other, `/work/versions/${draftId}`)).status, 404);
  const approve = await post(other, `/work/versions/${draftId}/approve`, {});
  assert.equal(approve.status, 403);
  assert.match(approve.html, /无权审核通过/);
});

it("queues the submission for the reviewer, whose return comment the officer reads", async () => {
  const queue = await get(reviewer, "/work");
  assert.match(queue.html, new RegExp(`id="queue"[\\s\\S]*href="/work/versions/${draftId}"`));
  const page = await get(reviewer, `/work/versions/${draftId}`);
  assert.match(page.html, /部门说明：<\/strong>已核实，数据无误。/);
  const empty = await post(reviewer, `/work/versions/${draftId}/return`, { comment: " " });
  assert.match(empty.html, /退回须填写审核意见/);
  await post(reviewer, `/work/versions/${draftId}/return`, { comment: "请核对三公经费的说明。" });
  const seen = await get(officer, `/work/versions/${draftId}`);
  assert.match(seen.html, /id="review-comments"[\s\S]*退回[\s\S]*请核对三公经费的说明。/);
  assert.match(seen.html, /data-state="returned"/);
});

it("approves, publishes now, and corrects with a 更正说明 published at a set time", async () => {
  await post(officer, `/work/versions/${draftId}/submit`, {});
  const approved = await post(reviewer, `/work/versions/${draftId}/approve`, {});
  assert.match(approved.html, /审核通过，待发布/);
  const published = await post(finance, `/work/versions/${draftId}/publish`, {});
  assert.match(published.html, /第 1 版已发布。/);
  assert.match(published.html, /id="withdraw-form"/);
  const fields = {
    departmentId: String(s.world.dept.id),
    year: "2024",
    kind: "budget",
    files: [file(seedsDir, SEED)],
  };
  const noNote = await post(officer, "/work/upload", fields);
  assert.match(noNote.html, /更正须填写更正说明/);
  const note = "更正了三公经费说明中的笔误。";
  const corrected = await post(officer, "/work/upload", { ...fields, correctionNote: note });
  const id = versionOf(corrected.location);
  await answerAll(officer, id);
  await post(officer, `/work/versions/${id}/submit`, {});
  await post(reviewer, `/work/versions/${id}/approve`, {});
  const scheduled = await post(finance, `/work/versions/${id}/publish`, { at: "2099-01-02T09:30" });
  assert.match(scheduled.html, /已定于 2099\/01\/02 09:30 发布/);
  assert.match(
    (await get(finance, "/work")).html,
    new RegExp(`id="scheduled"[\\s\\S]*versions/${id}"`),
  );
  const due = await publishDue(s.store, new Date("2099-01-02T01:31:00Z"));
  assert.deepEqual(
    due.map((v) => v.id),
    [id],
  );
  const now = await get(officer, `/work/versions/${id}`);
  const link = now.html.match(/href="(\/disclosures\/\d+)">查看公众页面/)?.[1];
  assert.ok(link, "a published version links to its public page");
  const publicPage = await call(s.app, { role: "anonymous" }, link);
  assert.match(await publicPage.text(), new RegExp(note));
  publishedId = id;
});

it("the finance bureau's reviewer corrects a published version; another approves, the administrator publishes", async () => {
  const page = await get(reviewer, `/work/versions/${publishedId}`);
  assert.match(page.html, /id="correction-actions"[\s\S]*id="correction-form"/);
  assert.match(page.html, /须由财政局另一位审核员或管理员审核通过/);
  assert.match(page.html, /<textarea name="correctionNote" rows="3" required=""/);
  for (const name of ["reviewer-bj", "officer-bj"]) {
    const outsider = await signIn(name);
    const seen = await get(outsider, `/work/versions/${publishedId}`);
    assert.doesNotMatch(seen.html, /id="correction-form"/, `${name} sees no correction form`);
  }
  const back = `/work/upload?back=/work/versions/${publishedId}`;
  const fields = {
    departmentId: String(s.world.dept.id),
    year: "2024",
    kind: "budget",
    files: [file(seedsDir, SEED)],
  };
  const noNote = await post(reviewer, back, fields);
  assert.equal(noNote.location, `/work/versions/${publishedId}`, "a refusal returns to the page");
  assert.match(noNote.html, /class="notice flash error"[^>]*>[^<]*更正须填写更正说明/);
  const note = "财政局更正：三公经费说明中的笔误。";
  const issued = await post(reviewer, back, { ...fields, correctionNote: note });
  assert.equal(issued.status, 303, issued.html);
  const id = versionOf(issued.location);
  assert.match(issued.html, /已上传更正第 3 版（\d+ 个警告）并提交审核/);
  assert.match(issued.html, /data-state="submitted"/);
  assert.match(
    issued.html,
    /id="state-note">您上传的更正已提交，须由财政局另一位审核员或管理员审核。/,
  );
  assert.doesNotMatch(issued.html, /id="approve-form"/);
  const own = await post(reviewer, `/work/versions/${id}/approve`, {});
  assert.match(own.html, /第 3 版是您本人上传的，须由财政局另一位审核员或管理员审核/);
  const approved = await post(finance, `/work/versions/${id}/approve`, {});
  assert.match(approved.html, /审核通过，待发布/);
  const published = await post(finance, `/work/versions/${id}/publish`, {});
  assert.match(published.html, /第 3 版已发布。/);
  const link = published.html.match(/href="(\/disclosures\/\d+)">查看公众页面/)?.[1];
  assert.ok(link);
  assert.match(await (await call(s.app, { role: "anonymous" }, link)).text(), new RegExp(note));
});

it("shows a PDF page with the cited line marked, and serves the page as PNG", async () => {
  const r = await post(officer, "/work/upload", {
    departmentId: String(s.world.dept.id),
    year: "2025",
    kind: "budget",
    files: [file(join(sharedDir, "wild", "docs"), PDF)],
  });
  assert.equal(r.status, 303, r.html);
  const id = versionOf(r.location);
  const img = r.html.match(/<img src="(\/work\/versions\/\d+\/files\/0\/pages\/(\d+))"/);
  assert.ok(img, "a finding shows its PDF page");
  assert.match(
    r.html,
    /class="mark-box"[^>]*style="left:[\d.]+%;top:[\d.]+%;width:[\d.]+%;height:[\d.]+%"/,
  );
  assert.match(
    r.html,
    new RegExp(`<li class="hit" data-line="\\d+"><span class="where">第 ${img[2]} 页第 \\d+ 行`),
  );
  const png = await call(s.app, { role: "officer", cookie: officer.cookie }, img[1]!);
  assert.equal(png.status, 200);
  assert.equal(png.headers.get("content-type"), "image/png");
  const bytes = new Uint8Array(await png.arrayBuffer());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.ok(id > 0);
  const anon = await call(s.app, { role: "anonymous" }, img[1]!);
  assert.equal(anon.status, 303);
});

it("locks a name after repeated failures and says until when, in Chinese", async () => {
  const attempt = () => {
    const form = new FormData();
    form.set("username", "nobody-here");
    form.set("password", "not-the-password");
    return call(s.app, { role: "anonymous" }, "/signin", { method: "POST", form });
  };
  for (let i = 1; i < 5; i++) assert.equal((await attempt()).status, 401);
  const locked = await attempt();
  assert.equal(locked.status, 429);
  assert.match(
    await locked.text(),
    /登录失败次数过多，该用户名已暂时锁定，请于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（北京时间）后再试/,
  );
});

it("takes several files as one disclosure and cites each finding in its own file", async () => {
  const r = await post(officer, "/work/upload", {
    departmentId: String(s.world.dept.id),
    year: "2026",
    kind: "budget",
    files: [file(corpusDir, "007.pdf"), file(corpusDir, "007.txt")],
  });
  assert.equal(r.status, 303, r.html);
  assert.match(r.html, /已读取 2 个文件：007\.pdf、007\.txt。/);
  assert.match(r.html, /<p class="muted small">文件：007\.(pdf|txt)<\/p>/);
});
