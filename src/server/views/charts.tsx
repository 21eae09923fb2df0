/**
 * Charts drawn by ECharts on the server as SVG (its SSR renderer), so a page
 * reads without client JavaScript and prints. Each chart is a <figure> with a
 * caption and the SVG labelled for screen readers.
 */
import * as echarts from "echarts";
import { raw } from "hono/html";
import { wan } from "./format.ts";

const FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const PALETTE = ["#b22c2c", "#2f5d8a", "#d08a1e", "#3f8a5a", "#7a4e9a", "#5b6770", "#c4603c"];

interface Size {
  width?: number;
  height?: number;
}

/**
 * Drawn charts by their inputs: drawing one costs tens of milliseconds and a
 * published version's numbers never change, so a page viewed again reuses them.
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 2000;

function memo(key: unknown[], draw: () => string): string {
  const k = JSON.stringify(key);
  const hit = drawn.get(k);
  if (hit !== undefined) {
    // Re-inserted: the map's order is least recently used first.
    drawn.delete(k);
    drawn.set(k, hit);
    return hit;
  }
  const svg = draw();
  drawn.set(k, svg);
  if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  return svg;
}

function render(option: echarts.EChartsCoreOption, label: string, size: Size = {}): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width ?? 520,
    height: size.height ?? 320,
  });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT, fontSize: 13, color: "#222" },
      ...option,
    });
    const svg = chart.renderToSVGString();
    // The chart is one image to assistive technology, named by its caption's words; each mark's
    // name and amount ride along for the client script (public/charts.js) where JavaScript runs.
    const tips = escapeAttr(JSON.stringify(tipsOf(option)));
    return svg.replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeAttr(label)}" data-tips="${tips}" `,
    );
  } finally {
    chart.dispose();
  }
}

type Datum = number | null | { name?: string; value?: number | null; children?: unknown };

/**
 * What pointing at a mark shows, by series and data index as ECharts numbers its marks: the
 * item's name (its own, or its category on the axis) and amount in 万元. Nested data (a
 * treemap's children) is left without tips rather than numbered wrongly.
 */
