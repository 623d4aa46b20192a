/**
 * The bad-input corpus: every strange or broken input we know of, with the outcome it must have. The one list
 * of bad inputs and their outcomes; the command line (corpus.cli.test.ts) and the gateway into Excel
 * (corpus.gateway.test.ts) both run it. Small files are in test/fixtures/bad (made by make-bad-fixtures.mjs);
 * huge ones (a million characters, 16,000 columns) are built here, in memory.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { UserErrorCode } from "../../src/app/errors";
import type { DeadlineKind, IsoDate, Report, RuleId, Status } from "../../src/core/types";
import texts from "../fixtures/bad/texts.json";

export const BAD = join(__dirname, "..", "fixtures", "bad");
export const AS_OF = "2017-08-15";
export const HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"];

/** A finding that must be reported: its rule at a cell ("C2"), or table-wide (null). */
export interface ExpectedFinding {
  rule: RuleId;
  cell: string | null;
}

export interface PlanOutcome {
  /** Exit code of the command line: 0 no error finding, 1 error findings. */
  exit: 0 | 1;
  /** Task rows read (sheet rows). */
  taskRows: number[];
  findings: ExpectedFinding[];
  /** The findings are exactly these (else: at least these). */
  exactly: boolean;
  /** Further checks of the report (both front ends give the same report). */
  check?: (report: Report) => void;
}

export interface CorpusEntry {
  name: string;
  /** What the input is, for the test names. */
  what: string;
  /** A file in test/fixtures/bad, or bytes built in memory (written to a temporary file for the CLI). */
  file?: string;
  build?: () => Promise<Uint8Array>;
  /** Unusable input: the message (one line, zh-CN and en-US) and exit code 2. */
  unusable?: { code: UserErrorCode; zh: RegExp; en: RegExp };
  /** A plan the command line reads: what it must find. */
  plan?: PlanOutcome;
  /**
   * In Excel (the same workbook in the Excel double, through ExcelWorkbook and checkPlan): "same" gives the
   * report the .xlsx port gives; "no-plan" gives the table.not-found finding and writes nothing; null: not a
   * workbook, nothing to open in Excel.
   */
  gateway: "same" | "no-plan" | null;
}

