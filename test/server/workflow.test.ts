/**
 * The publishing workflow end to end through the HTTP API, on real files: a
 * Hebei seed uploaded, answered, submitted, approved, published and corrected;
 * a corpus PDF with its text as a two-file disclosure pushed by an API token,
 * returned and resubmitted, and scheduled. Also: downloads in every format,
 * ETags and 304, immutable caching of published content, pagination.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { checkDisclosure, loadDisclosure } from "../../src/app/index.ts";
import { RENDER_FORMATS } from "../../src/render/index.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { type Client, type Server, call, startServer } from "./harness.ts";

const SEED = "004_51b2d206ba941185.txt";
let s: Server;
/** What the library's own check of the seed finds: the API must report the same counts. */
let expected: { error: number; warning: number };
before(async () => {
  s = await startServer();
  const loaded = await loadDisclosure(new Uint8Array(readFileSync(join(seedsDir, SEED))), {
    fileName: SEED,
  });
  expected = (await checkDisclosure(loaded)).coverage.findings;
  assert.equal(expected.error, 0, "the seed has no error finding: it can be submitted");
  assert.ok(expected.warning > 0, "the seed has warnings to answer");
});
after(() => s.close());

const file = (dir: string, name: string) => new File([readFileSync(join(dir, name))], name);

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  assert.equal(r.status, status, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Ref {
  id: number;
  disclosureId: number;
  number: number;
  state: string;
  counts: { error: number; warning: number };
}
interface Detail extends Ref {
  files: { fileName: string; sha256: string; role: string | null }[];
  findings: { index: number; finding: { severity: string }; response: unknown }[];
  events: { action: string; comment: string | null }[];
  correctionNote: string | null;
}

async function answerWarnings(client: Client, id: number): Promise<number> {
  const v = await ok<Detail>(call(s.app, client, `/api/v1/versions/${id}`));
  const warnings = v.findings.filter((f) => f.finding.severity === "warning");
  for (const f of warnings) {
    await ok(
      call(s.app, client, `/api/v1/versions/${id}/findings/${f.index}/response`, {
        method: "PUT",
        json: { text: "数据已核实无误（checked）" },
      }),
      204,
    );
  }
  return warnings.length;
}

const post = (client: Client, path: string, json: unknown = {}) =>
  call(s.app, client, path, { method: "POST", json });

let first: Ref;
describe("a seed through upload → submit → approve → publish", () => {
  it("uploads, answers every warning, submits, approves and publishes", async () => {
    const { officer, reviewer, finance } = s.clients;
    const form = new FormData();
    form.set("departmentId", String(s.world.dept.id));
    form.set("year", "2020");
    form.set("kind", "budget");
    form.append("files", file(seedsDir, SEED));
    first = await ok<Ref>(call(s.app, officer, "/api/v1/versions", { method: "POST", form }), 201);
    assert.equal(first.state, "draft");
    assert.deepEqual([first.counts.error, first.counts.warning], [0, expected.warning]);
    const early = await call(s.app, officer, `/api/v1/versions/${first.id}/submit`, {
      method: "POST",
    });
    assert.equal(early.status, 422);
    assert.match(
      ((await early.json()) as { error: { message: string } }).error.message,
      new RegExp(`${expected.warning} 个警告未填写说明`),
    );
    assert.equal(await answerWarnings(officer, first.id), expected.warning);
    assert.equal(
      (await ok<Ref>(post(officer, `/api/v1/versions/${first.id}/submit`))).state,
      "submitted",
    );
    assert.equal(
      (await ok<Ref>(post(reviewer, `/api/v1/versions/${first.id}/approve`))).state,
      "approved",
    );
    assert.equal(
      (await ok<Ref>(post(finance, `/api/v1/versions/${first.id}/publish`))).state,
      "published",
    );
    const pub = await ok<Detail>(call(s.app, s.clients.anonymous, `/api/v1/versions/${first.id}`));
    assert.equal(pub.state, "published");
    assert.ok(
      pub.events.every((e) => !("actor" in e) || e.actor === null),
      "the public sees no actor names",
    );
  });
});

describe("the seed's correction and withdrawal", () => {
  it("refuses a re-upload without 更正说明, then publishes a correction that supersedes", async () => {
    const { officer, reviewer, finance } = s.clients;
    const form = new FormData();
    form.set("departmentId", String(s.world.dept.id));
    form.set("year", "2020");
    form.set("kind", "budget");
    form.append("files", file(seedsDir, SEED));
    const refused = await call(s.app, officer, "/api/v1/versions", { method: "POST", form });
    assert.equal(refused.status, 422);
    assert.equal(
      ((await refused.json()) as { error: { code: string } }).error.code,
      "CORRECTION_NOTE_REQUIRED",
    );

    const correction = new FormData();
    correction.append("files", file(seedsDir, SEED));
    correction.set("correctionNote", "更正表三的科目名称（fix names in table 3）");
    const second = await ok<Ref>(
      call(s.app, officer, `/api/v1/disclosures/${first.disclosureId}/corrections`, {
        method: "POST",
        form: correction,
      }),
      201,
    );
    assert.equal(second.number, 2);
    await answerWarnings(officer, second.id);
    await ok(post(officer, `/api/v1/versions/${second.id}/submit`));
    await ok(post(reviewer, `/api/v1/versions/${second.id}/approve`, { comment: "同意" }));
    await ok(post(finance, `/api/v1/versions/${second.id}/publish`));
    const d = await ok<{
      versions: { number: number; state: string; correctionNote: string | null }[];
    }>(call(s.app, s.clients.anonymous, `/api/v1/disclosures/${first.disclosureId}`));
    assert.deepEqual(
      d.versions.map((v) => [v.number, v.state, v.correctionNote]),
      [
        [1, "superseded", null],
        [2, "published", "更正表三的科目名称（fix names in table 3）"],
      ],
    );
  });

  it("withdraws with a reason; the public keeps the history but not the content", async () => {
    const list = await ok<{ items: { id: number; latest: { id: number } }[] }>(
      call(s.app, s.clients.anonymous, "/api/v1/disclosures?year=2020"),
    );
    const latest = list.items[0]!.latest.id;
    const noReason = await post(s.clients.finance, `/api/v1/versions/${latest}/withdraw`, {
      reason: " ",
    });
    assert.equal(noReason.status, 422);
    await ok(
      post(s.clients.finance, `/api/v1/versions/${latest}/withdraw`, {
        reason: "数据有误（wrong data）",
      }),
    );
    const v = await ok<{ state: string; withdrawnReason: string }>(
      call(s.app, s.clients.anonymous, `/api/v1/versions/${latest}`),
    );
    assert.deepEqual([v.state, v.withdrawnReason], ["withdrawn", "数据有误（wrong data）"]);
    assert.equal(
      (await call(s.app, s.clients.anonymous, `/api/v1/versions/${latest}/canonical`)).status,
      403,
    );
  });
});

describe("a corpus PDF with its text, pushed by an API token", () => {
  let ref: Ref;
  const pdf = readFileSync(join(corpusDir, "007.pdf"));
  it("uploads two files as one disclosure, is returned with comments, resubmitted and scheduled", async () => {
    const { token, reviewer, finance } = s.clients;
    const form = new FormData();
    form.set("departmentId", String(s.world.dept.id));
    form.set("year", "2025");
    form.set("kind", "budget");
    form.append("files", file(corpusDir, "007.pdf"));
    form.append("files", file(corpusDir, "007.txt"));
    form.append("roles", "报表");
    form.append("roles", "说明");
    ref = await ok<Ref>(call(s.app, token, "/api/v1/versions", { method: "POST", form }), 201);
    const v = await ok<Detail>(call(s.app, token, `/api/v1/versions/${ref.id}`));
    assert.deepEqual(
      v.files.map((f) => [f.fileName, f.role]),
      [
        ["007.pdf", "报表"],
        ["007.txt", "说明"],
      ],
    );
    assert.equal(v.files[0]!.sha256, createHash("sha256").update(pdf).digest("hex"));
    await answerWarnings(token, ref.id);
    await ok(post(token, `/api/v1/versions/${ref.id}/submit`));
    const noComment = await post(reviewer, `/api/v1/versions/${ref.id}/return`, { comment: "" });
    assert.equal(noComment.status, 422);
    await ok(
      post(reviewer, `/api/v1/versions/${ref.id}/return`, {
        comment: "请核对绩效目标（check targets）",
      }),
    );
    await ok(post(token, `/api/v1/versions/${ref.id}/submit`));
    await ok(post(reviewer, `/api/v1/versions/${ref.id}/approve`));
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await ok<Ref>(post(finance, `/api/v1/versions/${ref.id}/publish`, { at }));
    assert.equal(scheduled.state, "scheduled");
    const history = await ok<Detail>(call(s.app, s.clients.officer, `/api/v1/versions/${ref.id}`));
    assert.ok(
      history.events.some(
        (e) => e.action === "return" && e.comment === "请核对绩效目标（check targets）",
      ),
    );
    assert.equal(
      (await call(s.app, s.clients.anonymous, `/api/v1/versions/${ref.id}`)).status,
      404,
    );
  });

  it("serves the original PDF byte for byte to staff, not cached as public", async () => {
    const res = await call(s.app, s.clients.reviewer, `/api/v1/versions/${ref.id}/files/0`);
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf);
    assert.match(res.headers.get("cache-control")!, /private, no-cache/);
    assert.match(res.headers.get("content-disposition")!, /filename\*=UTF-8''007\.pdf/);
  });
});

