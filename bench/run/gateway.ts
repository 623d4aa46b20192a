/**
 * The Excel gateway on the in-memory double, for one size: round trips and bytes of Check + highlight
 * (+ the findings sheet) with ExcelWorkbook (src/excel), and of the naive per-row way (bench/naiveGateway.ts).
 *   node bench/tmp/gateway.cjs --rows 10000 [--naive false]
 */
import { checkWorkbook } from "../../src/app/check";
import { highlight } from "../../src/app/highlight";
import { HIGHLIGHT_FILLS } from "../../src/app/port";
import { writeFindings } from "../../src/app/reportSheets";
import { analyze } from "../../src/core/analyze";
import { cellAddress } from "../../src/core/address";
import type { Grid, Report } from "../../src/core/types";
import { ExcelWorkbook } from "../../src/excel/excelWorkbook";
import { ExcelDouble } from "../../test/doubles/excel";
import { numberArg, printResult, readArgs, runMain } from "../args";
import { generatePlan } from "../generatePlan";
import { naiveHighlightRows, naiveReadGrid } from "../naiveGateway";
import type { GatewayResult, PhaseStats } from "../types";
import { AS_OF, DUE_SOON_DAYS, PUBLISHED } from "../vocabulary";

/** A double holding the plan as its active sheet. */
function doubleWith(grid: Grid): ExcelDouble {
  const double = new ExcelDouble();
  const { row: top, column: left } = grid.origin;
  double.addSheet(grid.sheet, {
    values: grid.values,
    at: cellAddress(top, left),
    merges: grid.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
  });
  grid.numberFormats?.forEach((line, r) =>
    line?.forEach((format, c) => {
      if (format) double.setNumberFormat(grid.sheet, cellAddress(top + r, left + c), format);
    }),
  );
  double.activate(grid.sheet);
  return double;
}

async function measure<T>(
  phase: string,
  double: ExcelDouble,
  port: ExcelWorkbook | null,
  work: () => Promise<T>,
): Promise<{ value: T; stats: PhaseStats }> {
  double.resetStats();
  port?.resetStats();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const s = double.stats;
  return {
    value,
    stats: {
      phase,
      runs: s.runs,
      syncs: s.syncs,
      requestBytes: s.requestBytes,
      responseBytes: s.responseBytes,
      maxRequestBytes: s.maxRequestBytes,
      blocks: port?.stats.blocks ?? 0,
      retries: port?.stats.retries ?? 0,
      follows: port?.stats.follows ?? 0,
      ms,
    },
  };
}

const leadMissing = (report: Report): number => report.tasks.filter((task) => task.lead.length === 0).length;

runMain(async () => {
  const args = readArgs(process.argv.slice(2));
  const rows = numberArg(args, "rows", 1000);
  const withNaive = args.get("naive") !== "false";
  const plan = generatePlan({ rows, layout: "two-column" });
  const options = { asOf: AS_OF, published: PUBLISHED, dueSoonDays: DUE_SOON_DAYS };

  const double = doubleWith(plan.grid);
  const port = new ExcelWorkbook({ run: double.run, isSetSupported: double.isSetSupported });
  const checked = await measure("check", double, port, () => checkWorkbook(port, options));
  const { report, grids } = checked.value;
  if (!report.table) throw new Error("gateway: no plan found in the double");
  // With the grids the check read, as the ribbon's and the pane's Check do (src/app/actions.ts): without them
  // highlight reads the plan sheet again.
  const highlighted = await measure("highlight", double, port, () => highlight(port, report, grids));
  const findings = await measure("findings sheet", double, port, () => writeFindings(port, report));
  const overdueRows = highlighted.value?.overdueRows ?? [];

  let naive: PhaseStats[] | null = null;
  let naiveLeadMissing: number | null = null;
  if (withNaive) {
    const naiveDouble = doubleWith(plan.grid);
    const read = await measure("check", naiveDouble, null, async () =>
      analyze([await naiveReadGrid(naiveDouble.run)], options),
    );
    const table = read.value.table;
    if (!table) throw new Error("gateway: the naive read found no plan");
    const overdue = read.value.tasks.filter((task) => task.status === "overdue").map((task) => task.row);
    const painted = await measure("highlight", naiveDouble, null, () =>
      naiveHighlightRows(
        naiveDouble.run,
        table.sheet,
        overdue,
        { first: table.firstColumn, last: table.lastColumn },
        HIGHLIGHT_FILLS.overdue,
      ),
    );
    naive = [read.stats, painted.stats];
    naiveLeadMissing = leadMissing(read.value);
  }

  const result: GatewayResult = {
    rows,
    tasks: report.tasks.length,
    overdueRows: overdueRows.length,
    merges: plan.grid.merges.length,
    fengong: [checked.stats, highlighted.stats, findings.stats],
    naive,
    leadMissing: { fengong: leadMissing(report), naive: naiveLeadMissing },
  };
  printResult(result);
});
