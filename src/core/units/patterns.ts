/**
 * The word patterns of unit cells, compiled once at module load. All patterns work on simplified text
 * (see toSimplified); full- and half-width punctuation are both accepted.
 *
 * Suffix tests look only at the last few characters of a name (`tail`), so that a pathological
 * megabyte-long "name" costs no more than a short one.
 */

/** The last characters of a name: enough for every suffix pattern below, lookbehinds included. */
export function tail(name: string): string {
  return name.length > 12 ? name.slice(-12) : name;
}

/** A name ends like an organisation: 厅 局 委 办 室 中心 政府 部门 单位 院 会 行 公司 … (English too). */
const UNIT_SUFFIX = new RegExp(
  "(?:" +
    [
      "厅",
      "局",
      "委",
      "办",
      "室",
      "中心",
      "政府",
      "部门",
      "单位",
      "机关",
      "机构",
      "企业",
      "街道",
      "院",
      "(?<!社|机|大|晚|例|年|都|宴|聚|博|展|约|峰)会",
      "银行",
      "支行",
      "分行",
      "总行",
      "公司",
      "集团",
      "队",
      "(?<!场|住|厕)所",
      "(?<!网)站",
      "(?<!好|到|之|用|益|深|住)处",
      "(?<!学|专|本)科",
      "馆",
      "社",
      "团",
      "(?<!全|局|内|外|底|顶|首)部",
      "组",
      "联",
      "协",
      "署",
      "校",
      "大学",
      "电视台",
      "气象台",
      "地震台",
      "电台",
    ].join("|") +
    ")$|(?:bureau|office|department|dept\\.?|commission|committee|agency|cent(?:er|re)|ministry|government|" +
    "administration|bank|company|corporation|council|authority|institute|university|school|division|unit|units|" +
    "team|group|association|departments|agencies|offices)$",
  "i",
);

export function hasUnitSuffix(name: string): boolean {
  return UNIT_SUFFIX.test(tail(name));
}

/** Departments that take an elided level prefix (省发展改革委、财政厅 -> 省财政厅). */
const TAKES_PREFIX = /(?:厅|委|局|办|室|中心)$/;

export function takesLevelPrefix(name: string): boolean {
  return TAKES_PREFIX.test(tail(name));
}

/** Bodies of the Party committee: an elided prefix is the committee's (省委网信办, 县委编办), not the level's. */
const PARTY_BODY = /^(?:网信办|编办|政法委|政研室|农办|深改办|保密办|机要局|老干部局)$/;

export function isPartyBody(name: string): boolean {
  return PARTY_BODY.test(name);
}

/** Banks and companies never take a prefix and never give one. */
const COMMERCIAL = /(?:银行|支行|分行|总行|公司|集团)$/;

export function isCommercial(name: string): boolean {
  return COMMERCIAL.test(tail(name));
}

/** A level written at the start: 省 市 州 县 区 (not 市场, 市政, 县域, 区域 …) or 自治区 / 自治州 / 自治县. */
const LEVEL_PREFIX = /^(?:自治区|自治州|自治县|省|市(?!场|政(?!府))|州|县(?!域)|区(?!域|块))/;

/** A place or level at the start: 云南省…, 昆明市…, 西山区…, 国家…, 国务院…, 中央…, 团省委 … */
const PLACE_START =
  /^(?:国家|国务院|中央|中共|全国|共青团|团(?:省|市|州|县|区)委)|^[\u3400-\u9fff]{1,8}(?:省|(?<!城|都)市(?!场|政(?!府))|自治州|州|县(?!域)|(?<![社片园景])区(?!域|块)|盟|旗)/;

/** The leading place of a department name, to re-attach to later names (greedy: 云南省昆明市 stays whole). */
const PLACE_PREFIX =
  /^(?:自治区|自治州|自治县|省|市(?!场|政(?!府))|州|县(?!域)|区(?!域|块)|[\u3400-\u9fff]{1,8}(?:省|(?<!城|都)市(?!场|政(?!府))|自治州|州|县(?!域)|(?<![社片园景])区(?!域|块)|盟|旗))/;

export function startsWithPlace(name: string): boolean {
  return LEVEL_PREFIX.test(name) || PLACE_START.test(name);
}

/**
 * The level or place a department name starts with ("省发展改革委" -> "省", "昆明市财政局" -> "昆明市"),
 * or null. Only the part before a department body counts: the rest must still be a unit name.
 */
export function placePrefixOf(name: string): string | null {
  const level = LEVEL_PREFIX.exec(name);
  if (level && name.length > level[0].length + 1) return level[0];
  const place = PLACE_PREFIX.exec(name.length > 24 ? name.slice(0, 24) : name);
  if (place && name.length > place[0].length + 1) return place[0];
  return null;
}

/**
 * A collective: many units under one name (各州、市人民政府, 省直有关部门, 省直各委、办、厅、局, 各有关单位,
 * 县（市、区）人民政府, 乡镇人民政府, 领导小组成员单位 …). Tested on display names (full-width brackets).
 */
const COLLECTIVE =
  /^各|(?:有关|相关|各)(?:[^、，,；;（(]|[（(][^）)]{0,8}[）)]){0,10}?(?:部门|单位|政府|科室|处室|委、办、厅、局|委办厅局|机构|机关|企业|学校|医院|街道|乡镇|组织)|^(?:省直|市直|县直|区直|州直|省级|市级|县级|区级)(?:部门|单位|机关)|^(?:乡镇|乡（镇）|县（市、区）|县（市）|县（区）|市（州）|州（市）|市（县）|县市区|县区|州市|市县)(?:人民)?(?:政府|街道)|成员单位$/;

