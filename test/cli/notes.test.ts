/** `fengong notes`: the reminders of the sample plan as Word files, as text and as JSON, end to end. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDocx } from "../word/docxText";
import { buildCli, fixture, runCli } from "./runCli";

const PLAN = fixture("yunnan-2017-notice.xlsx");
const DATES = ["--as-of", "2017-08-15", "--published", "2017-05-10"];

interface CheckJson {
  tasks: {
    id: string;
    text: string;
    lead: string[];
    responsible: string[];
    status: string;
    daysOverdue: number | null;
  }[];
  totals: Record<string, string | number | null>[];
  assessment: { unit: string; score: number; rank: number }[];
}

let dir: string;
let check: CheckJson;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fengong-notes-"));
  const run = await runCli(["check", PLAN, ...DATES, "--json"]);
  check = JSON.parse(run.stdout);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fengong notes --out-dir", () => {
  let out: string;
  let stdout: string;
  let code: number;

  beforeAll(async () => {
    out = join(dir, "督办");
    const run = await runCli(["notes", PLAN, ...DATES, "--out-dir", out, "--feedback", "2017-08-25"]);
    stdout = run.stdout;
    code = run.code;
    expect(run.stderr).toBe("");
  }, 60_000);

  it("writes the circular and one note for each unit with an overdue task, and lists them", () => {
    // the plan has one error finding (a task without lead): exit 1, as check
    expect(code).toBe(1);
    const late = new Set<string>();
    for (const task of check.tasks.filter((t) => t.status === "overdue" || t.status === "due-soon"))
      for (const unit of [...task.lead, ...task.responsible]) late.add(unit);
    expect(late.size).toBe(5);
    expect(new Set(readdirSync(out))).toEqual(new Set(["通报.docx", ...[...late].map((unit) => `${unit}.docx`)]));
    expect(stdout).toContain("已在");
    expect(stdout).toContain("省政府办公厅.docx（省政府办公厅：逾期 1 项，即将到期 0 项）");
  });

  it("puts in each note the unit's overdue task numbers and texts, and nothing of other units", () => {
    const overdue = check.tasks.filter((t) => t.status === "overdue");
    for (const file of readdirSync(out).filter((name) => name !== "通报.docx")) {
      const unit = file.replace(/\.docx$/, "");
      const doc = readDocx(readFileSync(join(out, file)));
      expect(doc.paragraphs).toContain(`${unit}：`);
      for (const task of check.tasks) {
        const mine = [...task.lead, ...task.responsible].includes(unit) && overdue.includes(task);
        const heading = doc.paragraphs.find((p) => p.includes(`第${task.id}项：`));
        if (mine) {
          expect(heading).toMatch(new RegExp(`^（[一二三]）第${task.id}项：`));
          expect(heading).toContain(task.text.replace(/\s+/g, " ").trim());
          expect(doc.text).toContain(`已逾期${task.daysOverdue}天`);
        } else {
          expect(heading).toBeUndefined();
          expect(doc.text).not.toContain(task.text.slice(0, 12));
        }
      }
      expect(doc.text).toContain("请于2017年8月25日前将上述事项办理情况");
    }
  });

  it("gives 通报.docx the per-unit table of totals, one row per unit", () => {
    const doc = readDocx(readFileSync(join(out, "通报.docx")));
    const table = doc.tables[0];
    expect(table.length - 1).toBe(check.totals.length);
    table.slice(1).forEach((row, i) => {
      const t = check.totals[i];
      expect(row.slice(0, 7)).toEqual(
        [t.unit, t.lead, t.responsible, t.overdue, t.overdueAsLead, t.dueSoon, t.done].map(String),
      );
    });
    // without --year-end no ranking
    expect(doc.paragraphs.some((p) => p.includes("年度考核评分"))).toBe(false);
  });

  it("adds the ranking to the circular with --year-end", async () => {
    const yearEnd = join(dir, "年末");
    await runCli(["notes", PLAN, ...DATES, "--out-dir", yearEnd, "--year-end"]);
    const doc = readDocx(readFileSync(join(yearEnd, "通报.docx")));
    expect(doc.paragraphs).toContain("四、年度考核评分");
    const ranking = doc.tables[2];
    expect(ranking.slice(1).map((row) => [Number(row[0]), row[1], Number(row[2])])).toEqual(
      check.assessment.map((a) => [a.rank, a.unit, a.score]),
    );
    expect(doc.paragraphs).toContain("牵头任务逾期未完成的单位（3个）：省政府办公厅、省发展改革委、省财政厅。");
  }, 60_000);
});

describe("fengong notes without --out-dir", () => {
  it("prints each note as text to paste", async () => {
    const run = await runCli(["notes", PLAN, ...DATES]);
    expect(run.stdout.match(/督办通知单/g)).toHaveLength(5);
    expect(run.stdout).toContain("省编办：\n");
    expect(run.stdout).toContain("（一）第3项：调整完善政务公开领导小组\n    承担角色：配合");
  }, 30_000);

  it("gives --json with the notes and the assessment", async () => {
    const run = await runCli(["notes", PLAN, ...DATES, "--json", "--lang", "en-US"]);
    const json = JSON.parse(run.stdout);
    expect(json.notes.map((n: { unit: string }) => n.unit)).toHaveLength(5);
    const office = json.notes.find((n: { unit: string }) => n.unit === "省政府办公厅");
    expect(office.tasks).toEqual([{ id: "3", row: 7, role: "lead", status: "overdue", daysOverdue: 46 }]);
    expect(office.text).toContain("To: 省政府办公厅");
    expect(json.assessment).toEqual(check.assessment);
  }, 30_000);

  it("says what is wrong with its options", async () => {
    const several = await runCli(["notes", PLAN, PLAN]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain("notes 一次只处理一个文件");
    const misplaced = await runCli(["check", PLAN, "--out-dir", dir]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("--out-dir 只用于 notes 命令");
    const badDate = await runCli(["notes", PLAN, "--feedback", "8月25日"]);
    expect(badDate.stderr).toContain("--feedback 需要有效日期");
    expect(badDate.stderr).toContain("8月25日");
  }, 30_000);
});
