/**
 * The words a generated plan is made of: provincial units (with the short names and traditional spellings
 * people write), collectives, task phrases, section titles, deadline phrasings and status words — modelled
 * on real 分工方案 (see /work/shared/samples and design.md §3).
 */
import type { DeadlineKind, IsoDate, Status } from "../src/core/types";

export interface UnitWord {
  /** The canonical name the core should report. */
  name: string;
  /** Other ways the unit is written that resolve to `name` (built-in short names, long official forms). */
  aliases?: string[];
  /** The name in traditional characters. */
  traditional?: string;
  /** May be written without its 省 prefix after a first unit that has it (省发展改革委、财政厅). */
  elidable?: boolean;
}

export const UNITS: readonly UnitWord[] = [
  { name: "省政府办公厅" },
  { name: "省发展改革委", aliases: ["省发改委", "省发展和改革委员会"], elidable: true },
  { name: "省财政厅", traditional: "省財政廳", elidable: true },
  { name: "省教育厅", traditional: "省教育廳", elidable: true },
  { name: "省科技厅", aliases: ["省科学技术厅"], elidable: true },
  { name: "省工业和信息化厅", aliases: ["省工信厅"], elidable: true },
  { name: "省公安厅", elidable: true },
  { name: "省民政厅", elidable: true },
  { name: "省司法厅", elidable: true },
  { name: "省人力资源社会保障厅", aliases: ["省人社厅", "省人力资源和社会保障厅"], elidable: true },
  { name: "省自然资源厅", elidable: true },
  { name: "省生态环境厅", elidable: true },
  { name: "省住房城乡建设厅", aliases: ["省住建厅", "省住房和城乡建设厅"], elidable: true },
  { name: "省交通运输厅", aliases: ["省交通厅"], elidable: true },
  { name: "省水利厅", traditional: "省水利廳", elidable: true },
  { name: "省农业农村厅", traditional: "省農業農村廳", elidable: true },
  { name: "省商务厅", elidable: true },
  { name: "省文化和旅游厅", aliases: ["省文旅厅"], elidable: true },
  { name: "省卫生健康委", aliases: ["省卫健委"], traditional: "省衛生健康委", elidable: true },
  { name: "省应急管理厅", aliases: ["省应急厅"], elidable: true },
  { name: "省审计厅", traditional: "省審計廳", elidable: true },
  { name: "省国资委", elidable: true },
  { name: "省市场监管局", aliases: ["省市场监督管理局"], elidable: true },
  { name: "省统计局", traditional: "省統計局", elidable: true },
  { name: "省医保局", aliases: ["省医疗保障局"], elidable: true },
  { name: "省林业和草原局", aliases: ["省林草局"], elidable: true },
  { name: "省民族宗教委", aliases: ["省民宗委"], elidable: true },
  { name: "省政府督查室" },
  { name: "省委网信办" },
  { name: "省编办" },
  { name: "省大数据局", elidable: true },
  { name: "省政务服务管理局", elidable: true },
  { name: "人民银行昆明中心支行" },
];

/** Collective names: one unit each, never split at 、 (design §3, step 2). */
export const COLLECTIVES: readonly string[] = [
  "各州、市人民政府",
  "省直有关部门",
  "省直各委、办、厅、局",
  "各县（市、区）人民政府",
  "各有关单位",
];

export const TASK_VERBS: readonly string[] = [
  "推进",
  "做好",
  "加强",
  "完善",
  "建立健全",
  "深化",
  "规范",
  "组织开展",
  "持续优化",
  "认真落实",
  "加快推进",
  "全面梳理",
];

export const TASK_OBJECTS: readonly string[] = [
  "财政预决算信息公开",
  "重大建设项目批准和实施信息公开",
  "公共资源配置信息公开",
  "政策解读和回应关切工作",
  "政府网站集约化建设",
  "政务新媒体管理",
  "政府信息公开申请办理",
  "行政执法公示制度",
  "“互联网+政务服务”平台建设",
  "减税降费政策落实情况公开",
  "乡村振兴领域信息公开",
  "生态环境信息公开",
  "食品药品安全信息公开",
  "国有企业信息公开",
  "社会救助信息公开",
  "义务教育信息公开",
  "重大决策预公开制度",
  "政务公开专区建设",
  "基层政务公开标准化规范化",
  "政府公报数字化",
];

export const TASK_TAILS: readonly string[] = [
  "，及时回应社会关切",
  "，确保按时完成",
  "，定期报送工作进展",
  "，形成长效机制",
  "，提高公开质量",
  "，并在门户网站公开",
  "",
  "",
];

