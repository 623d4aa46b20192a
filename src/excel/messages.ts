/** zh-CN and en-US texts of the Excel adapter (what it adds to a UserError's message). */
import { translator, type Catalogue } from "../core/i18n/format";

const zhCN = {
  "cleanup.report-removed": "写了一半的工作表已删除，工作簿中其他内容未做修改。",
  "cleanup.report-left": "写了一半的工作表“{sheet}”未能删除，请手动删除它。",
  "cleanup.highlights-removed": "写了一半的标注已全部移除（用户自己的条件格式和填充色未受影响），请重新运行。",
  "cleanup.highlights-left": "标注可能只写了一部分，请点击“清除标注”后重新运行。",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "cleanup.report-removed": "The partly written sheet was deleted; nothing else in the workbook was changed.",
  "cleanup.report-left": 'The partly written sheet "{sheet}" could not be deleted: please delete it.',
  "cleanup.highlights-removed":
    "The partly written highlights were removed (your own conditional formats and fills are untouched). Run it again.",
  "cleanup.highlights-left": "The highlights may be partly written: click Clear highlights, then run it again.",
};

export const excelText = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });
export type ExcelTextKey = Key;
