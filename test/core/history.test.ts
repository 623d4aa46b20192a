/** Check records as rows of cells, and the comparison made from them. */
import { analyze } from "../../src/core/analyze";
import { compareWithHistory, firstSeenDone, withComparison } from "../../src/core/compare";
import {
  decodeHistory,
  encodeHistory,
  HISTORY_MARKER,
  MAX_HISTORY_ROWS,
  recordOf,
  upsertRecord,
  type HistoryRecord,
} from "../../src/core/history";
import type { CellValue, Report } from "../../src/core/types";
import { grid } from "./helpers";

jest.setTimeout(60_000);

const HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"];

function plan(rows: CellValue[][], asOf: string): Report {
  return analyze([grid("分工方案", [["2017年政务公开工作要点分工方案"], HEADER, ...rows])], { asOf });
}

const ROWS: CellValue[][] = [
  ["1", "调整完善政务公开领导小组", "省政府办公厅", "", "2017年6月底前", "正在推进"],
  ["2", "推进财政预决算公开", "省財政廳", "各州、市人民政府", "2017年7月15日", "未启动"],
  ["3", "=SUM(A1:A3) 不是公式，是任务名", "省教育厅", "", "2017年9月30日", "-已完成"],
];

describe("encodeHistory / decodeHistory", () => {
  it("round-trips records, units and status texts", () => {
    const records = [recordOf(plan(ROWS, "2017-07-15"), "2017-07-15T01:02:03.000Z")];
    const rows = encodeHistory(records);
    expect(rows[0]).toEqual([HISTORY_MARKER, 1]);
    expect(decodeHistory(rows)).toEqual(records);
    expect(records[0].tasks.map((t) => [t.row, t.id, t.status, t.due, t.lead, t.responsible])).toEqual([
      [3, "1", "overdue", "2017-06-30", ["省政府办公厅"], []],
      [4, "2", "due-soon", "2017-07-15", ["省财政厅"], ["各州、市人民政府"]],
      [5, "3", "done", "2017-09-30", ["省教育厅"], []],
    ]);
  });

  it("never throws on rows it does not understand, and skips them", () => {
    const good = encodeHistory([recordOf(plan(ROWS, "2017-07-15"), "t")]);
    const mangled: CellValue[][] = [
      ...good.slice(0, 2),
      ["not a row", "x"],
      [null as unknown as CellValue],
      ...good.slice(3),
      ["record", "t2", "2017-13-45", 2],
      ["record", "t3", "2017-10-15", "many"],
      [4, "9", "任务", "weird-status", "", "{bad json", "", ""],
    ];
    expect(() => decodeHistory(mangled)).not.toThrow();
    const decoded = decodeHistory(mangled);
    expect(decoded).toHaveLength(1);
    // The record's three rows were the two junk rows and task 2; task 3's row is no record header.
    expect(decoded[0].tasks.map((t) => t.id)).toEqual(["2"]);
    expect(decodeHistory([["something else", 1]])).toEqual([]);
    expect(decodeHistory(null)).toEqual([]);
    expect(
      decodeHistory([
        [HISTORY_MARKER, 99],
        ["record", "t", "2017-07-15", 0],
      ]),
    ).toEqual([]);
  });
});

describe("upsertRecord", () => {
  const record = (asOf: string, tasks = 1): HistoryRecord => ({
    when: `${asOf}T00:00:00Z`,
    asOf,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      row: i + 3,
      id: String(i + 1),
      text: "任务",
      status: "open",
      due: null,
      lead: [],
      responsible: [],
      statusText: "",
    })),
  });

  it("replaces a record with the same as-of and keeps them in as-of order", () => {
    const first = upsertRecord([], record("2017-10-15"));
    const second = upsertRecord(first, record("2017-07-15"));
    const again = upsertRecord(second, { ...record("2017-10-15"), when: "later" });
    expect(again.map((r) => [r.asOf, r.when])).toEqual([
      ["2017-07-15", "2017-07-15T00:00:00Z"],
      ["2017-10-15", "later"],
    ]);
  });

  it("drops the oldest records past the limits, never the newest", () => {
    let records: HistoryRecord[] = [];
    for (let m = 1; m <= 9; m++) records = upsertRecord(records, record(`2017-0${m}-01`), 4);
    expect(records.map((r) => r.asOf)).toEqual(["2017-06-01", "2017-07-01", "2017-08-01", "2017-09-01"]);
    // Rows: one marker row, one per record, one per task. 3 records of 4 tasks need 16 rows.
    const three = [record("2017-01-01", 4), record("2017-02-01", 4)];
    expect(upsertRecord(three, record("2017-03-01", 4), 10, 16).map((r) => r.asOf)).toHaveLength(3);
    expect(upsertRecord(three, record("2017-03-01", 4), 10, 15).map((r) => r.asOf)).toEqual([
      "2017-02-01",
      "2017-03-01",
    ]);
    expect(upsertRecord(three, record("2017-03-01", 40), 10, 15).map((r) => r.asOf)).toEqual(["2017-03-01"]);
    expect(MAX_HISTORY_ROWS).toBeLessThan(1_048_576);
  });
});

