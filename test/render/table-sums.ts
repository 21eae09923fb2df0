/**
 * Arithmetic a printed standard table must satisfy, read from the table model
 * itself (what every format draws): each total row equals the sum of its lines,
 * within the 0.01 万元 the printed lines are rounded to. Cells saying 未公开
 * are unknown, so a sum that needs one is not checked.
 */
import { wanToFen } from "../../src/model/amount.ts";
import { placeCells, type Cell, type TableModel } from "../../src/render/tables/model.ts";

const TOLERANCE = wanToFen(0.01);

/** A body row as grid columns (spans placed): the cell at each column, or undefined. */
export function gridRows(t: TableModel): (Cell | undefined)[][] {
  const rows: (Cell | undefined)[][] = t.body.map(() => Array(t.widths.length).fill(undefined));
  for (const p of placeCells(t.body, t.widths.length)) rows[p.row]![p.col] = p.cell;
  return rows;
}

type Value = bigint | "unknown" | undefined;
const value = (c: Cell | undefined): Value =>
  c?.text === "未公开" ? "unknown" : c?.amount === undefined ? undefined : wanToFen(c.amount);

/** Checks total = Σ parts (blank parts count 0; nothing to check when every part is blank). */
function sumProblem(what: string, total: Cell | undefined, parts: (Cell | undefined)[]): string[] {
  const t = value(total);
  const vs = parts.map(value);
  if (t === undefined || t === "unknown" || vs.includes("unknown")) return [];
  if (vs.every((v) => v === undefined)) return [];
  const sum = vs.reduce<bigint>((a, v) => a + (typeof v === "bigint" ? v : 0n), 0n);
  const diff = sum - t;
  return (diff < 0n ? -diff : diff) > TOLERANCE
    ? [`${what}: ${total!.text} ≠ Σ ${parts.map((p) => p?.text || "·").join(" + ")}`]
    : [];
}

const rowIndex = (rows: (Cell | undefined)[][], label: string, col = 0) =>
  rows.findIndex((r) => r[col]?.text === label);

/** 收支总表 / 财政拨款收支总表: each side's lines add up to its 合计 and 总计. */
function halfTableProblems(t: TableModel, rows: (Cell | undefined)[][]): string[] {
  const out: string[] = [];
  const side = (labelCol: number, amountCols: number[], yearTotal: string, grand: string) => {
    const y = rowIndex(rows, yearTotal, labelCol);
    const g = rowIndex(rows, grand, labelCol);
    if (g < 0) return;
    const lines = rows.slice(0, y < 0 ? g : y);
    const below = y < 0 ? [] : rows.slice(y + 1, g);
    for (const c of amountCols) {
      if (y >= 0) {
        out.push(
          ...sumProblem(
            `${t.title} ${yearTotal}`,
            rows[y]![c],
            lines.map((r) => r[c]),
          ),
        );
        out.push(
          ...sumProblem(`${t.title} ${grand}`, rows[g]![c], [
            rows[y]![c],
            ...below.map((r) => r[c]),
          ]),
        );
      } else
        out.push(
          ...sumProblem(
            `${t.title} ${grand}`,
            rows[g]![c],
            lines.map((r) => r[c]),
          ),
        );
    }
  };
  side(0, [1], "本年收入合计", "收入总计");
  const wide = t.widths.length > 4;
  side(2, wide ? [3, 4] : [3], wide ? "" : "本年支出合计", "支出总计");
  return out;
}

/** Tables with 科目编码: 合计 = Σ 类; 类 = Σ its 款; 款 = Σ its 项; each row's 合计 = Σ its split columns. */
function codedProblems(t: TableModel, rows: (Cell | undefined)[][]): string[] {
  const out: string[] = [];
  const width = t.widths.length;
  const coded = rows.filter((r) => /^\d{3}(\d{2}){0,2}$/.test(r[0]?.text ?? ""));
  const totalRow = rows.find((r) => r[1]?.text === "合计");
  // A list whose codes repeat holds several units' rows: the hierarchy is per unit, checked by total only.
  const unique = new Set(coded.map((r) => r[0]!.text)).size === coded.length;
  for (let c = 2; c < width; c++) {
    const classes = coded.filter((r) => r[0]!.text.length === 3);
    const top = classes.length ? classes : coded.filter((r) => r[0]!.text.length === 5);
    if (totalRow && top.length && unique)
      out.push(
        ...sumProblem(
          `${t.title} 合计 col ${c}`,
          totalRow[c],
          top.map((r) => r[c]),
        ),
      );
    if (!unique) continue;
    for (const parent of coded) {
      const code = parent[0]!.text;
      const children = coded.filter(
        (r) => r[0]!.text.length === code.length + 2 && r[0]!.text.startsWith(code),
      );
      if (children.length)
        out.push(
          ...sumProblem(
            `${t.title} ${code} col ${c}`,
            parent[c],
            children.map((r) => r[c]),
          ),
        );
    }
  }
  for (const r of [...(totalRow ? [totalRow] : []), ...coded])
    out.push(...sumProblem(`${t.title} ${r[0]?.text || "合计"} row`, r[2], r.slice(3)));
  return out;
}

/** 三公: 合计 = 出国 + 车 + 接待, 车 = 购置 + 运行, on every row. */
function threePublicProblems(t: TableModel, rows: (Cell | undefined)[][]): string[] {
  return rows.flatMap((r) => [
    ...sumProblem(`${t.title} ${r[0]?.text}`, r[1], [r[2], r[3], r[6]]),
    ...sumProblem(`${t.title} ${r[0]?.text} 车`, r[3], [r[4], r[5]]),
  ]);
}

/** 收入总表: each row's 合计 = Σ its sources. */
function incomeProblems(t: TableModel, rows: (Cell | undefined)[][]): string[] {
  return rows.flatMap((r) => sumProblem(`${t.title} ${r[1]?.text}`, r[2], r.slice(3)));
}

export function sumProblems(t: TableModel): string[] {
  const rows = gridRows(t);
  const kind = t.id.split("-")[0];
  switch (kind) {
    case "t1":
    case "t4":
      return halfTableProblems(t, rows);
    case "t2":
      return incomeProblems(t, rows);
    case "t9":
      return threePublicProblems(t, rows);
    default:
      return codedProblems(t, rows);
  }
}
