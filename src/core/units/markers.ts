/**
 * Role markers of a unit cell. Labels give their role to the units after them (牵头单位：X；责任单位：Y);
 * phrases give theirs to every unit since the previous marker (X、Y牵头；Z按职责分工负责). The cell is
 * cut into chunks, each with the role its marker gives (or none).
 */

export type UnitRole = "lead" | "responsible";

/** A stretch of the cell between two markers, in indices of the (simplified) text. */
export interface Chunk {
  start: number;
  end: number;
  /** null: no marker speaks for these units. */
  role: UnitRole | null;
}

export interface MarkedCell {
  chunks: Chunk[];
  /** Any label or phrase marker in the cell. */
  markers: boolean;
  /** 分别牵头 / 各自牵头: several leads on purpose. */
  multipleLead: boolean;
}

const alt = (words: string[]): string => words.join("|");

const LONG_LEAD_LABELS = alt([
  "牵头负责单位",
  "牵头负责部门",
  "牵头责任单位",
  "牵头落实单位",
  "牵头单位",
  "牵头部门",
  "牵头科室",
  "牵头处室",
  "主办单位",
  "主责单位",
  "主责部门",
  "lead units?",
]);
const LONG_RESPONSIBLE_LABELS = alt([
  "协同责任单位",
  "责任单位",
  "责任部门",
  "责任科室",
  "责任处室",
  "配合单位",
  "配合部门",
  "参与单位",
  "参与部门",
  "协办单位",
  "协同单位",
  "协助单位",
  "协作单位",
  "落实单位",
  "实施单位",
  "承办单位",
  "参加单位",
  "responsible units?",
  "supporting units?",
]);
const SHORT_LEAD_LABELS = alt(["牵头", "主办", "lead"]);
const SHORT_RESPONSIBLE_LABELS = alt(["责任", "配合", "参与", "协办", "responsible", "supporting", "support"]);

// Whole phrases: 分别牵头落实 leaves no 落实 behind (design §3b "Role phrases leave nothing behind").
const MULTIPLE_LEAD = alt(["分别牵头(?:落实|负责|抓总)?", "各自牵头(?:落实|负责)?"]);
const LEAD_PHRASES = alt([
  "共同牵头",
  "联合牵头",
  "牵头负责",
  "负责牵头",
  "牵头落实",
  "牵头组织",
  "牵头抓总",
  "牵头",
  "主办",
]);
/** Where a unit list ends: a bare 负责 (X负责，Y配合) and the weaker words are markers only there. */
const BOUNDARY = "(?=$|[\\s、，,；;。.）)\\]】〕/／:：])";
const RESPONSIBLE_PHRASES = alt([
  "按照?职责分工抓好落实",
  "按照?职责分工负责",
  "按照?职责分工落实",
  "按照?职责分工配合",
  "按照?职能职责负责",
  "按照?职责分工",
  "按照?职责负责",
  "按照?职责落实",
  "分别负责",
  "共同负责",
  "负责落实",
  "具体落实",
  "具体负责",
  "具体实施",
  "抓好落实",
  "贯彻落实",
  "协助落实",
  "分工负责",
  "配合落实",
  "配合",
  "参与",
  "协办",
  // Weaker words: markers only where a unit list ends (not inside 协同创新中心).
  `协助${BOUNDARY}`,
  `协同${BOUNDARY}`,
  `参加${BOUNDARY}`,
]);

/** Phrases of the unit that does the work: lead unless a lead was named before them in the cell
 * ("X负责制定方案，Y配合" -> X leads; "X牵头…，Y负责做好…" -> Y is responsible). */
const WORK_VERBS =
  "开展|做好|推进|推动|组织|抓好|制定|制订|完成|督促|指导|统筹|协调|建立|健全|实施|研究|起草|编制|加强|落实|对接|承担|督办|跟踪|梳理|清理|汇总|审核|审查|发布|公开|印发|出台|修订|提出|提供|收集|报送|上报|评估|开发|建设|搭建|完善|规范|保障|宣传|培训|监督|检查|核查|做|抓";
const DOER_PHRASES = alt(["组织实施", "负责实施", "负责组织实施", `负责(?!落实)(?=${WORK_VERBS})`]);
/** What follows a phrase marker and starts with a verb is the work, up to the next separator (not a unit). */
const WORK_START = new RegExp(`^(?:${WORK_VERBS})`);
const WORK_END = /[，,；;。\n\r]/g;