describe("compareWithHistory", () => {
  it("matches tasks by id and text: renumbered, reordered, reworded and removed rows", () => {
    const earlier = recordOf(
      plan(
        [
          ["1", "调整完善政务公开领导小组", "省政府办公厅", "", "2017年6月底前", "正在推进"],
          ["2", "推进财政预决算公开", "省财政厅", "", "2017年6月30日", ""],
          ["3", "做好招生入学信息公开", "省教育厅", "", "2017年9月30日", ""],
          ["4", "推进食品药品监管信息公开", "省食品药品监管局", "", "2017年12月底前", ""],
        ],
        "2017-07-15",
      ),
      "t1",
    );
    // A new task 1 was inserted, the rest renumbered and reordered; task 4 reworded; 食品 removed.
    const now = plan(
      [
        ["1", "建立政务公开季度通报制度", "省政府办公厅", "", "2017年12月31日", ""],
        ["2", "推进财政预决算公开", "省财政厅", "", "2017年6月30日", "已完成"],
        ["3", "调整完善 政务公开领导小组", "省政府办公厅", "", "2017年6月底前", "正在推进"],
        ["4", "做好义务教育招生入学信息公开", "省教育厅", "", "2017年9月30日", ""],
      ],
      "2017-10-15",
    );
    const comparison = compareWithHistory(now.tasks, now.asOf, [earlier]);
    expect(comparison?.since).toBe("2017-07-15");
    expect(comparison?.newlyDone.map((e) => [e.row, e.id])).toEqual([[4, "2"]]);
    expect(comparison?.stillOverdue.map((e) => [e.row, e.id, e.periods])).toEqual([[5, "3", 2]]);
    expect(comparison?.newlyOverdue).toEqual([]);
    expect(comparison?.added.map((e) => e.text)).toEqual(["建立政务公开季度通报制度", "做好义务教育招生入学信息公开"]);
    // Removed: rows in the earlier plan.
    expect(comparison?.removed.map((e) => [e.row, e.text])).toEqual([
      [5, "做好招生入学信息公开"],
      [6, "推进食品药品监管信息公开"],
    ]);
  });

  it("counts periods over successive records only, and ignores records of the same or a later as-of", () => {
    const at = (asOf: string, status: string) =>
      recordOf(plan([["1", "推进财政预决算公开", "省财政厅", "", "2017年3月31日", status]], asOf), asOf);
    const records = [at("2017-04-15", ""), at("2017-05-15", "已完成"), at("2017-06-15", ""), at("2017-07-15", "")];
    const now = plan([["1", "推进财政预决算公开", "省财政厅", "", "2017年3月31日", "正在推进"]], "2017-08-15");
    expect(compareWithHistory(now.tasks, now.asOf, records)?.stillOverdue[0].periods).toBe(3);
    // The same as-of is not "earlier": compared with 7-15, not with itself.
    expect(compareWithHistory(now.tasks, now.asOf, [...records, at("2017-08-15", "")])?.since).toBe("2017-07-15");
    expect(compareWithHistory(now.tasks, "2017-04-15", records)).toBeNull();
  });

  it("gives each unit its change in overdue count, all roles, and says it in the circular", () => {
    const earlier = recordOf(
      plan(
        [
          ["1", "推进财政预决算公开", "省财政厅", "省审计厅", "2017年6月30日", ""],
          ["2", "推进公共资源配置信息公开", "省发展改革委", "省财政厅", "2017年6月30日", ""],
        ],
        "2017-07-15",
      ),
      "t",
    );
    const now = plan(
      [
        ["1", "推进财政预决算公开", "省财政厅", "省审计厅", "2017年6月30日", "已完成"],
        ["2", "推进公共资源配置信息公开", "省发展改革委", "省财政厅", "2017年6月30日", ""],
        ["3", "推进重大建设项目信息公开", "省发展改革委", "", "2017年9月30日", ""],
      ],
      "2017-10-15",
    );
    const report = withComparison(now, [earlier], { dueSoonDays: 7 });
    const change = Object.fromEntries(report.totals.map((t) => [t.unit, t.overdueChange]));
    expect(change).toEqual({ 省发展改革委: 1, 省财政厅: -1, 省审计厅: -1 });
    expect(report.summary.text).toContain(
      // Task 3 is overdue, but new to the plan: added, not "newly overdue".
      "与上期（2017年7月15日）相比，新完成1项，连续两期逾期1项（由省发展改革委牵头的第2项），新增任务1项。",
    );
    expect(report.summary.tsv.split("\n")[0].split("\t")).toContain("逾期较上期增减");
    // Without history: nothing to compare, the text and totals as analyze made them.
    const alone = withComparison(now, [], { dueSoonDays: 7 });
    expect(alone.comparison).toBeNull();
    expect(alone.summary).toEqual(now.summary);
  });
});

describe("firstSeenDone", () => {
  it("dates a completion by the first check of its latest run of checks that saw it done", () => {
    const at = (asOf: string, status: Record<string, string>) =>
      recordOf(
        plan(
          [
            ["1", "推进财政预决算公开", "省财政厅", "", "2017年9月30日", status["1"] ?? ""],
            ["2", "做好招生入学信息公开", "省教育厅", "", "2017年9月30日", status["2"] ?? ""],
            ["3", "推进食品药品监管信息公开", "省食品药品监管局", "", "2017年9月30日", status["3"] ?? ""],
          ],
          asOf,
        ),
        asOf,
      );
    const records = [
      at("2017-04-15", { "1": "已完成" }),
      at("2017-07-15", { "1": "已完成", "2": "已完成" }),
      at("2017-10-15", { "1": "已完成", "3": "已完成" }),
    ];
    // Task 2 was reopened at the last check; task 3 done only at the last one.
    const now = plan(
      [
        ["3", "推进食品药品监管信息公开", "省食品药品监管局", "", "2017年9月30日", "已完成"],
        ["1", "推进财政预决算公开", "省财政厅", "", "2017年9月30日", "已完成"],
        ["2", "做好招生入学信息公开", "省教育厅", "", "2017年9月30日", "已完成"],
      ],
      "2017-12-15",
    );
    expect(firstSeenDone(now.tasks, records)).toEqual(["2017-10-15", "2017-04-15", null]);
  });
});
