/**
 * One plan through three quarters (design §8): check (recorded in the copy), the units' returned copies with
 * edits, reordered, inserted and deleted rows, merge, re-check. The comparison, the merged cells and the
 * circular's text at each step; the merge changes no cell it was not asked to, and merging again changes nothing.
 */
import ExcelJS from "exceljs";
import { annotate } from "../../src/app/actions";
import { check } from "../../src/app/check";
import { applyFeedbackMerge, planFeedbackMerge, type FeedbackSource } from "../../src/app/merge";
import type { MergePlan } from "../../src/core/merge";
import type { Report } from "../../src/core/types";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { dumpWorkbook, loadWorkbook } from "../xlsx/workbookDump";
import { editCopy, FIRST_DATA_ROW, planBytes, PLAN_ROWS } from "./plan";

jest.setTimeout(120_000);

/** A check that writes (the CLI's --out, the ribbon's Check): analysed, annotated, recorded. */
async function checked(bytes: Uint8Array, asOf: string): Promise<{ report: Report; bytes: Uint8Array }> {
  const port = await XlsxWorkbook.fromBuffer(bytes, "分工方案.xlsx");
  const report = await check(port, { asOf });
  await annotate(port, report);
  return { report, bytes: await port.toBuffer() };
}

interface Returned {
  name: string;
  bytes: Uint8Array;
  unit?: string;
}

async function merged(master: Uint8Array, copies: Returned[]): Promise<{ plan: MergePlan; bytes: Uint8Array }> {
  const port = await XlsxWorkbook.fromBuffer(master, "分工方案.xlsx");
  const feedback: FeedbackSource[] = [];
  for (const copy of copies)
    feedback.push({ name: copy.name, port: await XlsxWorkbook.fromBuffer(copy.bytes, copy.name), unit: copy.unit });
  const { plan } = await planFeedbackMerge(port, feedback);
  await applyFeedbackMerge(port, plan);
  return { plan, bytes: await port.toBuffer() };
}

/** Every cell, merge, style, sheet and name of `after` is as in `before`, except these status cells (A1 -> value). */
async function expectOnlyChanged(
  before: Uint8Array,
  after: Uint8Array,
  changed: Record<string, string>,
): Promise<void> {
  const a = dumpWorkbook(await loadWorkbook(before));
  const b = dumpWorkbook(await loadWorkbook(after));
  expect(b.names).toEqual(a.names);
  expect(b.sheets.map((s) => [s.name, s.state])).toEqual(a.sheets.map((s) => [s.name, s.state]));
  a.sheets.forEach((sheet, i) => {
    const other = b.sheets[i];
    expect({ ...other, cells: undefined }).toEqual({ ...sheet, cells: undefined });
    const addresses = new Set([...Object.keys(sheet.cells), ...Object.keys(other.cells)]);
    for (const address of addresses) {
      const expected = sheet.name === "分工方案" && address in changed ? changed[address] : undefined;
      if (expected !== undefined) {
        expect(other.cells[address].value).toBe(expected);
        expect(other.cells[address].style).toEqual(sheet.cells[address].style);
      } else {
        expect([sheet.name, address, other.cells[address]]).toEqual([sheet.name, address, sheet.cells[address]]);
      }
    }
  });
}

const status = (id: string): string => `F${FIRST_DATA_ROW + PLAN_ROWS.findIndex((row) => row.id === id)}`;

/** The coordinator edits the master by hand (one cell), as in Excel. */
async function editMaster(bytes: Uint8Array, address: string, value: string): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes);
  (wb.getWorksheet("分工方案") as ExcelJS.Worksheet).getCell(address).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ids = (entries: { id: string | null }[] | undefined) => (entries ?? []).map((entry) => entry.id);