/** Deadline texts (test/fixtures/bad/texts.json, rows 2…) and what each must resolve to, as of 2017-08-15. */
export const DEADLINE_TEXTS: string[] = texts.deadlineTexts;
export const DEADLINE_OUTCOMES: Record<string, { kind: DeadlineKind; due: IsoDate | null; status: Status }> = {
  "2017年12月15日前": { kind: "date", due: "2017-12-15", status: "open" },
  "2017-12-15": { kind: "date", due: "2017-12-15", status: "open" },
  "2017/12/15": { kind: "date", due: "2017-12-15", status: "open" },
  "2017.12.15": { kind: "date", due: "2017-12-15", status: "open" },
  "12月15日": { kind: "date", due: "2017-12-15", status: "open" },
  "2017年7月底前": { kind: "month", due: "2017-07-31", status: "overdue" },
  "7月末": { kind: "month", due: "2017-07-31", status: "overdue" },
  "2018年10月": { kind: "month", due: "2018-10-31", status: "open" },
  "7月份": { kind: "month", due: "2017-07-31", status: "overdue" },
  "10月上旬": { kind: "part-of-month", due: "2017-10-10", status: "open" },
  "第3季度": { kind: "quarter", due: "2017-09-30", status: "open" },
  "三季度末": { kind: "quarter", due: "2017-09-30", status: "open" },
  "上半年": { kind: "half", due: "2017-06-30", status: "overdue" },
  "年底前": { kind: "year", due: "2017-12-31", status: "open" },
  // No publication date given: a relative deadline has no due date (and the finding says why).
  "本通知公布后30个工作日内": { kind: "relative", due: null, status: "no-deadline" },
  "每季度": { kind: "recurring", due: null, status: "ongoing" },
  "持续推进": { kind: "ongoing", due: null, status: "ongoing" },
  "7月底前（省直部门）、9月底前（州市）": { kind: "multi", due: "2017-07-31", status: "overdue" },
  "7月底": { kind: "month", due: "2017-07-31", status: "overdue" },
  "10月中旬": { kind: "part-of-month", due: "2017-10-20", status: "open" },
  "10月下旬": { kind: "part-of-month", due: "2017-10-31", status: "open" },
  "2017年第四季度": { kind: "quarter", due: "2017-12-31", status: "open" },
  "年中": { kind: "half", due: "2017-06-30", status: "overdue" },
  "下半年": { kind: "half", due: "2017-12-31", status: "open" },
  "年内": { kind: "year", due: "2017-12-31", status: "open" },
  "年末": { kind: "year", due: "2017-12-31", status: "open" },
  "2017年底": { kind: "year", due: "2017-12-31", status: "open" },
  "全年": { kind: "year", due: "2017-12-31", status: "open" },
  "印发之日起15日内": { kind: "relative", due: null, status: "no-deadline" },
  "每月": { kind: "recurring", due: null, status: "ongoing" },
  "每年": { kind: "recurring", due: null, status: "ongoing" },
  "每月25日前": { kind: "recurring", due: null, status: "ongoing" },
  "Quarterly": { kind: "recurring", due: null, status: "ongoing" },
  "Monthly": { kind: "recurring", due: null, status: "ongoing" },
  "长期坚持": { kind: "ongoing", due: null, status: "ongoing" },
  "年内持续推进": { kind: "ongoing", due: null, status: "ongoing" },
  "常态化": { kind: "ongoing", due: null, status: "ongoing" },
  "持续执行": { kind: "ongoing", due: null, status: "ongoing" },
  // Not in the design's list, read all the same.
  "2017.7.31": { kind: "date", due: "2017-07-31", status: "overdue" },
  "7月31号": { kind: "date", due: "2017-07-31", status: "overdue" },
  "Jul 31, 2017": { kind: "date", due: "2017-07-31", status: "overdue" },
  "31/07/2017": { kind: "date", due: "2017-07-31", status: "overdue" },
  "2017-7-31": { kind: "date", due: "2017-07-31", status: "overdue" },
  "20170731": { kind: "date", due: "2017-07-31", status: "overdue" },
  "二〇一七年七月三十一日": { kind: "date", due: "2017-07-31", status: "overdue" },
  "２０１７年７月３１日": { kind: "date", due: "2017-07-31", status: "overdue" },
  "2017年7月31日24时前": { kind: "date", due: "2017-07-31", status: "overdue" },
  "2017 年 7 月 31 日": { kind: "date", due: "2017-07-31", status: "overdue" },
  // Ambiguous or no date at all: deadline.unparsed, which says how to write it.
  "17/7/31": { kind: "unparsed", due: null, status: "no-deadline" },
  "7/31": { kind: "unparsed", due: null, status: "no-deadline" },
  "31.07.2017": { kind: "unparsed", due: null, status: "no-deadline" },
  "下周": { kind: "unparsed", due: null, status: "no-deadline" },
};

/** Rows (from 2) of the deadline texts with this outcome kind. */
const deadlineRows = (kind: DeadlineKind): number[] =>
  DEADLINE_TEXTS.flatMap((text, i) => (DEADLINE_OUTCOMES[text].kind === kind ? [i + 2] : []));

/** Formula-like texts (test/fixtures/bad/texts.json): DDE, HYPERLINK, + - @, tab and CR prefixes, HTML. */
export const INJECTION_TEXTS: string[] = texts.injectionTexts;

const rows = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function xlsxBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const MILLION = 1_000_000;
/** A million characters: in the task text, as the lead, as the deadline; and a cell naming one unit 200,000 times. */
const millionCharacters = () =>
  xlsxBytes((workbook) => {
    const sheet = workbook.addWorksheet("分工方案");
    sheet.addRow(HEADER);
    sheet.addRow([1, "推".repeat(MILLION), "省财政厅", "", "2017年6月30日", ""]);
    sheet.addRow([2, "完善统计制度", "统".repeat(MILLION), "", "2017年12月31日", ""]);
    sheet.addRow([3, "开展专项督查", "省审计厅", "", "期".repeat(MILLION), ""]);
    sheet.addRow([4, "编制年度报告", "省统计局", "省财政厅、".repeat(200_000), "2017年12月31日", ""]);
  });

