/**
 * The one way HTML is escaped in gongkai: text and attribute values alike
 * (& < > " '), so a department name or a finding's wording can never become
 * markup. Every HTML writer (render/html.ts, check's HTML report) uses it.
 */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