it("walks a plan through three quarters: check, returned copies, merge, re-check", async () => {
  // ---- Quarter 3 of 2017: the first check. Nothing to compare with.
  const q1 = await checked(await planBytes(), "2017-07-15");
  expect(q1.report.comparison).toBeNull();
  expect(q1.report.summary.text).toBe(
    "截至2017年7月15日，共有8项任务，已完成0项，占比0%；正在推进5项（其中持续推进或定期开展的1项，7天内到期的1项），" +
      "尚未启动1项；逾期未完成2项，占比25%，分别是：由省政府办公厅牵头的第1项（调整完善政务公开领导小组，明确分管负责同志，逾期15天）；" +
      "由省财政厅牵头的第5项（推进公共资源配置领域信息公开，逾期15天）。",
  );

  // The units return their copies of the checked plan.
  const copiesQ1: Returned[] = [
    {
      name: "反馈/省财政厅-2017三季度.xlsx",
      bytes: await editCopy(q1.bytes, {
        status: {
          "3": "已完成，预决算已于7月10日公开。",
          "5": "正在推进，实施方案已形成初稿",
          "8": "已配合提供整改资金保障情况",
          "1": "已完成", // not a task of 省财政厅: never taken
        },
        reverse: true,
        insert: [
          {
            id: "9",
            task: "本单位自行增加：编制预算公开操作指引",
            lead: "省财政厅",
            responsible: "",
            deadline: "2017年9月底前",
            status: "正在推进",
          },
        ],
      }),
    },
    { name: "反馈/省教育厅.xlsx", bytes: await editCopy(q1.bytes, { status: { "4": "已完成" } }) },
    {
      name: "反馈/环保厅回复.xlsx",
      unit: "省环境保护厅",
      bytes: await editCopy(q1.bytes, {
        status: { "8": "正在推进，整改完成过半", "2": "已提供项目环评审批信息" },
        remove: ["6"],
      }),
    },
  ];
  const m1 = await merged(q1.bytes, copiesQ1);
  expect(m1.plan.conflicts).toEqual([]);
  expect(
    m1.plan.changes.map(({ row, column, old, new: next, unit }) => ({ row, column, old, new: next, unit })),
  ).toEqual([
    { row: 5, column: "F", old: "未启动", new: "【省环境保护厅】已提供项目环评审批信息", unit: "省环境保护厅" },
    { row: 6, column: "F", old: "正在推进", new: "【省财政厅】已完成，预决算已于7月10日公开", unit: "省财政厅" },
    { row: 7, column: "F", old: "正在推进", new: "已完成", unit: "省教育厅" },
    { row: 8, column: "F", old: "正在推进", new: "【省财政厅】正在推进，实施方案已形成初稿", unit: "省财政厅" },
    {
      row: 11,
      column: "F",
      old: "正在推进",
      new: "【省环境保护厅】正在推进，整改完成过半；【省财政厅】已配合提供整改资金保障情况",
      unit: "省环境保护厅、省财政厅",
    },
  ]);
  expect(m1.plan.copies.map((copy) => [copy.unit, copy.problem, copy.tasks, ids(copy.unmatched)])).toEqual([
    ["省财政厅", null, 3, ["9"]],
    ["省教育厅", null, 1, []],
    ["省环境保护厅", null, 2, []],
  ]);
  await expectOnlyChanged(
    q1.bytes,
    m1.bytes,
    Object.fromEntries(m1.plan.changes.map((change) => [`F${change.row}`, change.new])),
  );
  // Idempotent: the same copies again change nothing.
  const again = await merged(m1.bytes, copiesQ1);
  expect(again.plan.changes).toEqual([]);
  expect(again.plan.conflicts).toEqual([]);
  await expectOnlyChanged(m1.bytes, again.bytes, {});

  // ---- Quarter 4: compared with 15 July.
  const q2 = await checked(m1.bytes, "2017-10-15");
  const c2 = q2.report.comparison;
  expect(c2?.since).toBe("2017-07-15");
  expect(ids(c2?.newlyDone)).toEqual(["3", "4"]);
  expect(ids(c2?.newlyOverdue)).toEqual(["2"]);
  expect(c2?.stillOverdue.map((entry) => [entry.id, entry.row, entry.periods])).toEqual([
    ["1", 4, 2],
    ["5", 8, 2],
  ]);
  expect(c2?.added).toEqual([]);
  expect(c2?.removed).toEqual([]);
  expect(q2.report.summary.text).toContain(
    "与上期（2017年7月15日）相比，新完成2项，新增逾期1项，连续两期逾期2项（由省政府办公厅牵头的第1项、由省财政厅牵头的第5项）。",
  );
  expect(q2.report.summary.text).toContain("按单位统计，逾期任务较多的是：省发展改革委2项（其中牵头1项）。");
  const change = (unit: string) => q2.report.totals.find((t) => t.unit === unit)?.overdueChange;
  expect([change("省发展改革委"), change("省财政厅"), change("省国土资源厅"), change("省教育厅")]).toEqual([
    1, 0, 1, 0,
  ]);

  // The coordinator settles task 1 by telephone after the copies went out; then the copies come back.
  const masterQ2 = await editMaster(q2.bytes, status("1"), "已完成（10月20日电话确认）");
  const copiesQ2: Returned[] = [
    { name: "省政府办公厅.xlsx", bytes: await editCopy(q2.bytes, { status: { "1": "正在推进，拟于11月底前完成" } }) },
    {
      name: "省财政厅.xlsx",
      bytes: await editCopy(q2.bytes, { status: { "5": "已完成，实施方案已印发" }, reverse: true }),
    },
    {
      name: "发改委反馈.xlsx",
      unit: "省发展改革委",
      bytes: await editCopy(q2.bytes, { status: { "5": "正在推进", "2": "正在推进，项目清单梳理完毕" } }),
    },
  ];
  const m2 = await merged(masterQ2, copiesQ2);
  expect(m2.plan.changes.map(({ row, new: next, unit }) => ({ row, new: next, unit }))).toEqual([
    {
      row: 5,
      new: "【省发展改革委】正在推进，项目清单梳理完毕；【省环境保护厅】已提供项目环评审批信息",
      unit: "省发展改革委",
    },
  ]);
  expect(m2.plan.conflicts.map(({ row, kind, current, proposed }) => ({ row, kind, current, proposed }))).toEqual([
    {
      row: 4,
      kind: "master-changed",
      current: "已完成（10月20日电话确认）",
      proposed: [{ unit: "省政府办公厅", text: "正在推进，拟于11月底前完成", file: "省政府办公厅.xlsx" }],
    },
    {
      row: 8,
      kind: "disagree",
      current: "【省财政厅】正在推进，实施方案已形成初稿",
      proposed: [
        { unit: "省财政厅", text: "已完成，实施方案已印发", file: "省财政厅.xlsx" },
        { unit: "省发展改革委", text: "正在推进", file: "发改委反馈.xlsx" },
      ],
    },
  ]);
  await expectOnlyChanged(masterQ2, m2.bytes, { F5: m2.plan.changes[0].new });
  expect((await merged(m2.bytes, copiesQ2)).plan.changes).toEqual([]);

  // ---- New year: the office adds a task, then checks as of 15 January.
  const masterQ3 = await editCopy(m2.bytes, {
    status: {},
    insert: [
      {
        id: "9",
        task: "建立政务公开工作季度通报制度",
        lead: "省政府办公厅",
        responsible: "省直有关部门",
        deadline: "2017年12月31日",
        status: "",
      },
    ],
  });
  const q3 = await checked(masterQ3, "2018-01-15");
  const c3 = q3.report.comparison;
  expect(c3?.since).toBe("2017-10-15");
  expect(ids(c3?.newlyDone)).toEqual(["1"]);
  expect(ids(c3?.newlyOverdue)).toEqual(["7", "8"]);
  expect(c3?.stillOverdue.map((entry) => [entry.id, entry.periods])).toEqual([
    ["2", 2],
    ["5", 3],
  ]);
  expect(ids(c3?.added)).toEqual(["9"]);
  expect(c3?.removed).toEqual([]);
  expect(q3.report.summary.text).toContain(
    "与上期（2017年10月15日）相比，新完成1项，新增逾期2项，连续三期逾期1项（由省财政厅牵头的第5项），" +
      "连续两期逾期1项（由省发展改革委牵头的第2项），新增任务1项。",
  );
  // English, from the same history.
  const english = await check(await XlsxWorkbook.fromBuffer(q3.bytes, "plan.xlsx"), {
    asOf: "2018-01-15",
    language: "en-US",
  });
  expect(english.summary.text).toContain(
    " Compared with the last check (15 October 2017): 1 newly done, 2 newly overdue, " +
      "1 overdue for 3 checks in a row (task 5 led by 省财政厅), 1 overdue for 2 checks in a row (task 2 led by 省发展改革委), 1 added to the plan.",
  );
});
