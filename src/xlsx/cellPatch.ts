/**
 * Cell values written into a user's sheet (the one exception to "never change a user's cells": a merge writes
 * feedback into the master's status / progress cells). Each cell keeps its style; its value becomes the given
 * text (an inline string: the shared strings part is not touched). Everything else in the XML stays as it was.
 */
import { cellAddress } from "../core/address";
import { escapeText, rootPrefix, attribute } from "./xml";

export interface CellTextPatch {
  /** 1-based. */
  row: number;
  column: number;
  value: string;
}

function columnOf(ref: string): number {
  let column = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else break;
  }
  return column;
}

export function patchCellTexts(xml: string, patches: readonly CellTextPatch[]): string {
  if (patches.length === 0) return xml;
  const p = rootPrefix(xml, "worksheet");
  const byRow = new Map<number, Map<number, string>>();
  for (const patch of patches) {
    if (!byRow.has(patch.row)) byRow.set(patch.row, new Map());
    byRow.get(patch.row)!.set(patch.column, patch.value);
  }
  const cellXml = (row: number, column: number, value: string, style: string | undefined) => {
    const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
    return `<${p}c r="${cellAddress(row, column)}"${style ? ` s="${style}"` : ""} t="inlineStr"><${p}is><${p}t${space}>${escapeText(value)}</${p}t></${p}is></${p}c>`;
  };
  const rowsDone = new Set<number>();
  const rowPattern = new RegExp(`<${p}row\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}row>)`, "g");
  const cellPattern = new RegExp(`<${p}c\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, "g");
  let implicit = 0;
  let out = xml.replace(rowPattern, (rowXml) => {
    const tagEnd = rowXml.indexOf(">");
    const tag = rowXml.slice(0, tagEnd + 1);
    const r = attribute(tag, "r");
    const number = r ? Number(r) : implicit + 1;
    implicit = number;
    const wanted = byRow.get(number);
    if (!wanted) return rowXml;
    rowsDone.add(number);
    const remaining = new Map(wanted);
    let implicitColumn = 0;
    const selfClosing = tag.endsWith("/>");
    let body = selfClosing ? "" : rowXml.slice(tagEnd + 1, rowXml.length - `</${p}row>`.length);
    body = body.replace(cellPattern, (cXml) => {
      const cTag = cXml.slice(0, cXml.indexOf(">") + 1);
      const ref = attribute(cTag, "r");
      const column = ref ? columnOf(ref) : implicitColumn + 1;
      implicitColumn = column;
      const value = remaining.get(column);
      if (value === undefined) return cXml;
      remaining.delete(column);
      return cellXml(number, column, value, attribute(cTag, "s"));
    });
    for (const [column, value] of [...remaining].sort((a, b) => a[0] - b[0])) {
      // A new cell goes before the first cell to its right.
      const fresh = cellXml(number, column, value, undefined);
      let inserted = false;
      body = body.replace(cellPattern, (cXml) => {
        if (inserted) return cXml;
        const ref = attribute(cXml.slice(0, cXml.indexOf(">") + 1), "r");
        if (ref && columnOf(ref) > column) {
          inserted = true;
          return fresh + cXml;
        }
        return cXml;
      });
      if (!inserted) body += fresh;
    }
    const openTag = selfClosing ? tag.replace(/\s*\/>$/, ">") : tag;
    return `${openTag}${body}</${p}row>`;
  });
  const missing = [...byRow.keys()].filter((row) => !rowsDone.has(row)).sort((a, b) => a - b);
  for (const row of missing) {
    const cells = [...byRow.get(row)!]
      .sort((a, b) => a[0] - b[0])
      .map(([column, value]) => cellXml(row, column, value, undefined));
    const rowXml = `<${p}row r="${row}">${cells.join("")}</${p}row>`;
    // Before the first row below it, else at the end of sheetData.
    let placed = false;
    out = out.replace(new RegExp(`<${p}row\\b[^>]*>`, "g"), (tag) => {
      if (placed) return tag;
      const r = Number(attribute(tag, "r"));
      if (r > row) {
        placed = true;
        return rowXml + tag;
      }
      return tag;
    });
    if (!placed) {
      const empty = new RegExp(`<${p}sheetData\\s*/>`);
      out = empty.test(out)
        ? out.replace(empty, `<${p}sheetData>${rowXml}</${p}sheetData>`)
        : out.replace(`</${p}sheetData>`, `${rowXml}</${p}sheetData>`);
    }
  }
  return out;
}
