/**
 * Parts the text states for a whole it states in the same sentence: the changes of 基本支出 and
 * 项目支出 make up the change of the total, and the items listed after "其中" never exceed
 * the total they are part of (money or counts).
 */
import { fmt, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { defineRule, ROUNDING } from "../define.ts";
import { halfUnit } from "../../tolerance.ts";
import { NUM, UNIT, resolveSubject, sentencesOf, textAmount } from "./sentences.ts";

const abs = (x: bigint) => (x < 0n ? -x : x);
const signed = (word: string, fen: bigint) => (/增加|增长|上升/.test(word) ? fen : -fen);

const TOTAL_CHANGE = new RegExp(`(增加|减少|增长|下降)了?${NUM}${UNIT}`, "g");
const PART_CHANGE = (part: string) =>
  new RegExp(`${part}[^。；\\d]{0,8}?(增加|减少|增长|下降)了?${NUM}${UNIT}`);

export const componentChanges = defineRule(
  {
    id: "TXT-026",
    family: "narrative",
    severity: "warning",
    category: "增减说明",
    title: "基本支出与项目支出的增减额之和等于总的增减额",
    expects:
      '"支出较上年增加 A 万元，其中基本支出减少 B 万元，项目支出增加 C 万元"：A = C − B（可能另有上缴上级等支出时为警告）',
    tolerance: ROUNDING,
  },
  (ctx) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    for (const s of sentences) {
      const total = [...s.text.matchAll(TOTAL_CHANGE)][0];
      if (!total) continue;
      // The total's change comes first; its parts follow it in the same sentence.
      const rest = s.text.slice(total.index! + total[0].length);
      const basic = PART_CHANGE("基本支出").exec(rest);
      const project = PART_CHANGE("项目支出").exec(rest);
      if (!basic || !project) continue;
      if (/基本支出|项目支出/.test(s.text.slice(0, total.index!).slice(-12))) continue;
      const t = textAmount(total[2]!, total[3]!);
      const b = textAmount(basic[2]!, basic[3]!);
      const p = textAmount(project[2]!, project[3]!);
      if (!t || !b || !p) continue;
      compared++;
      const whole = signed(total[1]!, t.fen);
      const sum = signed(basic[1]!, b.fen) + signed(project[1]!, p.fen);
      const tol = halfUnit(t.places) + halfUnit(b.places) + halfUnit(p.places);
      if (abs(whole - sum) <= tol) continue;
      const { path } = resolveSubject(ctx, s, s.text.slice(0, total.index!), undefined);
      drafts.push({
        path: path === "/expenditure" ? "/expenditure/change/total" : path,
        ...(s.line ? { line: s.line } : {}),
        message: `说明文字「${s.text.slice(total.index!, total.index! + total[0].length + rest.indexOf(project[0]) + project[0].length).slice(0, 90)}」：基本支出 ${fmt(signed(basic[1]!, b.fen))} + 项目支出 ${fmt(signed(project[1]!, p.fen))} = ${fmt(sum)} 万元，总的增减额为 ${fmt(whole)} 万元，相差 ${fmt(whole - sum)} 万元`,
        actual: Number(fmt(whole)),
        expected: Number(fmt(sum)),
        unit: "万元",
      });
    }
    if (!compared) return notApplicable("说明文字没有同时写出总的和分项的增减额");
    return outcome(drafts);
  },
);

/** A whole and its "其中" items, in money or in counts. */
const COUNT = "(辆|台|套|个|人|处|项|家|所)";
const WHOLE = new RegExp(
  `(?:总额|合计|总计|共计|共有|共|为|预算|安排|购置|配备)?(?:${NUM}${UNIT}|(\\d+)${COUNT})(?!以上|以下|及以上|及以下)[，,]?其中[：:，,]?`,
  "g",
);
const ITEM = new RegExp(
  `([^。；：:，,、\\d]{1,24}?)(?:${NUM}${UNIT}|(\\d+)${COUNT})(?!以上|以下|及以上|及以下)`,
  "g",
);
/** A label that states a change or a comparison, not a part. */
const NOT_A_PART = /增加|减少|增长|下降|比|较|上年|同比|占|人均|每/;

export const partsWithinWhole = defineRule(
  {
    id: "TXT-027",
    family: "narrative",
    severity: "warning",
    category: "文字说明",
    title: '"其中"所列各项不超过总数',
    expects:
      '"总额 X 万元（N 辆），其中：A …、B …"：所列各项之和不超过 X（N）；只以百分比说明的部分不计入',
    tolerance: ROUNDING,
  },
  (ctx) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    for (const s of sentences) {
      for (const w of s.text.matchAll(WHOLE)) {
        // A change ("较上年增加 0.0 万元，其中…") is no whole.
        if (
          /(增加|减少|增长|下降|持平|变化)了?$/.test(
            s.text.slice(Math.max(0, w.index! - 4), w.index!),
          )
        )
          continue;
        const money = w[1] !== undefined;
        const whole = money ? textAmount(w[1]!, w[2]!) : undefined;
        if (money && !whole) continue;
        const count = money ? undefined : w[4];
        const wholeValue = whole ? whole.fen : BigInt(w[3]!);
        // The items run to the end of the clause list: until "。", "；" or another whole.
        // Nested lists in brackets ("（其中，公务用车购置费…）") detail an item, not the whole.
        const list = s.text
          .slice(w.index! + w[0].length)
          .split(/[。；;]/)[0]!
          // "基本支出 A 万元，包括人员经费 B 万元和…" details an item: the list ends there.
          .split(/包括|主要用于|主要是|含有|即/)[0]!
          .replace(/[（(][^（()）]*[）)]/g, (m) => (/其中|包括|含/.test(m) ? "" : m));
        let sum = 0n;
        let tol = whole ? halfUnit(whole.places) : 0n;
        let items = 0;
        for (const it of list.matchAll(ITEM)) {
          if (NOT_A_PART.test(it[1]!)) break;
          const isMoney = it[2] !== undefined;
          if (isMoney !== money || (!money && it[5] !== count)) continue;
          const a = isMoney ? textAmount(it[2]!, it[3]!) : undefined;
          if (isMoney && !a) continue;
          sum += a ? a.fen : BigInt(it[4]!);
          if (a) tol += halfUnit(a.places);
          items++;
        }
        if (!items) continue;
        compared++;
        if (sum <= wholeValue + tol) continue;
        const shown = (v: bigint) => (money ? `${fmt(v)} 万元` : `${v}${count}`);
        const { path } = resolveSubject(ctx, s, s.text.slice(0, w.index!), whole);
        drafts.push({
          path,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${s.text.slice(Math.max(0, w.index! - 16), w.index! + w[0].length + list.length).slice(0, 100)}」："其中"所列各项之和 ${shown(sum)} 超过了总数 ${shown(wholeValue)}`,
          actual: money ? Number(fmt(wholeValue)) : Number(wholeValue),
          expected: `≥ ${money ? fmt(sum) : sum}`,
          ...(money ? { unit: "万元" } : {}),
        });
      }
    }
    if (!compared) return notApplicable('说明文字没有"其中"所列的分项');
    return outcome(drafts);
  },
);
