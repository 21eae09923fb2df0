/** `--out report.xlsx`: a workbook a finance-bureau reviewer can filter: 问题清单, 规则结果, 概况. */
import ExcelJS from "exceljs";
import { FAMILIES, STATUS_LABEL, type CheckReport } from "../types.ts";
import { SEVERITY_LABEL, placesOf } from "./labels.ts";

export async function toXlsx(report: CheckReport, title: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "gongkai";
  const font = { name: "宋体", size: 11 };

  const summary = wb.addWorksheet("概况");
  summary.columns = [{ width: 22 }, { width: 60 }];
  const c = report.coverage;
  const rows: [string, string | number][] = [
    ["审核对象", title],
    ["规则总数", c.rules],
    ["通过", c.passed],
    ["未通过", c.failed],
    ["不适用", c.notApplicable],
    ["无法判断", c.notEvaluable],
    ["运行出错", c.crashed],
    ["错误", c.findings.error],
    ["警告", c.findings.warning],
    ["提示", c.findings.info],
  ];
  summary.addRow(["公开文件审核报告"]).font = { ...font, size: 16, bold: true };
  summary.getRow(1).height = 24;
  for (const r of rows) summary.addRow(r).font = font;

  const issues = wb.addWorksheet("问题清单", { views: [{ state: "frozen", ySplit: 1 }] });
  issues.columns = [
    { header: "序号", key: "n", width: 6 },
    { header: "严重程度", key: "severity", width: 9 },
    { header: "规则", key: "rule", width: 10 },
    { header: "规则名称", key: "title", width: 28 },
    { header: "问题说明", key: "message", width: 80 },
    { header: "填报值", key: "actual", width: 14 },
    { header: "期望值", key: "expected", width: 14 },
    { header: "差额", key: "difference", width: 12 },
    { header: "单位", key: "unit", width: 6 },
    { header: "原文位置", key: "places", width: 48 },
  ];
  const titleOf = new Map(report.results.map((r) => [r.rule.id, r.rule.title]));
  report.findings.forEach((f, i) => {
    const row = issues.addRow({
      n: i + 1,
      severity: SEVERITY_LABEL[f.severity],
      rule: f.rule,
      title: titleOf.get(f.rule) ?? "",
      message: f.message,
      actual: f.actual ?? "",
      expected: f.expected ?? "",
      difference: f.difference ?? "",
      unit: f.unit ?? "",
      places: placesOf(f).join("\n"),
    });
    row.font = {
      ...font,
      color: {
        argb:
          f.severity === "error" ? "FFC00000" : f.severity === "warning" ? "FF9C5700" : "FF404040",
      },
    };
    row.alignment = { wrapText: true, vertical: "top" };
  });
  issues.getRow(1).font = { ...font, bold: true };
  issues.autoFilter = { from: "A1", to: "J1" };

  const rules = wb.addWorksheet("规则结果", { views: [{ state: "frozen", ySplit: 1 }] });
  rules.columns = [
    { header: "规则", key: "id", width: 10 },
    { header: "类别", key: "family", width: 22 },
    { header: "对象", key: "category", width: 14 },
    { header: "规则名称", key: "title", width: 32 },
    { header: "结果", key: "status", width: 12 },
    { header: "问题数", key: "n", width: 8 },
    { header: "说明", key: "reason", width: 40 },
    { header: "依据", key: "basis", width: 40 },
  ];
  for (const r of report.results) {
    rules.addRow({
      id: r.rule.id,
      family: FAMILIES[r.rule.family],
      category: r.rule.category,
      title: r.rule.title,
      status: STATUS_LABEL[r.status],
      n: r.findings.length,
      reason: r.reason ?? "",
      basis: r.rule.basis ?? "",
    }).font = font;
  }
  rules.getRow(1).font = { ...font, bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
