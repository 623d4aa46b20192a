/**
 * The look of our Word documents, after the usual layout of official documents (GB/T 9704): A4, margins
 * 37 / 35 / 28 / 26 mm, body in 仿宋_GB2312 三号 (16 pt) on a fixed 28 pt line, headings in 黑体, the title in
 * 小标宋 (宋体 where it is missing) 二号, tables in 仿宋 小四, page numbers "— 1 —" centred in the footer.
 *
 * A font name in a .docx cannot carry a fallback list, so the font table we write (FONT_TABLE) gives every
 * Chinese font its common alternatives (w:altName) and its character set: Word takes 仿宋 (FangSong) where
 * 仿宋_GB2312 is not installed, and other readers match by character set and family.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from "docx";

export const FONTS = {
  body: "仿宋_GB2312",
  heading: "黑体",
  subheading: "楷体_GB2312",
  title: "方正小标宋简体",
  table: "仿宋_GB2312",
  footer: "宋体",
  latin: "Times New Roman",
} as const;

/** Half-points (docx sizes): 二号 22 pt, 三号 16 pt, 小四 12 pt, 四号 14 pt. */
export const SIZES = { title: 44, body: 32, table: 24, footer: 28 } as const;

const MM = 56.7; // twips per millimetre
export const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
    header: Math.round(15 * MM),
    footer: Math.round(25 * MM),
  },
};
/** The text width between the margins, in twips. */
export const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

/** Fixed 28 pt lines: 22 lines of 28 characters on an A4 page, as official documents have. */
const BODY_LINE = { line: 560, lineRule: "exact" as const };
/** Two characters of 三号 text. */
const FIRST_LINE_INDENT = 640;

const font = (name: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: FONTS.latin });

function run(text: string, name: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(name), size, ...extra });
}

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 280, line: 700, lineRule: "exact" },
    children: [run(text, FONTS.title, SIZES.title)],
  });
}

export function subtitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...BODY_LINE, after: 280 },
    children: [run(text, FONTS.subheading, SIZES.body)],
  });
}

/** 一、… in 黑体, indented like the body. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    indent: { firstLine: FIRST_LINE_INDENT },
    keepNext: true,
    children: [run(text, FONTS.heading, SIZES.body)],
  });
}

/** （一）… in 楷体. */
export function subheading(text: string): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    indent: { firstLine: FIRST_LINE_INDENT },
    keepNext: true,
    children: [run(text, FONTS.subheading, SIZES.body, { bold: true })],
  });
}

export function body(text: string, options: { indent?: boolean; align?: "right" | "left" } = {}): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    alignment: options.align === "right" ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: FIRST_LINE_INDENT },
    children: [run(text, FONTS.body, SIZES.body)],
  });
}

/** An empty body line. */
export function blank(): Paragraph {
  return new Paragraph({ spacing: BODY_LINE, children: [run("", FONTS.body, SIZES.body)] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

/** Numbers and rates (42.9%) are centred in their cells. */
const isFigure = (value: string | number): boolean => typeof value === "number" || /^\d+(\.\d+)?%$/.test(value);

/** A real Word table: a bold header row repeated on every page, numbers centred, texts left, fixed widths. */
export function table(header: string[], rows: (string | number)[][], widths: number[]): Table {
  const total = widths.reduce((sum, width) => sum + width, 0) || 1;
  const twips = widths.map((width) => Math.floor((width / total) * TEXT_WIDTH));
  const cell = (value: string | number, index: number, isHeader: boolean) =>
    new TableCell({
      width: { size: twips[index], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: isHeader || isFigure(value) ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 320, lineRule: "atLeast" },
          children: [run(String(value), isHeader ? FONTS.heading : FONTS.table, SIZES.table)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((value, i) => cell(value, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, i, false)) })),
    ],
  });
}

/** "— 1 —" centred at the foot of every page. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONTS.footer), size: SIZES.footer }),
        ],
      }),
    ],
  });
}

/** Document defaults: 仿宋 三号 for anything not styled. */
export const STYLES = {
  default: { document: { run: { font: font(FONTS.body), size: SIZES.body } } },
};

/** name, alternatives, character set (86 = GB2312), family, pitch, PANOSE of each font we name. */
const FONT_ENTRIES: [string, string, string, string, string][] = [
  ["仿宋_GB2312", "仿宋", "86", "modern", "02010609030101010101"],
  ["仿宋", "FangSong", "86", "modern", "02010609060101010101"],
  ["楷体_GB2312", "楷体", "86", "modern", "02010609030101010101"],
  ["黑体", "SimHei", "86", "modern", "02010609060101010101"],
  ["宋体", "SimSun", "86", "auto", "02010600030101010101"],
  ["方正小标宋简体", "宋体", "86", "script", "02000000000000000000"],
  ["Times New Roman", "", "00", "roman", "02020603050405020304"],
];

/** word/fontTable.xml with the alternatives of our Chinese fonts (passed to Packer as an override). */
export const FONT_TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  FONT_ENTRIES.map(
    ([name, alt, charset, family, panose]) =>
      `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ""}<w:panose1 w:val="${panose}"/>` +
      `<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${family === "modern" ? "fixed" : "variable"}"/></w:font>`,
  ).join("") +
  "</w:fonts>";
