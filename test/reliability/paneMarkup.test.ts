/**
 * @jest-environment jsdom
 */
/**
 * HTML in a cell is never markup in the task pane: a report whose task text, unit names, section, deadline,
 * messages, suggestions and circular carry `<img src=x onerror=alert(1)>` renders that text as text in every
 * view — no img element, no script — and the circular's HTML table (for the clipboard) is not rendered at all.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { createElement } from "react";
import { buildSummary } from "../../src/core/summary";
import type { Report } from "../../src/core/types";
import { CircularView } from "../../src/taskpane/components/CircularView";
import { CountsBar } from "../../src/taskpane/components/CountsBar";
import { digestOf } from "../../src/taskpane/model/reportDigest";
import { DeadlinesView } from "../../src/taskpane/components/DeadlinesView";
import { FindingsView } from "../../src/taskpane/components/FindingsView";
import { TotalsView } from "../../src/taskpane/components/TotalsView";
import type { ClipboardPayload, CopyOutcome } from "../../src/taskpane/clipboard";
import { finding, report, task, totals } from "../taskpane/fixtures";
import { renderIn } from "../taskpane/render";
import "../taskpane/setup";

const HTML = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>window.__pwned = true</script>";

function injectedReport(): Report {
  const tasks = [
    task(5, {
      id: HTML,
      section: SCRIPT,
      text: `${HTML} 推进政务公开`,
      lead: [HTML],
      responsible: [SCRIPT],
      deadline: { text: `${HTML}7月底前`, kind: "month", due: "2017-07-31" },
      statusText: HTML,
      status: "overdue",
      daysOverdue: 15,
    }),
    task(6, {
      text: SCRIPT,
      lead: [SCRIPT],
      deadline: { text: "8月20日", kind: "date", due: "2017-08-20" },
      status: "due-soon",
    }),
  ];
  const unitTotals = [
    totals(HTML, { lead: 1, overdue: 1, overdueAsLead: 1, completionRate: 0 }),
    totals(SCRIPT, { lead: 1, responsible: 1, dueSoon: 1, overdue: 1, completionRate: 0 }),
  ];
  return report({
    tasks,
    findings: [
      finding("unit.unknown", "warning", 5, { message: `第5行：“${HTML}”不在单位名录中`, suggestion: SCRIPT }),
      finding("lead.missing", "error", 6, { message: SCRIPT }),
      finding("unit.unassigned", "info", null, { message: HTML }),
    ],
    totals: unitTotals,
    summary: buildSummary({ tasks, totals: unitTotals, asOf: "2017-08-15", dueSoonDays: 7, language: "zh-CN" }),
  });
}

function expectNoMarkup(container: HTMLElement): void {
  expect(container.querySelector("img")).toBeNull();
  expect(container.querySelector("script")).toBeNull();
  expect(container.querySelector("[onerror]")).toBeNull();
  expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
}

describe("every view renders cell text as text", () => {
  it("findings: messages and suggestions", () => {
    const { container } = renderIn(createElement(FindingsView, { report: injectedReport() }));
    expectNoMarkup(container);
    expect(container.textContent).toContain(HTML);
    expect(container.textContent).toContain(SCRIPT);
  });

  it("deadlines: task text, number, leads, deadline text", () => {
    const { container } = renderIn(createElement(DeadlinesView, { report: injectedReport() }));
    expectNoMarkup(container);
    expect(container.textContent).toContain(`${HTML} 推进政务公开`);
    expect(container.textContent).toContain(SCRIPT);
  });

  it("totals: the table and the chart of unit names", () => {
    const { container } = renderIn(createElement(TotalsView, { report: injectedReport() }));
    expectNoMarkup(container);
    expect(container.textContent).toContain(HTML);
  });

  it("counts bar", () => {
    const { container } = renderIn(createElement(CountsBar, { counts: digestOf(injectedReport()).counts }));
    expectNoMarkup(container);
  });

  it("circular: the text shows the names as written; the HTML table is copied, never rendered", async () => {
    const copied: ClipboardPayload[] = [];
    const copy = async (payload: ClipboardPayload): Promise<CopyOutcome> => {
      copied.push(payload);
      return "clipboard";
    };
    const data = injectedReport();
    const { container } = renderIn(createElement(CircularView, { report: data, copy }));
    expectNoMarkup(container);
    expect(container.textContent).toContain(HTML);
    expect(container.querySelector("table")).toBeNull();
    for (const button of screen.getAllByRole("button")) {
      await act(async () => {
        fireEvent.click(button);
      });
    }
    expectNoMarkup(container);
    const html = copied.find((payload) => payload.html !== undefined)?.html;
    expect(html).toBe(data.summary.html);
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
