/**
 * A disclosure's page (its newest public version, or a chosen one): 一图读懂,
 * the nine standard tables, the explanation and performance targets, the
 * checker's result, the version history with each 更正说明 and what changed,
 * and the downloads.
 */
import type { Context } from "hono";
import type { Disclosure } from "../../model/disclosure.ts";
import { documentTitle } from "../../render/document.ts";
import { standardTables } from "../../render/tables/standard.ts";
import { getRegion } from "../../service/catalogue.ts";
import { ServiceError, notFound } from "../../service/errors.ts";
import {
  type VersionDetail,
  type VersionSummary,
  getCanonical,
  getDisclosure,
  getVersion,
} from "../../service/reads.ts";
import { STATE_LABEL } from "../../service/states.ts";
import type { ServerEnv } from "../env.ts";
import { type Change, diffDisclosures } from "../views/diff.ts";
import { Explanation } from "../views/document.tsx";
import { DOWNLOAD_FORMATS, DOWNLOAD_URLS } from "../views/downloads.ts";
import { Findings } from "../views/findings.tsx";
import { KIND_LABEL, date, dateTime, isoDate } from "../views/format.ts";
import { Glance } from "../views/glance.tsx";
import { Layout } from "../views/layout.tsx";
import { DataTable } from "../views/table.tsx";
import { idParam, notFoundPage, orNotFound, sendPage } from "./respond.tsx";
import { scrollBox } from "../views/table.tsx";

type DisclosureInfo = Awaited<ReturnType<typeof getDisclosure>>;

/** The version a reader lands on: the published one, else the newest visible. */
function defaultVersion(versions: VersionSummary[]): VersionSummary {
  return versions.findLast((v) => v.state === "published") ?? versions.at(-1)!;
}

export async function disclosurePage(c: Context<ServerEnv>): Promise<Response> {
  const id = idParam(c.req.param("id"));
  const n = c.req.param("n");
  const number = n === undefined ? undefined : idParam(n);
  if (!id || (n !== undefined && !number)) return notFoundPage(c);
  return orNotFound(c, async () => {
    const { store, actor } = c.var;
    const info = await getDisclosure(store, actor, id);
    const chosen =
      number === undefined
        ? defaultVersion(info.versions)
        : info.versions.find((v) => v.number === number);
    if (!chosen) throw notFound("版本", `${id}/${number}`);
    const [v, region, d] = await Promise.all([
      getVersion(store, actor, chosen.id),
      getRegion(store, info.regionId),
      canonicalOf(c, chosen.id),
    ]);
    const corrected = v.correctsId ? await canonicalOf(c, v.correctsId) : undefined;
    const changes = d && corrected ? diffDisclosures(corrected, d) : undefined;
    const title = d
      ? documentTitle(d)
      : `${info.departmentName}${info.year}年${KIND_LABEL[info.kind]}`;
    const crumbs = [
      ...region.ancestors.map((a) => ({ label: a.name, href: `/regions/${a.id}` })),
      { label: region.name, href: `/regions/${region.id}` },
      { label: info.departmentName, href: `/departments/${info.departmentId}` },
      { label: `${info.year}年${KIND_LABEL[info.kind]}` },
    ];
    return sendPage(
      c,
      <Layout
        title={title}
        crumbs={crumbs}
        description={`${title}：公开表格、情况说明、绩效目标与审核结果`}
      >
        <h1>{title}</h1>
        <Meta info={info} v={v} />
        {d ? <Contents /> : null}
        {d ? <Glance d={d} /> : <Withdrawn v={v} />}
        {d ? <Tables d={d} /> : null}
        {d ? (
          <section aria-labelledby="explanation">
            <h2 id="explanation">情况说明与绩效目标</h2>
            <Explanation d={d} />
          </section>
        ) : null}
        {d ? (
          // Findings quote the document: a withdrawn version's are no more public than its text.
          <section aria-labelledby="check">
            <h2 id="check">审核结果</h2>
            <Findings v={v} />
          </section>
        ) : null}
        <History info={info} current={v} changes={changes} />
        {d ? <Downloads v={v} /> : null}
      </Layout>,
    );
  });
}

/** The canonical JSON, or undefined when its content is no longer public (withdrawn). */
async function canonicalOf(
  c: Context<ServerEnv>,
  versionId: number,
): Promise<Disclosure | undefined> {
  try {
    return JSON.parse(await getCanonical(c.var.store, c.var.actor, versionId)) as Disclosure;
  } catch (error) {
    if (error instanceof ServiceError && error.code === "FORBIDDEN") return undefined;
    throw error;
  }
}

