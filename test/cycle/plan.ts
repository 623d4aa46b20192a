/** A realistic provincial plan for the quarterly cycle tests, built with exceljs, and units' edits of its copies. */
import ExcelJS from "exceljs";

export interface PlanRow {
  id: string;
  task: string;
  lead: string;
  responsible: string;
  deadline: string;
  status: string;
}

export const PLAN_ROWS: PlanRow[] = [
  {
    id: "1",
    task: "调整完善政务公开领导小组，明确分管负责同志。",
    lead: "省政府办公厅",
    responsible: "",
    deadline: "2017年6月底前",
    status: "正在推进",
  },
  {
    id: "2",
    task: "推进重大建设项目批准和实施领域信息公开",
    lead: "省发改委",
    responsible: "省国土资源厅、省环境保护厅",
    deadline: "2017年9月底前",
    status: "未启动",
  },
  {
    id: "3",
    task: "推进财政预决算公开，细化公开到功能分类项级科目",
    lead: "省财政厅",
    responsible: "各州、市人民政府",
    deadline: "2017年7月15日",
    status: "正在推进",
  },
  {
    id: "4",
    task: "做好义务教育招生入学信息公开",
    lead: "省教育厅",
    responsible: "",
    deadline: "2017年8月31日",
    status: "正在推进",
  },
  {
    id: "5",
    task: "推进公共资源配置领域信息公开",
    lead: "省财政厅",
    responsible: "省发展改革委",
    deadline: "2017年6月30日",
    status: "正在推进",
  },
  {
    id: "6",
    task: "加强政策解读，主要负责同志带头解读重大政策",
    lead: "省政府办公厅",
    responsible: "省直有关部门",
    deadline: "持续推进",
    status: "",
  },
  {
    id: "7",
    task: "推进食品药品监管信息公开",
    lead: "省食品药品监管局",
    responsible: "",
    deadline: "2017年12月底前",
    status: "正在推进",
  },
  {
    id: "8",
    task: "公开中央环境保护督察反馈意见整改情况",
    lead: "省环境保护厅",
    responsible: "省财政厅",
    deadline: "2017年10月底前",
    status: "正在推进",
  },
];

export const HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"];
export const FIRST_DATA_ROW = 4;
export const STATUS_COLUMN = 6;

/** The plan as the office issued it: title rows, a styled header, bordered body, a unit directory sheet. */
export async function planBytes(rows: PlanRow[] = PLAN_ROWS): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("分工方案");
  ws.getCell("A1").value = "附件";
  ws.getCell("A2").value = "2017年全省政务公开工作要点分工方案";
  ws.mergeCells("A2:F2");
  ws.getCell("A2").font = { bold: true, size: 16 };
  ws.getRow(3).values = HEADER;
  ws.getRow(3).font = { bold: true };
  rows.forEach((row, i) => {
    const r = ws.getRow(FIRST_DATA_ROW + i);
    r.values = [row.id, row.task, row.lead, row.responsible, row.deadline, row.status];
    r.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    r.getCell(2).alignment = { wrapText: true };
  });
  ws.getColumn(2).width = 40;
  ws.getColumn(6).width = 30;
  const note = ws.getRow(FIRST_DATA_ROW + rows.length + 1);
  note.getCell(1).value = "注：完成情况由牵头单位于每季度末填报。";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface UnitEdit {
  /** Task id -> the unit's status text. */
  status: Record<string, string>;
  /** Reverse the order of the data rows (the unit sorted its copy). */
  reverse?: boolean;
  /** Rows the unit added at the end of its copy (its own sub-tasks). */
  insert?: PlanRow[];
  /** Task ids whose row the unit deleted from its copy. */
  remove?: string[];
}

/** A unit's returned copy: the copy it was sent (bytes), edited as units do in Excel. */
export async function editCopy(sent: Uint8Array, edit: UnitEdit): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sent as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("分工方案");
  if (!ws) throw new Error("no plan sheet");
  const rows: (string | number)[][] = [];
  for (let r = FIRST_DATA_ROW; ; r++) {
    const id = ws.getCell(r, 1).value;
    if (id === null || id === undefined || String(id).startsWith("注")) break;
    rows.push([1, 2, 3, 4, 5, 6].map((c) => (ws.getCell(r, c).value ?? "") as string | number));
  }
  const last = FIRST_DATA_ROW + rows.length;
  const noteCell = ws.getCell(last + 1, 1).value;
  let body = rows.filter((row) => !(edit.remove ?? []).includes(String(row[0])));
  for (const row of body) {
    const text = edit.status[String(row[0])];
    if (text !== undefined) row[5] = text;
  }
  if (edit.reverse) body = body.reverse();
  for (const row of edit.insert ?? [])
    body.push([row.id, row.task, row.lead, row.responsible, row.deadline, row.status]);
  for (let r = FIRST_DATA_ROW; r <= last + 1 + (edit.insert?.length ?? 0); r++)
    for (let c = 1; c <= 6; c++) ws.getCell(r, c).value = null;
  body.forEach((row, i) => row.forEach((value, c) => (ws.getCell(FIRST_DATA_ROW + i, c + 1).value = value)));
  ws.getCell(FIRST_DATA_ROW + body.length + 1, 1).value = noteCell;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
