/**
 * A finding beside the document's own printed lines: the place it cites,
 * found among the lines its file's reader printed (by the PDF page and
 * printed line, the .docx paragraph or cell, the .xlsx cell, or the line
 * number of a text file), shown with a few lines around it, and for a PDF
 * the page image with each cited line's box marked over it.
 */
import type { Location } from "../../check/types.ts";
import type { SourceLine } from "../../service/engine.ts";
import type { VersionDetail } from "../../service/reads.ts";
import type { SourceText } from "../../service/sources.ts";

type Finding = VersionDetail["findings"][number]["finding"];

/** How many lines are shown before and after a cited one. */
const CONTEXT = 3;

export interface Cited {
  file: SourceText;
  /** Indexes into the file's lines of each place the finding cites. */
  hits: number[];
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** The place's line in one file: by its location when the reader recorded one, else by number. */
function lineIn(file: SourceText, line: number | undefined, at: Location | undefined): number {
  const keys = at
    ? (Object.keys(at) as (keyof Location)[]).filter((k) => k !== "text" && k !== "cell")
    : [];
  if (keys.length) {
    const i = file.lines.findIndex((l) => l.at && keys.every((k) => l.at![k] === at![k]));
    if (i >= 0) return i;
  }
  if (line === undefined || file.lines.some((l) => l.at)) return -1;
  return file.lines.findIndex((l) => l.no === line);
}

interface PlaceRef {
  line?: number;
  location?: Location;
  text?: string;
}

function placesOf(f: Finding): PlaceRef[] {
  const places: PlaceRef[] = [...(f.places ?? [])];
  if (f.location || f.line) places.unshift({ line: f.line, location: f.location });
  for (const line of f.lines ?? []) places.push({ line });
  return places;
}

/** Where the finding is in the files (the file whose line carries the cited wording, if several). */
export function citedIn(files: readonly SourceText[], f: Finding): Cited | undefined {
  const places = placesOf(f);
  let best: Cited | undefined;
  for (const file of files) {
    if (!file.lines.length) continue;
    const hits: number[] = [];
    let worded = false;
    for (const p of places) {
      const i = lineIn(file, p.line, p.location);
      if (i < 0 || hits.includes(i)) continue;
      hits.push(i);
      const wording = p.text ?? p.location?.text;
      if (wording && squash(file.lines[i]!.text).includes(squash(wording))) worded = true;
    }
    if (!hits.length) continue;
    if (worded || files.length === 1) return { file, hits };
    best ??= { file, hits };
  }
  return best;
}

/** "第 3 页第 12 行", "第 4 段", "表 2 第 3 行", or the line number of a text file. */
function placeLabel(l: SourceLine): string {
  const at = l.at;
  if (!at) return `第 ${l.no} 行`;
  if (at.page) return `第 ${at.page} 页第 ${at.line ?? "?"} 行`;
  if (at.sheet) return `工作表「${at.sheet}」第 ${at.row ?? "?"} 行`;
  if (at.table) return `表 ${at.table} 第 ${at.row ?? "?"} 行`;
  if (at.paragraph) return `第 ${at.paragraph} 段`;
  return `第 ${l.no} 行`;
}

function Lines(props: { cited: Cited }) {
  const { file, hits } = props.cited;
  const first = Math.min(...hits);
  const last = Math.min(Math.max(...hits), first + 12);
  const shown: number[] = [];
  for (
    let i = Math.max(0, first - CONTEXT);
    i <= Math.min(file.lines.length - 1, last + CONTEXT);
    i++
  )
    if (file.lines[i]!.text.trim()) shown.push(i);
  return (
    // Long printed lines scroll sideways: focusable, so a keyboard can scroll them too.
    <ol class="source-lines" tabindex={0} aria-label="原文中的相关行">
      {shown.map((i) => {
        const l = file.lines[i]!;
        const hit = hits.includes(i);
        return (
          <li class={hit ? "hit" : l.furniture ? "furniture" : undefined} data-line={l.no}>
            <span class="where">{placeLabel(l)}</span>
            {hit ? <mark>{l.text.trim()}</mark> : <span>{l.text.trim()}</span>}
          </li>
        );
      })}
    </ol>
  );
}

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

/** The PDF page the first cited line is on, with every cited line of that page marked. */
function PageImage(props: { cited: Cited; versionId: number }) {
  const { file, hits } = props.cited;
  const page = file.lines[hits[0]!]?.at?.page;
  if (file.format !== "pdf" || !page) return null;
  const src = `/work/versions/${props.versionId}/files/${file.position}/pages/${page}`;
  const boxes = hits.map((i) => file.lines[i]!).filter((l) => l.at?.page === page && l.box);
  return (
    <figure class="page-image">
      <div class="page">
        <a href={src} title="查看原尺寸页面">
          <img src={src} alt={`${file.fileName} 第 ${page} 页`} loading="lazy" />
        </a>
        {boxes.map((l) => (
          <span
            class="mark-box"
            title={placeLabel(l)}
            style={`left:${pct(l.box!.x)};top:${pct(l.box!.y)};width:${pct(l.box!.width)};height:${pct(l.box!.height)}`}
          ></span>
        ))}
      </div>
      <figcaption>
        {file.fileName} 第 {page} 页（红框为所指位置）
      </figcaption>
    </figure>
  );
}

export function CitedPlace(props: { cited: Cited | undefined; versionId: number; many: boolean }) {
  const { cited } = props;
  if (!cited) return <p class="muted small">原文中没有可对照的位置（全文性问题或数据文件）。</p>;
  return (
    <div class="cited">
      <div class="source">
        {props.many ? <p class="muted small">文件：{cited.file.fileName}</p> : null}
        <Lines cited={cited} />
      </div>
      <PageImage cited={cited} versionId={props.versionId} />
    </div>
  );
}
