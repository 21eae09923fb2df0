/**
 * A renderer table (src/render/tables/model.ts) as an accessible HTML table:
 * its title as <caption>, header cells as <th scope>, amounts re-printed with
 * thousands separators, the unit line above it as the table's description;
 * wide tables scroll sideways on a phone.
 */
import type { Cell, TableModel } from "../../render/tables/model.ts";
import { exactWan, regroup } from "./format.ts";

function cellProps(c: Cell) {
  return {
    ...(c.colSpan && c.colSpan > 1 ? { colspan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowspan: c.rowSpan } : {}),
  };
}

const cellText = (c: Cell) => (c.amount !== undefined ? regroup(c.text) : c.text);
/** A rounded amount keeps its exact value as the cell's title. */
const cellTitle = (c: Cell) => {
  const exact =
    c.amount !== undefined && /^-?\d+\.\d+$/.test(c.text) ? exactWan(Number(c.text)) : undefined;
  return exact ? { title: exact } : {};
};

/**
 * The box a table scrolls in sideways on a phone: focusable and named, so a
 * keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export const scrollBox = (label: string) => ({
  class: "table-wrap",
  tabindex: 0,
  role: "region",
  "aria-label": label,
});

export function DataTable(props: { table: TableModel; number?: number }) {
  const t = props.table;
  const title = props.number ? `${props.number}．${t.title}` : t.title;
  const sum = t.widths.reduce((a, b) => a + b, 0);
  return (
    <section class="data-table" id={t.id}>
      {t.caption || t.unit ? (
        <div class="table-meta" id={`${t.id}-meta`}>
          <span>{t.caption ?? ""}</span>
          <span>{t.unit ?? ""}</span>
        </div>
      ) : null}
      <div {...scrollBox(title)}>
        <table
          class={t.landscape ? "wide" : undefined}
          {...(t.caption || t.unit ? { "aria-describedby": `${t.id}-meta` } : {})}
        >
          <caption>{title}</caption>
          <colgroup>
            {t.widths.map((w) => (
              <col style={`width:${((100 * w) / sum).toFixed(2)}%`} />
            ))}
          </colgroup>
          {t.header.length ? (
            <thead>
              {t.header.map((row) => (
                <tr>
                  {row.map((c) => (
                    <th scope={c.colSpan && c.colSpan > 1 ? "colgroup" : "col"} {...cellProps(c)}>
                      {c.text}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
          ) : null}
          <tbody>
            {t.body.map((row) => (
              <tr>
                {row.map((c) =>
                  // A bold label cell inside a form-like table (项目绩效目标表) heads its row.
                  c.bold && c.amount === undefined && c.align === "center" && !t.header.length ? (
                    <th scope="row" {...cellProps(c)}>
                      {c.text}
                    </th>
                  ) : (
                    <td
                      class={[c.align ?? "left", c.bold ? "b" : ""].join(" ").trim()}
                      {...cellProps(c)}
                      {...cellTitle(c)}
                    >
                      {cellText(c)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {t.note ? <p class="table-note">{t.note}</p> : null}
    </section>
  );
}
