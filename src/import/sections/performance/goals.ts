/**
 * The 总体及分项绩效目标 part: the department's overall and itemised performance goals.
 */
import type { ExtractContext, PartExtractor } from "../context.ts";
import { Outline, outlineOf, type Para, type Section } from "../../toolkit/outline.ts";
import type { Disclosure } from "../../../model/disclosure.ts";
import { squash } from "../../source-document.ts";

const SECTION = "总体及分项绩效目标";

type Goal = NonNullable<NonNullable<Disclosure["performance"]>["goals"]>[number];

const OVERALL_TITLES = [/^(?:部门)?总体绩效目标$/, /^(?:部门)?整体绩效目标$/];
const GOALS_TITLE = /^(?:分项|职责分类|职能分类|部门职责分类|分类|具体)绩效目标$/;
/** Labelled lines inside a goal: "绩效目标：…", "绩效指标：…". */
const GOAL_LABEL = /^(?:绩效目标|年度目标|目标)\s*[:：]\s*/;
const INDICATOR_LABEL = /^(?:绩效指标|指标)\s*[:：]\s*/;

/** Running text of a section up to its first sub-heading, lines joined (PDF and Word wrap freely). */
function leadText(section: Section): { text: string; line: number } | undefined {
  const parts: Para[] = [];
  for (const p of section.paras) {
    if (p.heading) break;
    parts.push(p);
  }
  const text = parts.map((p) => p.text.trim()).join("");
  return text ? { text, line: parts[0]!.line } : undefined;
}

export interface ReadGoal extends Goal {
  line: number;
}

/**
 * The goals of a 分项绩效目标 section: each numbered paragraph of the section's
 * first numbering style starts one. Its text is either labelled
 * (绩效目标：… / 绩效指标：… on the following lines), or the lines under a short
 * heading, or one paragraph whose first sentence is the title
 * ("（1） 政务服务。突出政务…").
 */
export function readGoals(section: Section): ReadGoal[] {
  const numbered = section.paras.filter((p) => p.numbered && p.numbered.style !== "part");
  const top = numbered[0]?.numbered?.style;
  if (!top) return [];
  const goals: ReadGoal[] = [];
  let head: Para | undefined;
  let body: Para[] = [];
  const flush = () => {
    if (!head) return;
    let rest = head.numbered!.rest.trim();
    // A long numbered paragraph wrapped by the page (PDF) goes on until a sentence ends.
    if (!head.heading) {
      while (
        body.length &&
        !/[。！？!?；;：:]$/.test(rest) &&
        !body[0]!.numbered &&
        !GOAL_LABEL.test(body[0]!.text.trim()) &&
        !INDICATOR_LABEL.test(body[0]!.text.trim())
      ) {
        rest += body.shift()!.text.trim();
      }
    }
    const goalParts: string[] = [];
    const indicatorParts: string[] = [];
    let target = goalParts;
    let labelled = false;
    for (const p of body) {
      const t = p.text.trim();
      if (GOAL_LABEL.test(t)) {
        labelled = true;
        target = goalParts;
        target.push(t.replace(GOAL_LABEL, ""));
      } else if (INDICATOR_LABEL.test(t)) {
        labelled = true;
        target = indicatorParts;
        target.push(t.replace(INDICATOR_LABEL, ""));
      } else {
        target.push(t);
      }
    }
    let title = rest;
    let goal = goalParts.join("");
    if (!labelled && !body.length) {
      // One paragraph: the first sentence names the duty, the rest is its goal.
      const stop = rest.indexOf("。");
      if (stop > 0 && stop <= 30 && stop < rest.length - 1) {
        title = rest.slice(0, stop);
        goal = rest.slice(stop + 1).trim();
      }
    }
    if (!labelled) title = title.replace(/[。.：:]$/, "");
    const g: ReadGoal = { title: squash(title) === "" ? rest : title, line: head.line };
    if (goal) g.goal = goal;
    if (indicatorParts.length) g.indicatorText = indicatorParts.join("");
    goals.push(g);
  };
  for (const p of section.paras) {
    if (p.numbered?.style === top) {
      flush();
      head = p;
      body = [];
    } else if (head) {
      body.push(p);
    }
  }
  flush();
  return goals;
}

/** Reads 总体及分项绩效目标. */
export const extractPerformanceGoals: PartExtractor = {
  name: SECTION,
  run(ctx: ExtractContext) {
    const outline = outlineOf(ctx.doc);
    const perf = (ctx.disclosure.performance ??= {});

    // 总体绩效目标: the text under its heading, or on the same line after "总体绩效目标：".
    const overall = OVERALL_TITLES.map((t) => outline.findOne(t)).find((s) => s);
    let overallText = overall ? leadText(overall) : undefined;
    if (!overallText) {
      const inline = outline.paras.find((p) =>
        /^(?:部门)?总体绩效目标\s*[:：]\s*\S/.test(squash(p.numbered?.rest ?? p.text)),
      );
      if (inline)
        overallText = {
          text: (inline.numbered?.rest ?? inline.text).replace(/^.*?总体绩效目标\s*[:：]\s*/, ""),
          line: inline.line,
        };
    }
    if (overallText) {
      perf.overallGoal = overallText.text;
      ctx.cite("/performance/overallGoal", overallText.line, overallText.text);
    } else if (overall) {
      ctx.diagnose(
        "warning",
        "找到“总体绩效目标”但其下没有文字（overall goal section is empty）",
        SECTION,
        overall.heading.line,
      );
    }

    const section = outline.findOne(GOALS_TITLE);
    if (section) {
      const goals = readGoals(section);
      if (goals.length) {
        perf.goals = goals.map(({ line: _line, ...g }) => g);
        goals.forEach((g, i) => ctx.cite(`/performance/goals/${i}`, g.line, g.title));
      } else {
        ctx.diagnose(
          "warning",
          `找到“${section.title}”但未读出编号的分项目标（no numbered goals read）`,
          SECTION,
          section.heading.line,
        );
      }
    }
    if (!Object.keys(perf).length) delete ctx.disclosure.performance;
  },
};