export const SECTION_TITLES: readonly string[] = [
  "强化组织领导，确保扎实推进",
  "明确职责任务，确保有序开展",
  "加强督促检查，确保落实落细",
  "围绕稳增长促改革，加强政策发布解读",
  "围绕防风险，加强重点领域信息公开",
  "围绕惠民生，深化公共服务信息公开",
  "提升政务公开能力，夯实工作基础",
];

export const SUBSECTION_TITLES: readonly string[] = [
  "加强政策解读",
  "做好舆情回应",
  "推进决策公开",
  "推进执行和结果公开",
  "加强平台建设",
  "完善制度规范",
  "强化考核监督",
];

/** A deadline as written, and what the core must make of it on the benchmark's dates. */
export interface DeadlineWord {
  /** Text, or an Excel date serial (written with a date number format). */
  value: string | number;
  kind: DeadlineKind;
  /** The due date, or null when there is none; undefined: not asserted (relative deadlines). */
  due: IsoDate | null | undefined;
  /** The status when the task is not done. */
  status: Exclude<Status, "done">;
  /** Only deadlines with a date that is past (or near): tasks are more often done. */
  weight: number;
}

/** Excel's serial of a calendar date (1900 system). */
export function excelSerial(iso: IsoDate): number {
  const [year, month, day] = iso.split("-").map(Number);
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The dates every benchmark plan is read with: plan year 2024 (in the title), as of 15 August 2024. */
export const PLAN_YEAR = 2024;
export const AS_OF: IsoDate = "2024-08-15";
export const PUBLISHED: IsoDate = "2024-03-01";
export const DUE_SOON_DAYS = 7;

export const DEADLINES: readonly DeadlineWord[] = [
  { value: "2024年3月底前", kind: "month", due: "2024-03-31", status: "overdue", weight: 6 },
  { value: "7月底前", kind: "month", due: "2024-07-31", status: "overdue", weight: 8 },
  { value: "2024年6月30日前", kind: "date", due: "2024-06-30", status: "overdue", weight: 6 },
  { value: "2024-05-15", kind: "date", due: "2024-05-15", status: "overdue", weight: 3 },
  { value: "三季度末", kind: "quarter", due: "2024-09-30", status: "open", weight: 6 },
  { value: "第四季度", kind: "quarter", due: "2024-12-31", status: "open", weight: 3 },
  { value: "上半年", kind: "half", due: "2024-06-30", status: "overdue", weight: 4 },
  { value: "下半年", kind: "half", due: "2024-12-31", status: "open", weight: 5 },
  { value: "年底前", kind: "year", due: "2024-12-31", status: "open", weight: 8 },
  { value: "年内", kind: "year", due: "2024-12-31", status: "open", weight: 4 },
  { value: "本通知公布后30个工作日内", kind: "relative", due: undefined, status: "overdue", weight: 4 },
  { value: "持续推进", kind: "ongoing", due: null, status: "ongoing", weight: 8 },
  { value: "长期坚持", kind: "ongoing", due: null, status: "ongoing", weight: 2 },
  { value: "每季度", kind: "recurring", due: null, status: "ongoing", weight: 4 },
  { value: "每月25日前", kind: "recurring", due: null, status: "ongoing", weight: 2 },
  { value: excelSerial("2024-08-20"), kind: "date", due: "2024-08-20", status: "due-soon", weight: 4 },
  { value: excelSerial("2024-11-30"), kind: "date", due: "2024-11-30", status: "open", weight: 4 },
  { value: "8月20日前", kind: "date", due: "2024-08-20", status: "due-soon", weight: 3 },
  { value: "8月下旬", kind: "part-of-month", due: "2024-08-31", status: "open", weight: 2 },
  { value: "7月底前（省直部门）、9月底前（州市）", kind: "multi", due: "2024-07-31", status: "overdue", weight: 2 },
  { value: "2024年10月", kind: "month", due: "2024-10-31", status: "open", weight: 3 },
  { value: "", kind: "none", due: null, status: "no-deadline", weight: 1 },
];

/** The number format of the cells holding Excel date serials. */
export const DATE_FORMAT = "yyyy-mm-dd";

export const DONE_WORDS: readonly string[] = ["已完成", "已办结", "完成", "提前完成", "已完成（已報送）"];
export const NOT_DONE_WORDS: readonly string[] = [
  "正在推进",
  "正在推進",
  "未启动",
  "逾期未完成",
  "已提出延期申请",
  "",
  "",
];
