/**
 * The checker's result as a reader sees it: how many rules were checked and
 * what they found, then each finding with the place in the document it
 * points to (section, field, printed line and wording).
 */
import type { VersionDetail } from "../../service/reads.ts";
import { SECTION_LABEL } from "./diff.ts";
import { SEVERITY_LABEL } from "./format.ts";
import { scrollBox } from "./table.tsx";

type Finding = VersionDetail["findings"][number]["finding"];

/** "支出 · /expenditure/change" */
function where(f: Finding): string {
  if (!f.path) return "全文";
  const section = SECTION_LABEL[f.path.split("/")[1] ?? ""];
  return section ? `${section}（${f.path}）` : f.path;
}

function Places(props: { f: Finding }) {
  const places = (props.f.places ?? []).filter((p) => p.line || p.text);
  if (!places.length) {
    return props.f.line ? <span>原文第 {props.f.line} 行</span> : null;
  }
  return (
    <ul class="places">
      {places.slice(0, 6).map((p) => (
        <li>
          {p.line ? `原文第 ${p.line} 行` : "原文"}
          {p.text ? `：“${p.text}”` : ""}
        </li>
      ))}
    </ul>
  );
}

export function Findings(props: { v: VersionDetail }) {
  const { coverage, findings } = props.v;
  const counts = coverage.findings;
  return (
    <div class="findings">
      <p class="quality">
        共检查 {coverage.rules} 条规则：{coverage.passed} 条通过，{coverage.failed} 条发现问题，
        {coverage.notApplicable} 条不适用，{coverage.notEvaluable} 条因数据不足无法判断。 发现{" "}
        <span class="status s-error">{counts.error} 个错误</span>、
        <span class="status s-warning">{counts.warning} 个警告</span>、
        <span class="status s-info">{counts.info} 个提示</span>。
      </p>
      {findings.length ? (
        <div {...scrollBox("审核发现的问题")}>
          <table class="list">
            <caption>审核发现的问题（规则编号、所在位置与部门的说明）</caption>
            <thead>
              <tr>
                <th scope="col">级别</th>
                <th scope="col">问题</th>
                <th scope="col">位置</th>
                <th scope="col">部门说明</th>
              </tr>
            </thead>
            <tbody>
              {findings.map(({ finding: f, response }) => (
                <tr>
                  <td>
                    <span class={`status s-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
                    <div class="muted small">{f.rule}</div>
                  </td>
                  <td class="left">{f.message}</td>
                  <td class="left">
                    <div>{where(f)}</div>
                    <Places f={f} />
                  </td>
                  <td class="left">{response?.text ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>未发现问题。</p>
      )}
    </div>
  );
}