export const WIDE_COLUMNS = 16_000;
/** 16,000 columns: the plan in A:F, and every data row carrying values out to column 16,000. */
const sixteenThousandColumns = () =>
  xlsxBytes((workbook) => {
    const sheet = workbook.addWorksheet("分工方案");
    sheet.addRow(HEADER);
    for (let i = 1; i <= 5; i++) {
      const row: (string | number)[] = [
        i,
        `第${i}项任务`,
        "省财政厅",
        "",
        i % 2 ? "2017年6月30日" : "2017年12月31日",
        "",
      ];
      for (let column = row.length + 1; column <= WIDE_COLUMNS; column++) row.push(column % 5 === 0 ? "备用" : column);
      sheet.addRow(row);
    }
  });

const task = (report: Report, row: number) => {
  const found = report.tasks.find((t) => t.row === row);
  if (!found) throw new Error(`no task in row ${row}`);
  return found;
};

export const CORPUS: CorpusEntry[] = [
  // Not workbooks ---------------------------------------------------------------------------------------
  {
    name: "renamed-text",
    what: "a text file renamed to .xlsx",
    file: "renamed-text.xlsx",
    unusable: {
      code: "file.not-workbook",
      zh: /不是可读取的 Excel 工作簿.*另存为 \.xlsx/,
      en: /is not a readable Excel workbook/,
    },
    gateway: null,
  },
  {
    name: "zero-byte",
    what: "a zero-byte file",
    file: "zero-byte.xlsx",
    unusable: { code: "file.empty", zh: /中没有任何数据/, en: /holds no data/ },
    gateway: null,
  },
  {
    name: "encrypted",
    what: "an encrypted workbook (an OLE compound file with an EncryptedPackage stream)",
    file: "encrypted.xlsx",
    unusable: { code: "file.encrypted", zh: /已加密.*取消密码/, en: /is encrypted.*Remove the password/ },
    gateway: null,
  },
  {
    name: "legacy-binary",
    what: "a legacy binary workbook (.xls) named .xlsx",
    file: "legacy-binary.xlsx",
    unusable: { code: "file.not-workbook", zh: /另存为 \.xlsx/, en: /Save it as \.xlsx/ },
    gateway: null,
  },
  {
    name: "zip-not-workbook",
    what: "a zip archive that is not a workbook",
    file: "zip-not-workbook.xlsx",
    unusable: { code: "file.not-workbook", zh: /不是可读取的 Excel 工作簿/, en: /is not a readable Excel workbook/ },
    gateway: null,
  },
  {
    name: "truncated",
    what: "a workbook cut off half-way (an interrupted download)",
    file: "truncated.xlsx",
    unusable: { code: "file.not-workbook", zh: /不是可读取的 Excel 工作簿/, en: /is not a readable Excel workbook/ },
    gateway: null,
  },
  // Workbooks with nothing to check ---------------------------------------------------------------------
  {
    name: "only-empty-sheets",
    what: "a workbook with only empty sheets (one formatted, one hidden)",
    file: "only-empty-sheets.xlsx",
    unusable: { code: "file.empty", zh: /中没有任何数据/, en: /holds no data/ },
    gateway: "no-plan",
  },
  {
    name: "header-no-rows",
    what: "a header with no rows below it",
    file: "header-no-rows.xlsx",
    plan: { exit: 0, taskRows: [], findings: [{ rule: "table.empty", cell: "A2" }], exactly: true },
    gateway: "same",
  },
  // Cells Excel computes or flags -----------------------------------------------------------------------
  {
    name: "error-values",
    what: "rows with error values (#REF!, #N/A, #VALUE!, #DIV/0!, #NAME?), typed and as formula results",
    file: "error-values.xlsx",
    plan: {
      exit: 1,
      taskRows: [2, 3, 4, 6],
      findings: [
        { rule: "cell.error-value", cell: "C2" },
        { rule: "lead.missing", cell: "C2" },
        { rule: "cell.error-value", cell: "E3" },
        { rule: "deadline.missing", cell: "E3" },
        { rule: "cell.error-value", cell: "A4" },
        { rule: "cell.error-value", cell: "B4" },
        { rule: "task.empty", cell: "B4" },
        ...["A5", "B5", "C5", "D5", "E5", "F5"].map((cell) => ({ rule: "cell.error-value" as const, cell })),
        { rule: "cell.error-value", cell: "F6" },
      ],
      exactly: true,
      check: (report) => {
        const message = (cell: string) =>
          report.findings.find((f) => f.rule === "cell.error-value" && `${f.column}${f.row}` === cell)?.message;
        expect(message("C2")).toContain("#REF!");
        expect(message("E3")).toContain("#N/A");
        expect(message("B4")).toContain("#DIV/0!");
        // An error value is never read as a unit or a deadline.
        expect(report.totals.map((t) => t.unit).filter((unit) => unit.startsWith("#"))).toEqual([]);
      },
    },
    gateway: "same",
  },
  {
    name: "formulas-cached",
    what: "formulas in every column, read by their cached results (numbers, text, dates)",
    file: "formulas-cached.xlsx",
    plan: {
      exit: 0,
      taskRows: [2, 3, 4],
      findings: [],
      exactly: true,
      check: (report) => {
        expect(task(report, 2)).toMatchObject({
          id: "1",
          text: "编制年度统计报告",
          lead: ["省财政厅"],
          responsible: ["省统计局"],
          deadline: { due: "2017-07-31" },
          status: "done",
        });
        expect(task(report, 3)).toMatchObject({ id: "2", responsible: ["省统计局"], status: "overdue" });
        expect(task(report, 4).deadline.due).toBe("2017-08-30");
      },
    },
    gateway: "same",
  },
  // Dates typed as text ---------------------------------------------------------------------------------
  {
    name: "dates-as-text",
    what: "deadlines typed as text, in every format the design lists and some it does not",
    file: "dates-as-text.xlsx",
    plan: {
      exit: 0,
      taskRows: rows(2, DEADLINE_TEXTS.length + 1),
      findings: [
        ...deadlineRows("relative").map((row) => ({ rule: "deadline.needs-base" as const, cell: `E${row}` })),
        ...deadlineRows("unparsed").map((row) => ({ rule: "deadline.unparsed" as const, cell: `E${row}` })),
      ],
      exactly: true,
      check: (report) => {
        for (const [i, text] of DEADLINE_TEXTS.entries()) {
          const read = task(report, i + 2);
          const { kind, due } = read.deadline;
          expect({ text, kind, due, status: read.status }).toEqual({ text, ...DEADLINE_OUTCOMES[text] });
        }
      },
    },
    gateway: "same",
  },
  // Table shapes ----------------------------------------------------------------------------------------
  {
    name: "duplicate-headers",
    what: "two columns with the same header (责任单位 twice)",
    file: "duplicate-headers.xlsx",
    plan: {
      exit: 0,
      taskRows: [2, 3],
      findings: [{ rule: "table.duplicate-column", cell: "E1" }],
      exactly: true,
      check: (report) => {
        expect(report.table?.columns.responsible).toBe(4);
        expect(report.findings[0].message).toContain("D1");
      },
    },
    gateway: "same",
  },
  {
    name: "hidden-rows-columns",
    what: "hidden rows and hidden columns (the responsible column among them): read like any other",
    file: "hidden-rows-columns.xlsx",
    plan: {
      exit: 0,
      taskRows: [2, 3, 4, 5],
      findings: [],
      exactly: true,
      check: (report) => {
        expect(report.table?.columns).toMatchObject({ lead: 4, responsible: 5, deadline: 6 });
        expect(task(report, 4)).toMatchObject({ lead: ["省审计厅"], responsible: ["省财政厅"], status: "overdue" });
      },
    },
    gateway: "same",
  },
  {
    name: "two-plans-same-columns",
    what: "two plans on one sheet with the same columns: the second header row is skipped, both plans are read",
    file: "two-plans-same-columns.xlsx",
    plan: {
      exit: 0,
      taskRows: [2, 3, 7, 8],
      findings: [{ rule: "table.header-repeated", cell: "A6" }],
      exactly: true,
      check: (report) => {
        expect(task(report, 7).section).toBe("附件2：2017年政务服务工作分工方案");
        expect(report.totals.map((t) => t.unit)).not.toContain("牵头单位");
      },
    },
    gateway: "same",
  },
  {
    name: "two-plans-other-columns",
    what: "two plans on one sheet with other columns: the first is read, the second is named as not checked",
    file: "two-plans-other-columns.xlsx",
    plan: {
      exit: 0,
      taskRows: [2, 3],
      findings: [{ rule: "table.second-table", cell: "A6" }],
      exactly: true,
      check: (report) => {
        expect(report.table).toMatchObject({ headerRow: 1, lastDataRow: 5 });
        expect(report.findings[0].message).toMatch(/只检查了第2至5行|only rows 2 to 5/);
      },
    },
    gateway: "same",
  },
  {
    name: "unit-directory-duplicates",
    what: "a unit directory with duplicate names, blank rows, blank names, empty aliases and a contested alias",
    file: "unit-directory-duplicates.xlsx",
    plan: {
      exit: 0,
      taskRows: [2, 3, 4],
      findings: [
        { rule: "unit.alias", cell: "D3" },
        { rule: "unit.unknown", cell: "C4" },
        { rule: "unit.unassigned", cell: null },
      ],
      exactly: true,
      check: (report) => {
        const unassigned = report.findings.filter((f) => f.rule === "unit.unassigned");
        expect(unassigned.map((f) => f.params.unit)).toEqual(["省直机关工委"]);
        expect(unassigned[0].sheet).toBe("单位名录");
        // 省发改委 is the directory's alias of 省发展改革委 (not of 省统计局, which listed it later).
        expect(task(report, 3).responsible).toEqual(["省发展改革委"]);
        expect(report.totals.filter((t) => t.unit === "省财政厅")).toHaveLength(1);
      },
    },
    gateway: "same",
  },
  {
    name: "formula-like-text",
    what: "unit names and task texts that look like formulas (DDE, HYPERLINK, + - @, tab and CR prefixes) or HTML",
    file: "formula-like-text.xlsx",
    plan: {
      exit: 1,
      taskRows: rows(2, INJECTION_TEXTS.length + 1),
      // Formula-like names are kept as literal unit names (design §3b): "+1+1" is a lead like any other; only
      // "-2+3" (a leading dash is trimmed like a list mark, the figures left are no name) gives no lead.
      findings: [{ rule: "lead.missing", cell: "C6" }],
      exactly: false,
      check: (report) => {
        expect(task(report, 2).text).toBe("=cmd|' /C calc'!A0");
        expect(task(report, 10).text).toBe("<img src=x onerror=alert(1)>");
      },
    },
    gateway: "same",
  },
  {
    name: "control-characters",
    what: "a CSV whose cells hold terminal escape sequences and other control characters",
    file: "control-characters.csv",
    plan: { exit: 0, taskRows: [2, 3], findings: [], exactly: true },
    gateway: null,
  },
  // Huge ------------------------------------------------------------------------------------------------
  {
    name: "million-characters",
    what: "cells of a million characters (task text, lead, deadline) and a unit named 200,000 times in one cell",
    build: millionCharacters,
    plan: {
      exit: 0,
      taskRows: [2, 3, 4, 5],
      findings: [
        { rule: "deadline.unparsed", cell: "E4" },
        { rule: "unit.duplicate", cell: "D5" },
      ],
      exactly: true,
      check: (report) => {
        for (const finding of report.findings) expect(finding.message.length).toBeLessThan(400);
        expect(task(report, 2).text).toHaveLength(MILLION);
        expect(task(report, 5).responsible).toEqual(["省财政厅"]);
        expect(report.summary.text.length).toBeLessThan(2000);
      },
    },
    gateway: "same",
  },
  {
    name: "sixteen-thousand-columns",
    what: "16,000 columns: values out to column 16,000 beside a six-column plan",
    build: sixteenThousandColumns,
    plan: {
      exit: 0,
      taskRows: rows(2, 6),
      findings: [],
      exactly: true,
      check: (report) => expect(report.table).toMatchObject({ firstColumn: 1, lastColumn: 6 }),
    },
    gateway: "same",
  },
];

const built = new Map<string, Promise<Uint8Array>>();

/** The bytes of an entry (a file, or built once per test file). */
export function bytesOf(entry: CorpusEntry): Promise<Uint8Array> {
  if (entry.file) return Promise.resolve(new Uint8Array(readFileSync(join(BAD, entry.file))));
  let bytes = built.get(entry.name);
  if (!bytes) built.set(entry.name, (bytes = entry.build!()));
  return bytes;
}

/** The name the entry has on disk (built entries: written under this name to a temporary folder). */
export const fileNameOf = (entry: CorpusEntry): string => entry.file ?? `${entry.name}.xlsx`;

/** "C2" for a finding (null when table-wide). */
export const cellOf = (finding: { row: number | null; column: string | null }): string | null =>
  finding.row !== null && finding.column !== null ? `${finding.column}${finding.row}` : null;