function Meta(props: { info: DisclosureInfo; v: VersionDetail }) {
  const { info, v } = props;
  return (
    <dl class="meta">
      <div>
        <dt>部门</dt>
        <dd>
          <a href={`/departments/${info.departmentId}`}>{info.departmentName}</a>
        </dd>
      </div>
      <div>
        <dt>地区</dt>
        <dd>
          <a href={`/regions/${info.regionId}`}>{info.regionName}</a>
        </dd>
      </div>
      <div>
        <dt>版本</dt>
        <dd>
          第 {v.number} 版 · {STATE_LABEL[v.state]}
        </dd>
      </div>
      <div>
        <dt>发布时间</dt>
        <dd>
          <time datetime={isoDate(v.publishedAt)}>{dateTime(v.publishedAt)}</time>
        </dd>
      </div>
      {v.state === "withdrawn" ? null : (
        <div>
          <dt>审核</dt>
          <dd>
            <a href="#check">
              {v.counts.error} 个错误、{v.counts.warning} 个警告
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}

function Contents() {
  const parts: [string, string][] = [
    ["glance", "一图读懂"],
    ["tables", "公开表格"],
    ["explanation", "情况说明与绩效目标"],
    ["check", "审核结果"],
    ["history", "版本与更正"],
    ["downloads", "下载"],
  ];
  return (
    <nav class="toc" aria-label="本页目录">
      {parts.map(([id, label]) => (
        <a href={`#${id}`}>{label}</a>
      ))}
    </nav>
  );
}

function Withdrawn(props: { v: VersionDetail }) {
  return (
    <section class="notice">
      <h2>该版本已撤回</h2>
      <p>
        撤回原因：{props.v.withdrawnReason ?? "未说明"}。撤回的版本只保留历史记录，内容不再公开。
      </p>
    </section>
  );
}

function Tables(props: { d: Disclosure }) {
  const tables = standardTables(props.d);
  return (
    <section aria-labelledby="tables">
      <h2 id="tables">公开表格</h2>
      <ul class="table-index">
        {tables.map((t, i) => (
          <li>
            <a href={`#${t.id}`}>
              {i + 1}．{t.title}
            </a>
            {t.empty ? <span class="muted small">（空表）</span> : null}
          </li>
        ))}
      </ul>
      {tables.map((t, i) => (
        <DataTable table={t} number={i + 1} />
      ))}
    </section>
  );
}

function History(props: {
  info: DisclosureInfo;
  current: VersionDetail;
  changes: Change[] | undefined;
}) {
  const { info, current, changes } = props;
  return (
    <section aria-labelledby="history">
      <h2 id="history">版本与更正</h2>
      <div {...scrollBox("全部版本")}>
        <table class="list">
          <caption>全部版本（已发布的版本不可修改，更正以新版本发布）</caption>
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">状态</th>
              <th scope="col">发布日期</th>
              <th scope="col">更正说明 / 撤回原因</th>
            </tr>
          </thead>
          <tbody>
            {[...info.versions].reverse().map((v) => (
              <tr>
                <th scope="row">
                  {v.id === current.id ? (
                    <span aria-current="true">第 {v.number} 版（本页）</span>
                  ) : (
                    <a href={`/disclosures/${info.id}/versions/${v.number}`}>第 {v.number} 版</a>
                  )}
                </th>
                <td>{STATE_LABEL[v.state]}</td>
                <td>{date(v.publishedAt)}</td>
                <td class="left">{v.correctionNote ?? v.withdrawnReason ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changes ? <Changes changes={changes} number={current.number} /> : null}
    </section>
  );
}

const MAX_CHANGES = 200;

function Changes(props: { changes: Change[]; number: number }) {
  const shown = props.changes.slice(0, MAX_CHANGES);
  return (
    <div class="changes">
      <h3>第 {props.number} 版与被更正版本相比的变化</h3>
      {shown.length ? (
        <div {...scrollBox("更正前后的变化")}>
          <table class="list diff">
            <caption>
              共 {props.changes.length} 处变化
              {props.changes.length > MAX_CHANGES ? `，列出前 ${MAX_CHANGES} 处` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">部分</th>
                <th scope="col">字段</th>
                <th scope="col">更正前</th>
                <th scope="col">更正后</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((ch) => (
                <tr>
                  <td>{ch.section}</td>
                  <td class="left mono">{ch.path}</td>
                  <td class="left">
                    <del>{ch.before}</del>
                  </td>
                  <td class="left">
                    <ins>{ch.after}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>数据内容没有变化（只更换了文件）。</p>
      )}
    </div>
  );
}

function Downloads(props: { v: VersionDetail }) {
  const v = props.v;
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">下载</h2>
      <ul class="downloads">
        {v.files.map((f) => (
          <li>
            <a href={DOWNLOAD_URLS.original(v.id, f.position)} download={f.fileName}>
              原文件：{f.fileName}
            </a>
            <span class="muted small">
              {" "}
              {f.role ? `${f.role} · ` : ""}
              {(f.size / 1024).toFixed(1)} KB · SHA-256 {f.sha256.slice(0, 12)}…
            </span>
          </li>
        ))}
        {DOWNLOAD_FORMATS.map((f) => (
          <li>
            <a href={DOWNLOAD_URLS.rendered(v.id, f.format)}>{f.label}</a>
            <span class="muted small"> {f.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