let publishedId: number;
describe("downloads", () => {
  before(async () => {
    const list = await ok<{ items: { latest: { id: number; state: string } | null }[] }>(
      call(s.app, s.clients.anonymous, "/api/v1/disclosures"),
    );
    publishedId =
      list.items.flatMap((d) => (d.latest?.state === "superseded" ? [d.latest.id] : []))[0] ?? 0;
    if (!publishedId) {
      const all = await ok<{ versions: { id: number; state: string }[] }>(
        call(s.app, s.clients.anonymous, "/api/v1/disclosures/1"),
      );
      publishedId = all.versions.find((v) => v.state === "superseded")!.id;
    }
  });

  it("renders the version in every format", async () => {
    const chromium = [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      process.env.GONGKAI_CHROMIUM,
    ].some((p) => p && existsSync(p));
    for (const format of RENDER_FORMATS) {
      if (format === "pdf" && !chromium) continue;
      const res = await call(
        s.app,
        s.clients.anonymous,
        `/api/v1/versions/${publishedId}/download/${format}`,
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(res.status, 200, `${format}: ${bytes.toString().slice(0, 200)}`);
      const magic: Record<string, string> = {
        xlsx: "PK",
        docx: "PK",
        csv: "PK",
        fdp: "PK",
        pdf: "%PDF",
        html: "<!",
        json: "{",
      };
      assert.ok(bytes.subarray(0, 4).toString("latin1").startsWith(magic[format]!), format);
      const disposition = res.headers.get("content-disposition")!;
      assert.ok(
        disposition.includes(encodeURIComponent("沧州市审计局2020年预算-第1版")),
        disposition,
      );
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable", format);
    }
  });
});

describe("ETags and pages", () => {
  it("answers If-None-Match with 304, and changes the ETag when the content changes", async () => {
    const path = `/api/v1/versions/${publishedId}/canonical`;
    const first = await call(s.app, s.clients.anonymous, path);
    const etag = first.headers.get("etag")!;
    assert.ok(etag);
    const again = await call(s.app, s.clients.anonymous, path, {
      headers: { "if-none-match": etag },
    });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), "");
    assert.equal(again.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const list = await call(s.app, s.clients.anonymous, "/api/v1/departments");
    const listTag = list.headers.get("etag")!;
    assert.equal(
      (
        await call(s.app, s.clients.anonymous, "/api/v1/departments", {
          headers: { "if-none-match": listTag },
        })
      ).status,
      304,
    );
    const { createDepartment } = await import("../../src/service/catalogue.ts");
    const { systemActor } = await import("../../src/service/actor.ts");
    await createDepartment(s.store, systemActor("test"), {
      regionId: s.world.cangzhou.id,
      name: "沧州市财政局",
    });
    const changed = await call(s.app, s.clients.anonymous, "/api/v1/departments", {
      headers: { "if-none-match": listTag },
    });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get("etag"), listTag);
  });

  it("pages lists as {items, total, page, pageSize}", async () => {
    const all = await ok<{ items: { id: number }[]; total: number }>(
      call(s.app, s.clients.anonymous, "/api/v1/departments?pageSize=500"),
    );
    assert.ok(all.total >= 3);
    const seen: number[] = [];
    for (let page = 1; page <= all.total; page++) {
      const p = await ok<{
        items: { id: number }[];
        total: number;
        page: number;
        pageSize: number;
      }>(call(s.app, s.clients.anonymous, `/api/v1/departments?pageSize=1&page=${page}`));
      assert.deepEqual([p.total, p.page, p.pageSize, p.items.length], [all.total, page, 1, 1]);
      seen.push(p.items[0]!.id);
    }
    assert.deepEqual(
      seen,
      all.items.map((d) => d.id),
    );
    const beyond = await ok<{ items: unknown[]; total: number }>(
      call(s.app, s.clients.anonymous, `/api/v1/departments?pageSize=2&page=${all.total + 1}`),
    );
    assert.deepEqual([beyond.items.length, beyond.total], [0, all.total]);
    const regions = await ok<{ items: { name: string }[]; total: number; page: number }>(
      call(s.app, s.clients.anonymous, `/api/v1/regions?parentId=${s.world.hebei.id}`),
    );
    assert.deepEqual(
      [regions.items.map((r) => r.name), regions.total, regions.page],
      [["沧州市"], 1, 1],
    );
  });
});