/** Where a label without a colon may stand: at the start or after a separator. */
const LABEL_START = "(?<=^|[\\s、，,；;。.:：（(〔【\\[])";
const COLON = "\\s*[：:]";

/** Groups: 1 lead label, 2 responsible label, 3 bracketed lead, 4 bracketed responsible, 5 分别牵头,
 * 6 会同, 7 doer phrase, 8 lead phrase, 9 responsible phrase, 10 bare 负责. Earlier alternatives win at
 * one position. */
const MARKER = new RegExp(
  [
    `(${LABEL_START}(?:主要)?(?:${LONG_LEAD_LABELS})(?:${COLON})?|(?:主要)?(?:${LONG_LEAD_LABELS})${COLON}|(?:${SHORT_LEAD_LABELS})${COLON})`,
    `(${LABEL_START}(?:主要|其他|具体)?(?:${LONG_RESPONSIBLE_LABELS})(?:${COLON})?|(?:主要|其他|具体)?(?:${LONG_RESPONSIBLE_LABELS})${COLON}|(?:${SHORT_RESPONSIBLE_LABELS})${COLON})`,
    `([（(]\\s*(?:${LONG_LEAD_LABELS}|${MULTIPLE_LEAD}|${LEAD_PHRASES})\\s*[）)])`,
    `([（(]\\s*(?:${LONG_RESPONSIBLE_LABELS}|${RESPONSIBLE_PHRASES})\\s*[）)])`,
    `(${MULTIPLE_LEAD})`,
    `(会同)`,
    `(${DOER_PHRASES})`,
    `(${LEAD_PHRASES})`,
    `(${RESPONSIBLE_PHRASES})`,
    `(负责)${BOUNDARY}`,
  ].join("|"),
  "gi",
);

const MULTIPLE_IN_BRACKETS = new RegExp(MULTIPLE_LEAD);

/** Cuts a (simplified) unit cell at its role markers. */
export function markCell(text: string): MarkedCell {
  const chunks: Chunk[] = [];
  let markers = false;
  let multipleLead = false;
  let labelRole: UnitRole | null = null;
  /** After 会同 (X会同Y负责): the units up to the next marker cooperate, whatever that marker says. */
  let afterTogetherWith = false;
  let leadSeen = false;
  let last = 0;
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(text)) !== null) {
    if (m[0].length === 0) {
      MARKER.lastIndex++;
      continue;
    }
    markers = true;
    let role: UnitRole | null;
    const phrase = m[1] === undefined && m[2] === undefined && m[3] === undefined && m[4] === undefined;
    if (m[1] !== undefined || m[2] !== undefined) {
      role = labelRole; // the units before a label belong to the label before them
      labelRole = m[1] !== undefined ? "lead" : "responsible";
    } else if (m[4] !== undefined || m[9] !== undefined) {
      role = "responsible";
    } else if (m[7] !== undefined) {
      role = leadSeen ? "responsible" : "lead"; // X负责做好…: the doer leads unless a lead came first
    } else {
      role = "lead"; // 3 bracketed lead, 5 分别牵头, 6 会同, 8 lead phrase, 10 bare 负责
      if (m[5] !== undefined || (m[3] !== undefined && MULTIPLE_IN_BRACKETS.test(m[3]))) multipleLead = true;
    }
    const chunkRole = afterTogetherWith ? "responsible" : role;
    if (chunkRole === "lead" || (role === "lead" && m[6] !== undefined)) leadSeen = true;
    chunks.push({ start: last, end: m.index, role: chunkRole });
    afterTogetherWith = m[6] !== undefined;
    last = MARKER.lastIndex;
    // A marker followed by its work ("牵头开展规范性文件清理工作，"): the work is no unit.
    if (phrase && m[6] === undefined && WORK_START.test(text.slice(last, last + 4))) {
      WORK_END.lastIndex = last;
      const end = WORK_END.exec(text);
      last = end === null ? text.length : end.index;
      MARKER.lastIndex = last;
    }
  }
  chunks.push({ start: last, end: text.length, role: afterTogetherWith ? "responsible" : labelRole });
  return { chunks, markers, multipleLead };
}
