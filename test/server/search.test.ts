/**
 * The search page and GET /api/v1/search over the bundled seeds (PGlite):
 * typed results linking to their pages, matched words in <mark> and all
 * else escaped, facet and page links that work, a Chinese empty page with
 * suggestions, the box in every page's header, and hostile queries
 * answered with an ordinary page (never a 500).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/server/app.ts";
import { loadSamples } from "../../src/service/samples.ts";
import type { Store } from "../../src/store/index.ts";
import { pgliteFactory } from "../store/engines.ts";

const factory = pgliteFactory();
let store: Store;
let app: ReturnType<typeof createApp>;

before(async () => {
  store = await factory.fresh();
  await loadSamples(store, { corpusDir: null });
  app = createApp({ store });
});
after(() => factory.dispose());

const page = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, html: await res.text() };
};
const q = (text: string, extra = "") => `/search?q=${encodeURIComponent(text)}${extra}`;
/** Unescapes what the page writes in an href attribute. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));

test("results are typed, marked and link to their pages", async () => {
  const { status, html } = await page(q("三公经费"));
  assert.equal(status, 200);
  assert.match(html, /共找到 \d+ 条结果/);
  assert.match(html, /<span class="type">说明<\/span>/);
  assert.match(html, /<mark>三公<\/mark>”<mark>经费<\/mark>/);
  assert.ok(hrefs(html).some((h) => /^\/disclosures\/\d+#explanation$/.test(h)));
  const line = await page(q("2010401"));
  assert.match(line.html, /<span class="type">科目<\/span>/);
  assert.match(line.html, /<mark>2010401<\/mark> 行政运行/);
  const project = await page(q("营商环境评价与研究经费"));
  const link = hrefs(project.html).find((h) => h.includes("#project-"))!;
  const target = await page(link.split("#")[0]!);
  assert.equal(target.status, 200);
  assert.ok(target.html.includes(`id="${decodeURIComponent(link.split("#")[1]!)}"`), link);
});

test("facet and page links narrow and page the results", async () => {
  const { html } = await page(q("经费"));
  const yearLink = hrefs(html).find((h) => /^\/search\?.*year=2021/.test(h))!;
  const count = Number(
    new RegExp(
      `href="${yearLink.replaceAll("&", "&amp;").replace(/[?]/g, "\\?")}"[^>]*>2021年</a><span class="muted">(\\d+)`,
    ).exec(html)?.[1],
  );
  const narrowed = await page(yearLink);
  assert.match(narrowed.html, new RegExp(`共找到 ${count} 条结果`));
  assert.match(
    narrowed.html,
    /已筛选：<a href="\/search\?q=[^"]+" title="取消此条件">年度：2021年 ✕/,
  );
  const next = hrefs(html).find((h) => h.includes("page=2"));
  assert.ok(next, "a second page");
  const second = await page(next);
  assert.match(second.html, /显示第 21–\d+ 条/);
});

test("nothing found: a Chinese page that suggests other searches", async () => {
  const { status, html } = await page(q("不存在的说法甲乙丙"));
  assert.equal(status, 200);
  assert.match(html, /没有找到与“不存在的说法甲乙丙”相关的结果/);
  assert.ok(hrefs(html).includes(q("三公经费")));
  const prompt = await page("/search");
  assert.match(prompt.html, /在上面的搜索框输入关键词/);
});

test("the search box is in every page's header and works without JavaScript", async () => {
  for (const path of ["/", "/regions", q("审计")]) {
    const { html } = await page(path);
    assert.match(html, /<form class="search-box" action="\/search" method="get" role="search">/);
    assert.match(html, /<input id="site-search" type="search" name="q"/);
  }
  assert.match((await page(q("三公经费"))).html, /name="q" value="三公经费"/);
});

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'",
  "\\'",
  "&|!():*<->",
  "三公 & !经费 | (a:* <-> b)",
  "%00%27",
  "三公".repeat(3000),
];

test("hostile queries get an ordinary page, escaped", async () => {
  for (const text of HOSTILE) {
    for (const extra of ["", "&region=abc&year=-1&kind=x&type=y&page=999999", "&page=2"]) {
      const { status, html } = await page(q(text, extra));
      assert.equal(status, 200, text.slice(0, 20));
      assert.doesNotMatch(html, /<script>alert|<img src=x/);
    }
  }
  const { html } = await page(q("<script>alert(1)</script>"));
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test("GET /api/v1/search: marked HTML, facets, and 400 (not 500) for bad parameters", async () => {
  const res = await app.request(`/api/v1/search?q=${encodeURIComponent("sgjf")}`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    total: number;
    items: { titleHtml: string; href: string; type: string }[];
    facets: { year: unknown[] };
  };
  assert.ok(body.total >= 4);
  assert.ok(body.items.some((i) => i.titleHtml.includes("<mark>三公</mark>")));
  assert.ok(body.facets.year.length > 0);
  for (const text of HOSTILE.slice(0, 7)) {
    const r = await app.request(`/api/v1/search?q=${encodeURIComponent(text)}`);
    assert.equal(r.status, 200, text);
  }
  for (const bad of [`q=${"a".repeat(1001)}`, "q=x&page=0", "q=x&pageSize=500", "q=x&type=nope"]) {
    const r = await app.request(`/api/v1/search?${bad}`);
    assert.equal(r.status, 400, bad);
  }
});