export function isCollective(name: string): boolean {
  return COLLECTIVE.test(name.length > 40 ? name.slice(0, 40) : name);
}

/**
 * Spans whose inner 、 must not split a collective: 各州、市人民政府, 省直各委、办、厅、局, 有关县（市、区）人民政府,
 * and bare level lists 各州、市 / 各县、市、区. Inside the span a 、 is allowed only after a level character,
 * so "各州、市教育局、省直有关部门" is not swallowed whole.
 */
export const COLLECTIVE_SPAN =
  /(?:各|有关|相关)(?:[^，,；;/／\n\r、]|(?<=[州市县区乡镇旗盟）)])、){0,12}?(?:委、办、厅、局|委办厅局|人民政府|政府|部门|单位|科室|处室|机构|机关)|各(?:州|市|县|区|乡|镇|旗)(?:、(?:州|市|县|区|乡|镇|旗|街道|县级市))+/g;

/** Deadline phrases that may sit among the units: 年内持续推进, 2017年底前, 6月底前, 长期坚持, 每季度 … */
const DEADLINE =
  /(?:\d{1,4}|[一二三四五六七八九十两〇零]{1,3})\s*(?:年|月|日|号|季度|个?工作日|天|周)|年底|年内|年末|年中|年初|上半年|下半年|全年|季度|季末|上旬|中旬|下旬|月底|月末|底前|持续|长期|常态|长效|每(?:年|季|月|周|日|天|半年|旬)|定期|及时|即时|立即|随时|适时|按期|按时|逐年|\d{4}\s*[-/.]\s*\d{1,2}|\b(?:ongoing|quarterly|monthly|annually|yearly|weekly|continuous|by end of|end of|before)\b|\bQ[1-4]\b/i;

export function looksLikeDeadline(text: string): boolean {
  return DEADLINE.test(text.length > 200 ? text.slice(0, 200) : text);
}

/**
 * Where a deadline phrase starts inside a text, or -1: "省财政厅2017年底前" -> 4. Used to cut a deadline
 * written straight after a unit name.
 */
export function deadlineStart(text: string): number {
  const m = DEADLINE.exec(text.length > 200 ? text.slice(0, 200) : text);
  return m ? m.index : -1;
}

/** Words that are not units: the cell says "none", "to be decided", or a bare generic word. */
export const NOT_A_UNIT =
  /^(?:无|暂无|没有|待定|略|同上|空|单位|部门|科室|处室|机构|责任单位|牵头单位|配合单位|参与单位|n\/?a|none|tbd|nil)$/i;

/** Posts and people, never units (design §3b "Leaders in unit cells"): 分管副省长, 协管副秘书长, 副市长, 秘书长,
 * 张三同志, 李四（副县长）. */
const LEADER =
  /(?:省长|市长|县长|区长|州长|旗长|镇长|乡长|主席|秘书长|书记|主任|部长|厅长|局长|处长|科长|领导|同志)$|^[\u4e00-\u9fff·]{2,4}[（(][^（()）]{0,12}(?:长|书记|主任|领导)[）)]$/;

export function isLeader(name: string): boolean {
  return name.length <= 16 && LEADER.test(name);
}

/** A name that starts with the plan's place ("潍坊银监分局" in a 潍坊 plan), or with a place another unit of the
 * same cell names with its level (潍坊 in "人民银行潍坊市中心支行"): it takes no level prefix. */
export function startsWithKnownPlace(name: string, place: string | null, cell: string): boolean {
  if (place !== null && place.length >= 2 && name.startsWith(place)) return true;
  for (const length of [2, 3]) {
    if (name.length <= length + 1) continue;
    const head = name.slice(0, length);
    if (/[省市州县区]/.test(head)) continue;
    for (const level of ["市", "州", "县", "区"]) if (cell.includes(head + level)) return true;
  }
  return false;
}

/** The plan's own place from its title: "潍坊市2019年政务公开工作要点分工方案" -> 潍坊. */
const TITLE_PLACE =
  /^(?:关于印发|关于|印发|中共|转发)?([\u4e00-\u9fff]{2,4}?)(?:省|市|自治州|州|县|区)(?!场|政(?!府)|域|级|直)/;
const NOT_PLACES = /^(?:附件|全省|全市|全县|全区|各地|本|我|城|都|新)/;

export function planPlace(titleTexts: readonly string[]): string | null {
  for (const raw of titleTexts.slice(0, 10)) {
    const text = raw.replace(/\s+/g, "");
    const m = TITLE_PLACE.exec(text.length > 60 ? text.slice(0, 60) : text);
    if (m && !NOT_PLACES.test(m[1])) return m[1];
  }
  return null;
}

/** Formula-like text ("=2+3", "+86", "@unit"): kept as a name like any other, as text. */
export const FORMULA_LIKE = /^[=+\-@][^\s]*[0-9A-Za-z\u3400-\u9fff]/;

/** Has something readable: a CJK character or a letter. */
export const HAS_WORD = /[\u3400-\u9fff\uf900-\ufaffA-Za-z]|[\ud840-\ud87f][\udc00-\udfff]/;

/** Contains CJK (decides whether whitespace is dropped and brackets become full-width). */
export const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
