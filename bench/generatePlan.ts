/**
 * A realistic division-of-labour plan of any size, as a Grid (for analyze) with what the core must find in it.
 * Two layouts, as in real plans:
 * - "two-column": 附件 row, merged title, 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 | 完成情况 | 备注, merged
 *   section rows (一、… and （一）…), lead cells merged down over a few rows, a note row at the end;
 * - "one-column": merged title, 编号 | 重点任务 | 责任单位 | 时间节点 | 进展情况, one unit cell with role phrases
 *   (X牵头，Y、Z配合 / 牵头单位：X；责任单位：Y / 按职责分工负责 / no marker), or the units in a trailing
 *   parenthesis of the task text.
 * Units are written as people write them: short names (省发改委), traditional characters, an elided 省 prefix
 * (省发展改革委、财政厅), collectives (各州、市人民政府). Deadlines mix dates, words and Excel date serials.
 * Deterministic for a seed. `rows` counts the table body (task rows and section rows).
 */
import type { CellValue, DeadlineKind, Grid, IsoDate, MergedArea, Status } from "../src/core/types";
import { Random } from "./random";
import {
  COLLECTIVES,
  DATE_FORMAT,
  DEADLINES,
  DONE_WORDS,
  NOT_DONE_WORDS,
  PLAN_YEAR,
  SECTION_TITLES,
  SUBSECTION_TITLES,
  TASK_OBJECTS,
  TASK_TAILS,
  TASK_VERBS,
  UNITS,
  type DeadlineWord,
  type UnitWord,
} from "./vocabulary";

export type PlanLayout = "two-column" | "one-column";

export interface PlanOptions {
  /** Rows of the table body (tasks and section rows), at least 1. */
  rows: number;
  layout: PlanLayout;
  seed?: number;
}

/** What analyze must report for one task row. */
export interface ExpectedTask {
  row: number;
  lead: string[];
  responsible: string[];
  kind: DeadlineKind;
  /** undefined: not asserted (a relative deadline's date depends on the official calendar). */
  due: IsoDate | null | undefined;
  status: Status;
  /** The section row above (the last one: （一）… after 一、…). */
  section: string;
}

export interface GeneratedPlan {
  layout: PlanLayout;
  grid: Grid;
  /** 1-based sheet row of the header. */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Header texts, left to right. */
  header: string[];
  tasks: ExpectedTask[];
  /** Section rows (both levels) in the body. */
  sectionRows: number;
}

const HEADERS: Record<PlanLayout, string[]> = {
  "two-column": ["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况", "备注"],
  "one-column": ["编号", "重点任务", "责任单位", "时间节点", "进展情况"],
};

const DEADLINE_WEIGHTS: Record<string, number> = Object.fromEntries(
  DEADLINES.map((word, i) => [String(i), word.weight]),
);

/** Chinese numerals for section numbering (一 … 九千九百九十九). */
export function chineseNumeral(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n < 10) return digits[n];
  if (n < 20) return "十" + (n % 10 ? digits[n % 10] : "");
  if (n < 100) return digits[Math.floor(n / 10)] + "十" + (n % 10 ? digits[n % 10] : "");
  const units: [number, string][] = [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
    [1, ""],
  ];
  let out = "";
  let zero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(n / size) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += digits[digit] + name;
  }
  return out;
}

interface Written {
  text: string;
  names: string[];
}

class PlanBuilder {
  readonly values: CellValue[][] = [];
  readonly formats: (string | undefined)[][] = [];
  readonly merges: MergedArea[] = [];
  readonly tasks: ExpectedTask[] = [];
  sectionRows = 0;

  constructor(
    readonly random: Random,
    readonly width: number,
  ) {}

  /** 1-based sheet row the next pushed row gets. */
  get nextRow(): number {
    return this.values.length + 1;
  }

  push(cells: CellValue[], formats?: (string | undefined)[]): number {
    this.values.push(cells);
    if (formats) this.formats[this.values.length - 1] = formats;
    return this.values.length;
  }

  /** A row with one text merged across the table (title, section, note). */
  pushWide(text: string): number {
    const row = this.push([text, ...Array<CellValue>(this.width - 1).fill("")]);
    this.merges.push({ top: row, left: 1, bottom: row, right: this.width });
    return row;
  }

  /** How a person writes this unit: mostly its name, sometimes a short name or traditional characters. */
  writeUnit(unit: UnitWord): string {
    const roll = this.random.next();
    if (unit.aliases && roll < 0.12) return this.random.pick(unit.aliases);
    if (unit.traditional && roll > 0.93) return unit.traditional;
    return unit.name;
  }

  units(count: number, except: ReadonlySet<UnitWord> = new Set()): UnitWord[] {
    return this.random.distinct(UNITS, count, except);
  }

  list(units: readonly UnitWord[]): Written {
    return { text: units.map((unit) => this.writeUnit(unit)).join("、"), names: units.map((unit) => unit.name) };
  }

