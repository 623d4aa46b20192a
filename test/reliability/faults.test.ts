/**
 * Faults in the middle of a Check (the ribbon's button) on the Excel double: a network error on the web, or a
 * request refused for its size, at every sync of the run and after every number of that sync's operations
 * (a batch is not a transaction: the operations before the fault stay applied). Whatever the position, the
 * workbook is left as it was or in a consistent state (no half-written report sheet, no orphan rule, name or
 * data sheet), the user gets a UserError, and a retry gives exactly what a clean run gives.
 */
import { stableSnapshot } from "../excel/helpers";
import { checkPlan } from "../../src/app/actions";
import { isUserError } from "../../src/app/errors";
import { OWNED_DATA_SHEET, OWNED_MARKER } from "../../src/app/port";
import type { ExcelDouble, WorkbookSnapshot } from "../doubles/excel";
import { PLAN, addUserThings, planWorkbook } from "../excel/helpers";
import { excelPort, expectConsistent, reportSheets, usersPart } from "./helpers";

const AS_OF = { asOf: "2017-08-15" };
const EARLIER = { asOf: "2017-07-01" };
const TASKS = 12;

/** Our highlights in a snapshot (data sheet, names, rules), or null when there are none. */
function highlightsOf(snapshot: WorkbookSnapshot): unknown {
  const data = snapshot.sheets.find((sheet) => sheet.name === OWNED_DATA_SHEET) ?? null;
  const names = snapshot.names.filter((name) => name.name.startsWith(OWNED_MARKER));
  const rules = snapshot.sheets.flatMap((sheet) =>
    sheet.conditionalFormats.filter((f) => f.formula?.includes(OWNED_MARKER)).map((f) => ({ sheet: sheet.name, ...f })),
  );
  return data || names.length > 0 || rules.length > 0 ? { data, names, rules } : null;
}

interface Scenario {
  name: string;
  /** The workbook before the faulted Check. */
  setUp: () => Promise<ExcelDouble>;
}

const SCENARIOS: Scenario[] = [
  {
    name: "a workbook never checked",
    setUp: async () => {
      const excel = planWorkbook(TASKS);
      addUserThings(excel);
      return excel;
    },
  },
  {
    name: "a workbook checked before (other highlights, an older findings sheet)",
    setUp: async () => {
      const excel = planWorkbook(TASKS);
      addUserThings(excel);
      await checkPlan(excelPort(excel), EARLIER);
      excel.resetStats();
      return excel;
    },
  },
];

interface Fault {
  sync: number;
  code: string;
  afterOperations: number;
}

/** Every sync of a clean run, after every number of its operations (a network error); size refusals of the
 * request (before it runs) and of the response (after). */
function faultsOf(log: { operations: number }[]): Fault[] {
  const faults: Fault[] = [];
  log.forEach((sync, i) => {
    for (let k = 0; k <= sync.operations; k++)
      faults.push({ sync: i + 1, code: "ConnectionFailure", afterOperations: k });
    faults.push({ sync: i + 1, code: "RequestPayloadSizeLimitExceeded", afterOperations: 0 });
    // A response refused for its size after the request ran.
    faults.push({ sync: i + 1, code: "ResponsePayloadSizeLimitExceeded", afterOperations: sync.operations });
  });
  return faults;
}

describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
  "a fault during Check: %s",
  (_name, scenario) => {
    let before: WorkbookSnapshot;
    let clean: WorkbookSnapshot;
    let faults: Fault[];

    beforeAll(async () => {
      const excel = await scenario.setUp();
      before = stableSnapshot(excel);
      await checkPlan(excelPort(excel), AS_OF);
      clean = stableSnapshot(excel);
      faults = faultsOf(excel.stats.log);
    });

    it("a clean run writes highlights and the findings sheet (what the faults interrupt)", () => {
      expect(highlightsOf(clean)).not.toBeNull();
      expect(reportSheets(clean).map((sheet) => sheet.name)).toEqual(["问题清单"]);
      expect(faults.length).toBeGreaterThan(20);
    });

    it("at every position: the state before or a consistent one, a UserError, and a retry equal to a clean run", async () => {
      const outcomes = { failed: 0, absorbed: 0, untouched: 0 };
      for (const fault of faults) {
        const excel = await scenario.setUp();
        const port = excelPort(excel);
        excel.failSync(fault.sync, fault.code, fault.afterOperations);
        let error: unknown = null;
        try {
          await checkPlan(port, AS_OF);
        } catch (caught) {
          error = caught;
        }
        const after = stableSnapshot(excel);
        const where = `${fault.code} at sync ${fault.sync} after ${fault.afterOperations} operations`;

        if (error === null) {
          // Absorbed (a block read again, a report written again in smaller parts): the run is whole.
          outcomes.absorbed++;
          expect({ where, same: after }).toEqual({ where, same: clean });
        } else {
          outcomes.failed++;
          expect({ where, isUserError: isUserError(error) }).toEqual({ where, isUserError: true });
          const code = isUserError(error) ? error.code : null;
          expect({ where, code }).toEqual({
            where,
            code: fault.code === "ConnectionFailure" ? "network" : "payload.too-large",
          });
          if (isUserError(error)) expect(error.messageIn("zh-CN")).not.toMatch(/\n\s+at /);
          expect({ where, users: usersPart(after) }).toEqual({ where, users: usersPart(before) });
          expectConsistent(after, [...reportSheets(before), ...reportSheets(clean)]);
          const highlights = highlightsOf(after);
          const known = [null, highlightsOf(before), highlightsOf(clean)];
          expect({ where, known: known.some((h) => JSON.stringify(h) === JSON.stringify(highlights)) }).toEqual({
            where,
            known: true,
          });
          if (JSON.stringify(after) === JSON.stringify(before)) outcomes.untouched++;
        }

        await checkPlan(port, AS_OF);
        expect({ where, retry: stableSnapshot(excel) }).toEqual({ where, retry: clean });
      }
      // Faults both early (nothing written yet) and late (after writing began) were met.
      expect(outcomes.failed).toBeGreaterThan(0);
      expect(outcomes.untouched).toBeGreaterThan(0);
      expect(outcomes.untouched).toBeLessThan(outcomes.failed);
    }, 120_000);
  },
);

test("a plan sheet protected part-way (another user): sheet.protected, nothing half-written", async () => {
  const excel = planWorkbook(TASKS);
  addUserThings(excel);
  const before = stableSnapshot(excel);
  excel.protectSheet(PLAN);
  const error = await checkPlan(excelPort(excel), AS_OF).catch((caught: unknown) => caught);
  expect(isUserError(error) && error.code).toBe("sheet.protected");
  excel.protectSheet(PLAN, false);
  expect(stableSnapshot(excel)).toEqual(before);
});
