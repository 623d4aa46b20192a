// Generates a large, realistic division-of-labour plan (.xlsx) for speed checks, and optionally times
// `fengong check --json` against exceljs alone reading the same file.
//
//   node scripts/generate-plan.mjs [--rows 100000] [--out FILE.xlsx] [--compare] [--runs 3]
//
// The plan has a title, an "附件" line, a header, section rows merged across the table (一、… every 40
// rows), and task rows with mixed deadline phrasings (Excel dates, 6月底前, 三季度末, 10月上旬, 年底前,
// 持续推进, 每季度, 印发后30个工作日内), role phrases (X牵头，Y、Z配合 / 按职责分工负责), collectives
// (各州、市人民政府), abbreviations (省发改委) and status words.
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    out: { type: "string" },
    compare: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
  },
});
const rows = Number(values.rows);
const out = values.out ?? join(tmpdir(), `fengong-plan-${rows}.xlsx`);

const LEADS = [
  "省政府办公厅",
  "省发展改革委",
  "省财政厅",
  "省教育厅",
  "省工业和信息化厅",
  "省自然资源厅",
  "省生态环境厅",
  "省住房城乡建设厅",
  "省交通运输厅",
  "省农业农村厅",
  "省商务厅",
  "省卫生健康委",
  "省市场监管局",
  "省统计局",
  "省政务服务管理局",
];
const SHORT = {
  省发展改革委: "省发改委",
  省卫生健康委: "省卫健委",
  省住房城乡建设厅: "省住建厅",
  省工业和信息化厅: "省工信厅",
};
const COLLECTIVES = ["各州、市人民政府", "省直有关部门", "各县（市、区）人民政府"];
const VERBS = ["推进", "完善", "加强", "落实", "健全", "开展", "深化", "规范"];
const OBJECTS = [
  "政务公开标准化规范化建设",
  "重点领域信息公开",
  "政策解读和回应关切",
  "政府网站集约化",
  "预决算信息公开",
  "营商环境评价",
  "数据共享和开放",
  "基层政务公开",
  "督查考核机制",
];
const SECTIONS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const STATUS = ["已完成", "正在推进", "正在推进", "未启动", "", "已提出延期申请"];

const pick = (list, i) => list[i % list.length];

/** [lead cell, responsible cell, units written at the end of the task text]. */
function units(i) {
  const lead = pick(LEADS, i * 7);
  const other = pick(LEADS, i * 11 + 3);
  const written = i % 9 === 0 && SHORT[lead] ? SHORT[lead] : lead;
  switch (i % 6) {
    case 0:
      return [written, `${other}、${pick(COLLECTIVES, i)}`, ""];
    case 1:
      // State Council style: the units in a parenthesis at the end of the task, unit cells empty.
      return ["", "", `（${written}牵头，${other}、${pick(COLLECTIVES, i + 1)}配合）`];
    case 2:
      return [written, pick(COLLECTIVES, i), ""];
    case 3:
      // Now and then nobody leads ("按照职责分工负责"): a lead.missing finding.
      return i % 30 === 3
        ? ["", `${written}、${other}，${pick(COLLECTIVES, i)}按照职责分工负责`, ""]
        : [written, `${other}，${pick(COLLECTIVES, i)}`, ""];
    case 4:
      return [`${written}、${other}`, "省直有关部门", ""];
    default:
      return [pick(COLLECTIVES, i), "", ""];
  }
}

function deadline(i) {
  switch (i % 10) {
    case 0:
      return new Date(Date.UTC(2024, i % 12, 1 + (i % 28)));
    case 1:
      return `${1 + (i % 12)}月底前`;
    case 2:
      return pick(["一季度末", "二季度末", "三季度末", "第四季度"], i);
    case 3:
      return `${1 + (i % 12)}月${pick(["上旬", "中旬", "下旬"], i)}`;
    case 4:
      return "年底前";
    case 5:
      return "持续推进";
    case 6:
      return "每季度";
    case 7:
      return "本通知印发后30个工作日内";
    case 8:
      return `2024年${1 + (i % 12)}月${1 + (i % 28)}日前`;
    default:
      return "2024年6月底前（省直部门）、9月底前（州市）";
  }
}

async function generate() {
  const started = Date.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet("分工方案");
  sheet.addRow(["附件"]).commit();
  const title = sheet.addRow(["2024年重点工作任务分工方案（生成的测试数据）"]);
  sheet.mergeCells("A2:G2");
  title.commit();
  sheet.addRow(["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况", "备注"]).commit();
  let rowNumber = 3;
  let task = 0;
  let section = 0;
  while (task < rows) {
    if (task % 40 === 0) {
      rowNumber++;
      const sectionRow = sheet.addRow([
        `${pick(SECTIONS, section)}、${pick(OBJECTS, section)}（第${section + 1}部分）`,
      ]);
      sheet.mergeCells(`A${rowNumber}:G${rowNumber}`);
      sectionRow.commit();
      section++;
    }
    task++;
    rowNumber++;
    const [lead, responsible, trailing] = units(task);
    const due = deadline(task);
    const text = `${pick(VERBS, task)}${pick(OBJECTS, task * 5)}${trailing}`;
    const row = sheet.addRow([
      task,
      text,
      lead,
      responsible,
      due,
      pick(STATUS, task * 3),
      task % 13 === 0 ? "需要协调" : "",
    ]);
    if (due instanceof Date) row.getCell(5).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  console.log(
    `generate-plan: ${rows} tasks (${rowNumber} rows) -> ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Reports the process' CPU time at exit (stderr), so a busy machine can be told apart from a slow program. */
const PRELOAD = join(tmpdir(), "fengong-cpu-preload.cjs");
writeFileSync(
  PRELOAD,
  'process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write(`\\ncpu-seconds ${(u.user + u.system) / 1e6}\\n`); });',
);

/** Wall time and CPU time of a node command, in seconds. */
function time(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["-r", PRELOAD, ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = String(result.stderr);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} failed: ${stderr}`);
  const cpu = Number(/cpu-seconds ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
  return { wall, cpu };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const show = (list) => list.map((t) => t.toFixed(2)).join(", ");

function compare() {
  execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs"), "--quiet"], { cwd: root });
  const readOnly = `const E=require("exceljs");new E.Workbook().xlsx.readFile(${JSON.stringify(out)}).then(()=>{})`;
  const runs = Number(values.runs);
  const exceljs = [];
  const fengong = [];
  for (let i = 0; i < runs; i++) {
    exceljs.push(time(["-e", readOnly]));
    fengong.push(
      time([
        join(root, "bin", "fengong.js"),
        "check",
        out,
        "--as-of",
        "2024-06-30",
        "--published",
        "2024-02-01",
        "--json",
      ]),
    );
  }
  for (const kind of ["wall", "cpu"]) {
    const a = exceljs.map((r) => r[kind]);
    const b = fengong.map((r) => r[kind]);
    console.log(`${kind} seconds, median of ${runs}:`);
    console.log(`  exceljs alone (node + require + readFile): ${median(a).toFixed(2)}  [${show(a)}]`);
    console.log(`  fengong check --json (whole command):      ${median(b).toFixed(2)}  [${show(b)}]`);
    console.log(`  ratio: ${(median(b) / median(a)).toFixed(2)}x (target <= 1.5x)`);
  }
}

await generate();
if (values.compare) compare();
