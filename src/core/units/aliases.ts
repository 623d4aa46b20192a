/**
 * Built-in standard short names of government departments (规范简称), applied to the part after the
 * level or place prefix: 省发改委 -> 省发展改革委, 县住建局 -> 县住房城乡建设局, 昆明市人社局 ->
 * 昆明市人力资源社会保障局. The targets follow the usage of State Council documents (发展改革委,
 * 人力资源社会保障厅, 住房城乡建设厅, 卫生健康委, 市场监管局, 医保局 …), so the long official forms map to
 * them too. Renamed bodies (国土资源厅 -> 自然资源厅, 环保局 -> 生态环境局, 农业局 -> 农业农村局) are NOT
 * aliases: they are different units, and the directory is the place to declare such a mapping.
 */

/** Written form -> standard form. Only the end of a name is matched. */
const BUILT_IN: Record<string, string> = {
  // 发展改革
  发改委: "发展改革委",
  发展和改革委: "发展改革委",
  发展改革委员会: "发展改革委",
  发展和改革委员会: "发展改革委",
  发改局: "发展改革局",
  发展和改革局: "发展改革局",
  // 人力资源社会保障
  人社厅: "人力资源社会保障厅",
  人社局: "人力资源社会保障局",
  人社部: "人力资源社会保障部",
  人力资源和社会保障厅: "人力资源社会保障厅",
  人力资源和社会保障局: "人力资源社会保障局",
  人力资源和社会保障部: "人力资源社会保障部",
  人力社保厅: "人力资源社会保障厅",
  人力社保局: "人力资源社会保障局",
  人社保局: "人力资源社会保障局",
  // 卫生健康
  卫健委: "卫生健康委",
  卫生健康委员会: "卫生健康委",
  卫生和健康委员会: "卫生健康委",
  卫健局: "卫生健康局",
  // 住房城乡建设
  住建厅: "住房城乡建设厅",
  住建局: "住房城乡建设局",
  住建委: "住房城乡建设委",
  住建部: "住房城乡建设部",
  住房和城乡建设厅: "住房城乡建设厅",
  住房和城乡建设局: "住房城乡建设局",
  住房和城乡建设委员会: "住房城乡建设委",
  住房城乡建设委员会: "住房城乡建设委",
  住房和城乡建设部: "住房城乡建设部",
  // 工业和信息化 / 经济和信息化
  工信厅: "工业和信息化厅",
  工信局: "工业和信息化局",
  工信委: "工业和信息化委",
  工信部: "工业和信息化部",
  工业和信息化委员会: "工业和信息化委",
  经信厅: "经济和信息化厅",
  经信局: "经济和信息化局",
  经信委: "经济和信息化委",
  经济和信息化委员会: "经济和信息化委",
  // 文化和旅游
  文旅厅: "文化和旅游厅",
  文旅局: "文化和旅游局",
  文化旅游厅: "文化和旅游厅",
  文化旅游局: "文化和旅游局",
  // 市场监管
  市监局: "市场监管局",
  市场监督管理局: "市场监管局",
  // 自然资源和规划 (浙江 style)
  自规局: "自然资源和规划局",
  资规局: "自然资源和规划局",
  // 交通运输
  交通厅: "交通运输厅",
  交通局: "交通运输局",
  交通委: "交通运输委",
  // 科学技术和工业信息化 / 教育和体育 (county bodies with their own standard short names)
  科工信局: "科学技术和工业信息化局",
  教体局: "教育和体育局",
  // 应急管理
  应急厅: "应急管理厅",
  应急局: "应急管理局",
  // 医疗保障
  医疗保障局: "医保局",
  // 退役军人事务
  退役军人厅: "退役军人事务厅",
  退役军人局: "退役军人事务局",
  // 林业和草原
  林草局: "林业和草原局",
  // 广播电视
  广电局: "广播电视局",
  // 民族宗教
  民宗委: "民族宗教委",
  民族宗教事务委员会: "民族宗教委",
  民宗局: "民族宗教事务局",
  // 国有资产
  国有资产监督管理委员会: "国资委",
  // 网信
  网络安全和信息化委员会办公室: "网信办",
  // 机构编制
  机构编制委员会办公室: "编办",
  // 科学技术
  科学技术厅: "科技厅",
  科学技术局: "科技局",
  // 机关事务
  机关事务局: "机关事务管理局",
  // 城市管理
  城管局: "城市管理局",
  // 外事
  外办: "外事办",
  外事办公室: "外事办",
  // 政府办公室 (县政府办)
  政府办: "政府办公室",
};

/** Longest written forms first; anchored at the end of the name. */
const KEYS = Object.keys(BUILT_IN).sort((a, b) => b.length - a.length);
const ALIAS_AT_END = new RegExp(`(?:${KEYS.join("|")})$`);

/** What may stand before a short name: nothing, a level or place (…省 …市 …县 …区 …州 …盟 …旗), 国家, or 政府 / 委. */
const HEAD_OK = /(?:^|省|市|州|县|区|盟|旗|国家|政府|委)$/;

/** The standard form of a department name, or null when the built-in table has nothing for it. */
export function builtInAlias(name: string): string | null {
  const probe = name.length > 24 ? name.slice(-24) : name;
  const m = ALIAS_AT_END.exec(probe);
  if (!m) return null;
  const head = name.slice(0, name.length - m[0].length);
  if (!HEAD_OK.test(head)) return null;
  const target = BUILT_IN[m[0]];
  return target === undefined || target === m[0] ? null : head + target;
}