  /** 省发展改革委、财政厅、统计局: later units written without the 省 their reader re-attaches. */
  elidedList(except: ReadonlySet<UnitWord>): Written {
    const elidable = UNITS.filter((unit) => unit.elidable);
    const chosen = this.random.distinct(elidable, this.random.int(2, 3), except);
    const text = chosen.map((unit, i) => (i === 0 ? unit.name : unit.name.replace(/^省/, ""))).join("、");
    return { text, names: chosen.map((unit) => unit.name) };
  }

  collectives(): Written {
    const names = this.random.chance(0.5)
      ? ["省直有关部门", "各州、市人民政府"]
      : this.random.distinct(COLLECTIVES, this.random.int(1, 2));
    return { text: names.join("，"), names };
  }

  deadline(): DeadlineWord {
    return DEADLINES[Number(this.random.weighted(DEADLINE_WEIGHTS))];
  }

  statusText(deadline: DeadlineWord): { text: string; done: boolean } {
    const past = deadline.status === "overdue";
    const done = this.random.chance(past ? 0.55 : 0.2);
    return { text: this.random.pick(done ? DONE_WORDS : NOT_DONE_WORDS), done };
  }

  taskText(): string {
    const r = this.random;
    return `${r.pick(TASK_VERBS)}${r.pick(TASK_OBJECTS)}${r.pick(TASK_TAILS)}`;
  }
}

/** Generate a plan. */
export function generatePlan(options: PlanOptions): GeneratedPlan {
  const rows = Math.max(1, Math.floor(options.rows));
  const random = new Random(options.seed ?? 20240815);
  const header = HEADERS[options.layout];
  const builder = new PlanBuilder(random, header.length);
  const title = `某省${PLAN_YEAR}年政务公开工作要点分工方案`;

  if (options.layout === "two-column") builder.push(["附件"]);
  builder.pushWide(title);
  const headerRow = builder.push([...header]);
  const firstDataRow = builder.nextRow;

  let section = "";
  let sections = 0;
  let subsections = 0;
  let untilSection = 0;
  let untilSubsection = 0;
  let id = 0;
  let leadMerge: LeadMerge | null = null;
  const add = options.layout === "two-column" ? addTwoColumnTask : addOneColumnTask;

  while (builder.nextRow - firstDataRow < rows) {
    if (untilSection <= 0) {
      sections++;
      subsections = 0;
      section = `${chineseNumeral(sections)}、${random.pick(SECTION_TITLES)}`;
      builder.pushWide(section);
      builder.sectionRows++;
      untilSection = random.int(30, 80);
      untilSubsection = 0;
      leadMerge = null;
      continue;
    }
    if (untilSubsection <= 0) {
      subsections++;
      section = `（${chineseNumeral(subsections)}）${random.pick(SUBSECTION_TITLES)}`;
      builder.pushWide(section);
      builder.sectionRows++;
      untilSubsection = random.int(6, 15);
      leadMerge = null;
      continue;
    }
    id++;
    untilSection--;
    untilSubsection--;
    leadMerge = add(builder, id, section, leadMerge);
  }
  const lastDataRow = builder.nextRow - 1;
  builder.pushWide(`注：完成时限未注明年份的，均为${PLAN_YEAR}年。`);

  const grid: Grid = {
    sheet: "分工方案",
    origin: { row: 1, column: 1 },
    values: builder.values,
    numberFormats: builder.formats,
    merges: builder.merges,
  };
  return {
    layout: options.layout,
    grid,
    headerRow,
    firstDataRow,
    lastDataRow,
    header,
    tasks: builder.tasks,
    sectionRows: builder.sectionRows,
  };
}

function deadlineCell(deadline: DeadlineWord): { value: CellValue; format: string | undefined } {
  return typeof deadline.value === "number"
    ? { value: deadline.value, format: DATE_FORMAT }
    : { value: deadline.value, format: undefined };
}

/** The lead cell of the row above, which the next rows may share by a vertical merge. */
interface LeadMerge {
  area: MergedArea;
  lead: string[];
  /** In the grid's merges (once it spans two rows). */
  registered: boolean;
}

function expectTask(
  builder: PlanBuilder,
  row: number,
  section: string,
  lead: string[],
  responsible: string[],
  deadline: DeadlineWord,
  done: boolean,
): void {
  builder.tasks.push({
    row,
    lead,
    responsible,
    kind: deadline.kind,
    due: deadline.due,
    status: done ? "done" : deadline.status,
    section,
  });
}

