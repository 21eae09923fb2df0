/** Table 9: 财政拨款“三公”经费支出表, rows 上年 / 本年 / 增减额. */
import type { Disclosure } from "../../model/disclosure.ts";
import { subtractWan } from "../numbers.ts";
import { amountCell, emptyNote, head, partCells, type TableContext } from "./cells.ts";
import { text, type Cell, type TableModel } from "./model.ts";

type ThreeAmounts = {
  total?: number;
  overseas?: number;
  vehicle?: { total?: number; purchase?: number; operation?: number };
  reception?: number;
};

/** 出国 · 车 [小计 · 购置 · 运行] · 接待: an unstated part is 未公开 when the row would not add up without it. */
function rowParts(a: ThreeAmounts): Cell[] {
  const [overseas, vehicle, reception] = partCells(a.total, [
    a.overseas,
    a.vehicle?.total,
    a.reception,
  ]);
  const split = partCells(a.vehicle?.total, [a.vehicle?.purchase, a.vehicle?.operation]);
  return [overseas!, vehicle!, ...split, reception!];
}

function threeRow(label: string, a: ThreeAmounts): Cell[] {
  return [text(label, { align: "center" }), amountCell(a.total), ...rowParts(a)];
}

/** The stated change, or current − previous where both are stated. */
export function threePublicChange(
  t: NonNullable<Disclosure["threePublic"]>,
): ThreeAmounts | undefined {
  const p = t.previous;
  const c = t.change;
  if (!p && !c) return undefined;
  const pick = (stated: number | undefined, cur: number | undefined, prev: number | undefined) =>
    stated ?? subtractWan(cur, prev);
  return {
    total: pick(c?.total, t.total, p?.total),
    overseas: pick(c?.overseas, t.overseas, p?.overseas),
    vehicle: {
      total: pick(c?.vehicle?.total, t.vehicle?.total, p?.vehicle?.total),
      purchase: pick(c?.vehicle?.purchase, t.vehicle?.purchase, p?.vehicle?.purchase),
      operation: pick(c?.vehicle?.operation, t.vehicle?.operation, p?.vehicle?.operation),
    },
    reception: pick(c?.reception, t.reception, p?.reception),
  };
}

export function threePublicExpenditure(ctx: TableContext): TableModel {
  const { d, final, amountWord } = ctx;
  const t = d.threePublic;
  const year = d.year;
  const body: Cell[][] = [];
  if (t) {
    if (t.previous)
      body.push(threeRow(year ? `${year - 1}年${amountWord}` : `上年${amountWord}`, t.previous));
    body.push(threeRow(year ? `${year}年${amountWord}` : `本年${amountWord}`, t));
    const change = threePublicChange(t);
    if (change) body.push(threeRow("增减额", change));
  }
  return {
    id: "t9-three-public",
    title: final ? "财政拨款“三公”经费支出决算表" : "财政拨款“三公”经费支出表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [2.2, 1.3, 1.6, 1.3, 1.5, 1.5, 1.3],
    landscape: true,
    header: [
      [
        head("项目", { rowSpan: 2 }),
        head("合计", { rowSpan: 2 }),
        head("因公出国（境）费", { rowSpan: 2 }),
        head("公务用车购置及运行费", { colSpan: 3 }),
        head("公务接待费", { rowSpan: 2 }),
      ],
      [head("小计"), head("公务用车购置费"), head("公务用车运行费")],
    ],
    body,
    ...(t ? {} : { empty: true, note: emptyNote("财政拨款“三公”经费", final) }),
  };
}