function tipsOf(option: echarts.EChartsCoreOption): (string | null)[][] {
  const o = option as {
    series?: { name?: string; data?: Datum[] }[];
    xAxis?: { data?: string[] };
    yAxis?: { data?: string[] };
  };
  const categories = o.xAxis?.data ?? o.yAxis?.data ?? [];
  return (o.series ?? []).map((series) =>
    (series.data ?? []).map((d, i) => {
      if (d !== null && typeof d === "object" && d.children) return null;
      const value = d !== null && typeof d === "object" ? d.value : d;
      const name = (d !== null && typeof d === "object" ? d.name : undefined) ?? categories[i];
      if (value === null || value === undefined) return null;
      const who = [name, series.name].filter(Boolean).join(" · ");
      return `${who}：${wan(value)} 万元`;
    }),
  );
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Labels on bars: the amount in 万元 with separators. */
const amountLabel = { show: true, formatter: (p: { value: number }) => wan(p.value) };

export interface Item {
  name: string;
  value: number;
}

/** Horizontal bars, largest first: spending by function, 三公 by item. */
export function barSvg(items: Item[], label: string): string {
  return memo(["bar", items, label], () => drawBars(items, label));
}

function drawBars(items: Item[], label: string): string {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const height = Math.max(140, 48 + sorted.length * 34);
  return render(
    {
      grid: { left: 8, right: 110, top: 12, bottom: 12, containLabel: true },
      xAxis: { type: "value", axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: "category",
        data: sorted.map((i) => truncate(i.name, 14)),
        axisTick: { show: false },
      },
      series: [
        {
          type: "bar",
          data: sorted.map((i) => i.value),
          barMaxWidth: 22,
          label: { ...amountLabel, position: "right" },
          itemStyle: { color: PALETTE[0] },
        },
      ],
    },
    label,
    { height },
  );
}

/** What every chart of named series over categories shares: legend, grid, the 万元 axis. */
function seriesFrame(series: { name: string }[]) {
  return {
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    yAxis: { type: "value", name: "万元", axisLabel: { formatter: (v: number) => groupInt(v) } },
  };
}

/** Lines over years: one line per series (收入 / 支出 totals, 基本 / 项目 …). */
export function trendSvg(
  years: string[],
  series: { name: string; values: (number | null)[] }[],
  label: string,
): string {
  return memo(["trend", years, series, label], () => drawTrend(years, series, label));
}

function drawTrend(
  years: string[],
  series: { name: string; values: (number | null)[] }[],
  label: string,
): string {
  return render(
    {
      ...seriesFrame(series),
      xAxis: { type: "category", data: years, boundaryGap: years.length < 3 },
      series: series.map((s) => ({
        name: s.name,
        type: years.length < 2 ? "bar" : "line",
        data: s.values,
        symbolSize: 8,
        connectNulls: false,
        label: { show: years.length <= 6, formatter: (p: { value: number }) => wan(p.value) },
      })),
    },
    label,
    { height: 340 },
  );
}

/** Grouped columns: one group per category (a disclosure), one column per series (收入, 支出 …). */
export function columnsSvg(
  categories: string[],
  series: { name: string; values: (number | null)[] }[],
  label: string,
): string {
  return memo(["columns", categories, series, label], () => drawColumns(categories, series, label));
}

function drawColumns(
  categories: string[],
  series: { name: string; values: (number | null)[] }[],
  label: string,
): string {
  return render(
    {
      ...seriesFrame(series),
      xAxis: {
        type: "category",
        data: categories.map((c) => truncate(c, 12)),
        axisLabel: { interval: 0, rotate: categories.length > 4 ? 30 : 0 },
      },
      series: series.map((s) => ({
        name: s.name,
        type: "bar",
        data: s.values,
        barMaxWidth: 28,
        label: {
          show: categories.length * series.length <= 8,
          position: "top",
          fontSize: 11,
          formatter: (p: { value: number }) => wan(p.value),
        },
      })),
    },
    label,
    { width: Math.max(520, 120 * categories.length), height: 360 },
  );
}

/** A treemap of parts of a whole: spending by function, income by source. */
export function treemapSvg(items: Item[], label: string): string {
  return memo(["treemap", items, label], () => drawTreemap(items, label));
}

function drawTreemap(items: Item[], label: string): string {
  const total = items.reduce((a, i) => a + i.value, 0);
  return render(
    {
      series: [
        {
          type: "treemap",
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          width: "100%",
          height: "100%",
          itemStyle: { borderColor: "#fff", borderWidth: 2, gapWidth: 2 },
          label: {
            show: true,
            formatter: (p: { name: string; value: number }) =>
              `${p.name}\n${wan(p.value)} 万元\n${total > 0 ? ((100 * p.value) / total).toFixed(1) : "0"}%`,
            fontSize: 12,
            overflow: "break",
          },
          data: items.map((i, k) => ({ ...i, itemStyle: { color: PALETTE[k % PALETTE.length] } })),
        },
      ],
    },
    label,
    { height: 300 },
  );
}

/** A ring of parts of a whole, with shares in the labels: income by source. */
export function ringSvg(items: Item[], label: string): string {
  return memo(["ring", items, label], () => drawRing(items, label));
}

function drawRing(items: Item[], label: string): string {
  return render(
    {
      series: [
        {
          type: "pie",
          radius: ["38%", "64%"],
          center: ["50%", "52%"],
          label: { formatter: "{b}\n{d}%", fontSize: 14 },
          data: items,
        },
      ],
    },
    label,
    { height: 300 },
  );
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const groupInt = (v: number) => Math.round(v).toLocaleString("en-US");

/** A chart with its caption; `note` is a sentence under it that says the same in words. */
export function Chart(props: { svg: string; caption: string; note?: string }) {
  return (
    <figure class="chart">
      <figcaption>{props.caption}</figcaption>
      <div class="chart-svg">{raw(props.svg)}</div>
      {props.note ? <p class="chart-note">{props.note}</p> : null}
    </figure>
  );
}
