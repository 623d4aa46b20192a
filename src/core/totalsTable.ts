/**
 * The per-unit table of the circular and the totals sheet (header and rows in the report's language), as HTML and
 * TSV. Apart from ./summary so the task pane's Totals view gets it without the text readers (and OpenCC) the
 * summary's wording needs.
 */
import { translator, type Catalogue } from "./i18n/format";
import type { Language, UnitTotals } from "./types";

const zhCN = {
  "col.unit": "单位",
  "col.lead": "牵头任务",
  "col.responsible": "责任（配合）任务",
  "col.overdue": "逾期",
  "col.overdueChange": "逾期较上期增减",
  "col.overdueAsLead": "牵头逾期",
  "col.dueSoon": "即将到期",
  "col.done": "已完成",
  "col.completionRate": "完成率",
} as const;

type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "col.unit": "Unit",
  "col.lead": "Lead",
  "col.responsible": "Responsible",
  "col.overdue": "Overdue",
  "col.overdueChange": "Overdue change since last check",
  "col.overdueAsLead": "Overdue as lead",
  "col.dueSoon": "Due soon",
  "col.done": "Done",
  "col.completionRate": "Completion rate",
};

const text = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });

export function percent(part: number, whole: number): string {
  if (whole <= 0) return "0%";
  const value = Math.round((part / whole) * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

const COLUMNS = [
  "col.unit",
  "col.lead",
  "col.responsible",
  "col.overdue",
  "col.overdueAsLead",
  "col.dueSoon",
  "col.done",
  "col.completionRate",
] as const;

/** The per-unit table (header and rows) in the report's language: used for the HTML, the TSV and the totals sheet.
 * With a comparison (some unit has `overdueChange`), a column after "overdue" gives the change since the last check. */
export function totalsTable(
  totals: readonly UnitTotals[],
  language: Language,
): { header: string[]; rows: (string | number)[][] } {
  const withChange = totals.some((t) => typeof t.overdueChange === "number");
  const keys: Key[] = withChange ? [...COLUMNS.slice(0, 4), "col.overdueChange", ...COLUMNS.slice(4)] : [...COLUMNS];
  return {
    header: keys.map((key) => text(language, key)),
    rows: totals.map((t) => [
      t.unit,
      t.lead,
      t.responsible,
      t.overdue,
      ...(withChange ? [t.overdueChange ?? 0] : []),
      t.overdueAsLead,
      t.dueSoon,
      t.done,
      t.completionRate === null ? "" : percent(t.done, t.lead + t.responsible),
    ]),
  };
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
}

export function totalsHtml(totals: readonly UnitTotals[], language: Language): string {
  const cell = (tag: "th" | "td", value: string | number) =>
    `<${tag} style="border:1px solid #000;padding:2px 6px${typeof value === "number" ? ";text-align:right" : ""}">${escapeHtml(String(value))}</${tag}>`;
  const table = totalsTable(totals, language);
  const head = `<tr>${table.header.map((value) => cell("th", value)).join("")}</tr>`;
  const body = table.rows.map((row) => `<tr>${row.map((value) => cell("td", value)).join("")}</tr>`).join("");
  return `<table style="border-collapse:collapse">${head}${body}</table>`;
}

/** A TSV cell: one line, and text that a spreadsheet would take for a formula (= + - @, DDE) kept as text. */
export function tsvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const flat = value.replace(/[\t\r\n]+/g, " ");
  // Judged after any leading spaces (a tab or line break before "=" became one): " =cmd|…" is still a formula.
  return /^\s*[=+\-@|]/.test(flat) ? `'${flat}` : flat;
}

export function totalsTsv(totals: readonly UnitTotals[], language: Language): string {
  const table = totalsTable(totals, language);
  const lines = [table.header, ...table.rows];
  return lines.map((row) => row.map(tsvCell).join("\t")).join("\n");
}
