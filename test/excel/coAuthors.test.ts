/**
 * Co-authors and events on the Excel double: a co-author's conditional format can land between two of our
 * requests (positions of the rules shift), and Excel raises onChanged for the add-in's own writes too.
 */
import { checkPlan } from "../../src/app/actions";
import { OWNED_MARKER } from "../../src/app/port";
import { ExcelPaneSupport, type ExcelRunner } from "../../src/excel/paneSupport";
import { AS_OF, PLAN, addUserThings, planWorkbook, workbookOn } from "./helpers";

const theirRules = (excel: ReturnType<typeof planWorkbook>) =>
  excel
    .snapshot()
    .sheets.flatMap((s) =>
      s.conditionalFormats.filter((f) => !f.formula?.includes(OWNED_MARKER)).map((f) => ({ ...f, sheet: s.name })),
    );
const ourRules = (excel: ReturnType<typeof planWorkbook>) =>
  excel.snapshot().sheets.flatMap((s) => s.conditionalFormats.filter((f) => f.formula?.includes(OWNED_MARKER)));

type ConditionalFormats = ReturnType<ReturnType<typeof planWorkbook>["sheet"]>["conditionalFormats"];

const COAUTHOR_RULE = { type: "Custom", range: "C3:C14", formula: '=$C3="省财政厅"', fill: "#E2EFDA" };

describe("a co-author adds a rule while we re-check", () => {
  /** A checked workbook with the users' own rules; small requests, so the data sheet is written in several. */
  async function checked() {
    const excel = planWorkbook(60);
    addUserThings(excel);
    const port = workbookOn(excel, { limits: { targetBytes: 4_000 } });
    await checkPlan(port, AS_OF);
    return { excel, port };
  }

  /** The syncs of a re-Check, and the one whose operations delete our old rules. */
  async function recheckShape(): Promise<{ syncs: number; deleting: number }> {
    const { excel, port } = await checked();
    excel.resetStats();
    const present: ConditionalFormats[] = [];
    const rules = () => [...excel.sheet(PLAN).conditionalFormats];
    for (let k = 1; k <= 200; k++) excel.coAuthorBeforeSync(k, () => void (present[k] = rules()));
    await checkPlan(port, AS_OF);
    const syncs = excel.stats.syncs;
    present[syncs + 1] = rules();
    let deleting = -1;
    for (let k = 1; k <= syncs; k++) {
      if (present[k].some((rule) => !present[k + 1].includes(rule))) deleting = k;
    }
    return { syncs, deleting };
  }

  test("at every request but the one that deletes: no rule of a user's is deleted, ours are replaced", async () => {
    const { syncs, deleting } = await recheckShape();
    // Several requests write the data sheet between taking stock and deleting: positions read while taking
    // stock would be stale by then (the old code deleted by them); the rules are read again just before.
    expect(deleting).toBeGreaterThan(6);
    for (let k = 1; k <= syncs; k++) {
      if (k === deleting) continue;
      const { excel, port } = await checked();
      const before = theirRules(excel);
      excel.coAuthorBeforeSync(k, () => excel.addConditionalFormat(PLAN, COAUTHOR_RULE));
      await checkPlan(port, AS_OF);
      const after = theirRules(excel);
      const intact = before.every((rule) => after.some((r) => JSON.stringify(r) === JSON.stringify(rule)));
      expect({ k, intact }).toEqual({ k, intact: true });
      expect({ k, kept: after.some((r) => r.formula === COAUTHOR_RULE.formula) }).toEqual({ k, kept: true });
      expect({ k, ours: ourRules(excel).length }).toEqual({ k, ours: 3 });
    }
  }, 60_000);
});

describe("onChanged for the add-in's own writes", () => {
  test("Excel raises it after our write returned, for the sheets we wrote; never for the plan's cells", async () => {
    const excel = planWorkbook(12);
    const port = workbookOn(excel);
    const support = new ExcelPaneSupport(excel.paneRunner() as unknown as ExcelRunner);
    const changed: string[] = [];
    const stop = support.onPlanChanged((sheet) => changed.push(sheet));
    await excel.settleEvents();
    await checkPlan(port, AS_OF);
    expect(changed).toEqual([]); // nothing raised while the run was going
    await excel.settleEvents();
    await excel.settleEvents();
    expect(excel.changeEvents.length).toBeGreaterThan(0);
    expect(new Set(changed)).toEqual(new Set(["fengong_data", "fengong_history", "问题清单"]));
    expect(changed).not.toContain(PLAN);
    excel.userEdit(PLAN, "F3", [["已完成"]]);
    await excel.settleEvents();
    expect(changed).toContain(PLAN);
    stop();
  });
});
