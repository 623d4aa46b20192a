import { fireEvent, screen, within } from "@testing-library/react";
import { totalsTable } from "../../src/core/summary";
import { TotalsView } from "../../src/taskpane/components/TotalsView";
import { report, totals } from "./fixtures";
import { renderIn } from "./render";

// The core's order: overdue, then total.
const sample = report({
  totals: [
    totals("省发展改革委", { lead: 1, responsible: 1, overdue: 2, overdueAsLead: 1, completionRate: 0 }),
    totals("省政府办公厅", { lead: 7, responsible: 1, overdue: 1, overdueAsLead: 1, done: 3, completionRate: 3 / 8 }),
    totals("省财政厅", { lead: 1, overdue: 1, overdueAsLead: 1, completionRate: 0 }),
    totals("各州、市人民政府", { lead: 1, responsible: 3, dueSoon: 1, done: 2, completionRate: 0.5 }),
    totals("省编办", { responsible: 1, completionRate: null }),
  ],
});

const units = () => screen.getAllByTestId("totals-row").map((row) => within(row).getAllByRole("cell")[0].textContent);

describe("TotalsView", () => {
  it("shows one row per unit in the core's order, with every figure", () => {
    renderIn(<TotalsView report={sample} />);
    expect(units()).toEqual(["省发展改革委", "省政府办公厅", "省财政厅", "各州、市人民政府", "省编办"]);
    const office = screen.getAllByTestId("totals-row")[1];
    expect(
      within(office)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["省政府办公厅", "7", "1", "1", "1", "0", "3", "37.5%"]);
    expect(within(screen.getAllByTestId("totals-row")[4]).getAllByRole("cell")[7]).toHaveTextContent("—");
  });

  it("uses the command line's column names and rate format (one table definition, src/core/summary.ts)", () => {
    renderIn(<TotalsView report={sample} />);
    const headers = screen.getAllByRole("columnheader").map((cell) => cell.textContent);
    expect(headers).toEqual(totalsTable([], "zh-CN").header);
    expect(headers).toContain("责任（配合）任务");
    expect(headers).toContain("即将到期");
    const rates = screen.getAllByTestId("totals-row").map((row) => within(row).getAllByRole("cell")[7].textContent);
    expect(rates).toEqual(["0%", "37.5%", "0%", "50%", "—"]);
    expect(rates).toEqual(totalsTable(sample.totals, "zh-CN").rows.map((row) => row[7] || "—"));
  });

  it("sorts by a column on click, largest first, and reverses on a second click", () => {
    renderIn(<TotalsView report={sample} />);
    fireEvent.click(screen.getByTestId("sort-lead"));
    expect(units()[0]).toBe("省政府办公厅");
    expect(screen.getByTestId("sort-lead")).toHaveAttribute("aria-sort", "descending");
    fireEvent.click(screen.getByTestId("sort-completionRate"));
    expect(units()).toEqual(["各州、市人民政府", "省政府办公厅", "省发展改革委", "省财政厅", "省编办"]);
    fireEvent.click(screen.getByTestId("sort-completionRate"));
    expect(units()).toEqual(["省发展改革委", "省财政厅", "省政府办公厅", "各州、市人民政府", "省编办"]);
    expect(screen.getByTestId("sort-completionRate")).toHaveAttribute("aria-sort", "ascending");
  });

  it("sorts units by name, A to Z first", () => {
    renderIn(<TotalsView report={sample} />);
    fireEvent.click(screen.getByTestId("sort-unit"));
    const names = units();
    expect(names).toEqual([...names].sort(new Intl.Collator("zh-CN").compare));
  });

  it("explains each short column header", () => {
    renderIn(<TotalsView report={sample} />, "en-US");
    expect(screen.getByTestId("sort-overdueAsLead")).toHaveAttribute("title", "Overdue tasks as lead");
  });

  it("draws a bar per unit with overdue tasks, longest for the most overdue", () => {
    renderIn(<TotalsView report={sample} />);
    const bars = screen.getAllByTestId("chart-bar");
    expect(bars.map((bar) => [bar.dataset.unit, bar.dataset.value])).toEqual([
      ["省发展改革委", "2"],
      ["省政府办公厅", "1"],
      ["省财政厅", "1"],
    ]);
    const widths = bars.map((bar) => Number(bar.querySelector("rect")?.getAttribute("width")));
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBe(widths[2]);
    expect(bars[0].querySelector("title")).toHaveTextContent("省发展改革委：逾期 2 项");
  });

  it("says when no unit is overdue", () => {
    renderIn(<TotalsView report={report({ totals: [totals("省编办", { responsible: 1 })] })} />, "en-US");
    expect(screen.queryByTestId("overdue-chart")).toBeNull();
    expect(screen.getByText("No overdue tasks.")).toBeInTheDocument();
  });
});