/** 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 | 完成情况 | 备注 */
function addTwoColumnTask(
  builder: PlanBuilder,
  id: number,
  section: string,
  leadMerge: LeadMerge | null,
): LeadMerge | null {
  const r = builder.random;
  const row = builder.nextRow;
  const LEAD_COLUMN = 3;

  // The lead: a cell merged down from the row above, or a cell of its own.
  let leadText = "";
  let lead: string[];
  let leadUnits = new Set<UnitWord>();
  let merged = false;
  if (leadMerge && leadMerge.lead.length > 0 && r.chance(0.12)) {
    merged = true;
    leadMerge.area.bottom = row;
    if (!leadMerge.registered) builder.merges.push(leadMerge.area);
    leadMerge.registered = true;
    lead = leadMerge.lead;
    leadUnits = new Set(UNITS.filter((unit) => lead.includes(unit.name)));
  } else {
    const shape = r.weighted({ one: 86, two: 8, collective: 4, none: 2 });
    if (shape === "none") lead = [];
    else if (shape === "collective") {
      leadText = "各州、市人民政府";
      lead = [leadText];
    } else {
      const units = builder.units(shape === "two" ? 2 : 1);
      const written = builder.list(units);
      leadText = written.text;
      lead = written.names;
      leadUnits = new Set(units);
    }
  }

  let responsible: Written;
  switch (r.weighted({ list: 38, single: 12, elided: 12, collectives: 12, mixed: 10, empty: 10, all: 6 })) {
    case "list":
      responsible = builder.list(builder.units(r.int(2, 3), leadUnits));
      break;
    case "single":
      responsible = builder.list(builder.units(1, leadUnits));
      break;
    case "elided":
      responsible = builder.elidedList(leadUnits);
      break;
    case "collectives":
      responsible = builder.collectives();
      break;
    case "mixed": {
      const units = builder.list(builder.units(r.int(1, 2), leadUnits));
      const groups = builder.collectives();
      responsible = { text: `${units.text}，${groups.text}`, names: [...units.names, ...groups.names] };
      break;
    }
    case "all":
      responsible = {
        text: "省直各委、办、厅、局，各州、市人民政府",
        names: ["省直各委、办、厅、局", "各州、市人民政府"],
      };
      break;
    default:
      responsible = { text: "", names: [] };
  }
  // A collective lead listed again as responsible would be a finding, not what this row is about.
  responsible.names = responsible.names.filter((name) => !lead.includes(name));
  if (lead.some((name) => responsible.text.includes(name))) responsible = { text: "", names: [] };

  const deadline = builder.deadline();
  const { value, format } = deadlineCell(deadline);
  const status = builder.statusText(deadline);
  const note = r.chance(0.05) ? "已纳入年度考核" : "";
  builder.push(
    [id, builder.taskText(), leadText, responsible.text, value, status.text, note],
    format ? [undefined, undefined, undefined, undefined, format] : undefined,
  );
  expectTask(builder, row, section, lead, responsible.names, deadline, status.done);

  if (merged) return leadMerge;
  if (lead.length === 0) return null;
  return { area: { top: row, left: LEAD_COLUMN, bottom: row, right: LEAD_COLUMN }, lead, registered: false };
}

/** 编号 | 重点任务 | 责任单位 | 时间节点 | 进展情况 */
function addOneColumnTask(builder: PlanBuilder, id: number, section: string): null {
  const r = builder.random;
  const row = builder.nextRow;
  let task = builder.taskText();
  const [x, y, z] = builder.units(3);
  const X = builder.writeUnit(x);
  const Y = builder.writeUnit(y);
  const Z = builder.writeUnit(z);
  let cell: string;
  let lead: string[];
  let responsible: string[];
  let deadline = builder.deadline();
  let deadlineInCell = true;

  switch (
    r.weighted({
      phrase: 32,
      labels: 18,
      duty: 10,
      implicit: 14,
      separately: 5,
      noLead: 3,
      inTask: 14,
      inTaskOngoing: 4,
    })
  ) {
    case "phrase":
      cell = `${X}牵头，${Y}、${Z}配合`;
      [lead, responsible] = [[x.name], [y.name, z.name]];
      break;
    case "labels":
      cell = `牵头单位：${X}；责任单位：${Y}、${Z}`;
      [lead, responsible] = [[x.name], [y.name, z.name]];
      break;
    case "duty":
      cell = `${X}牵头，省直有关部门，各州、市人民政府按职责分工负责`;
      [lead, responsible] = [[x.name], ["省直有关部门", "各州、市人民政府"]];
      break;
    case "implicit":
      cell = `${X}、${Y}`;
      [lead, responsible] = [[x.name], [y.name]];
      break;
    case "separately":
      cell = `${X}、${Y}分别牵头，${Z}配合`;
      [lead, responsible] = [[x.name, y.name], [z.name]];
      break;
    case "noLead":
      cell = `${X}、${Y}按职责分工负责`;
      [lead, responsible] = [[], [x.name, y.name]];
      break;
    case "inTask":
      cell = "";
      task = `${task}。（${X}牵头，${Y}、${Z}配合）`;
      [lead, responsible] = [[x.name], [y.name, z.name]];
      break;
    default:
      // 〔…牵头，年内持续推进〕 with no deadline cell: the deadline is read from the parenthesis.
      cell = "";
      task = `${task}。（${X}牵头，年内持续推进）`;
      [lead, responsible] = [[x.name], []];
      deadline = { value: "年内持续推进", kind: "ongoing", due: null, status: "ongoing", weight: 0 };
      deadlineInCell = false;
  }

  const { value, format } = deadlineInCell ? deadlineCell(deadline) : { value: "", format: undefined };
  const status = builder.statusText(deadline);
  builder.push([id, task, cell, value, status.text], format ? [undefined, undefined, undefined, format] : undefined);
  expectTask(builder, row, section, lead, responsible, deadline, status.done);
  return null;
}
