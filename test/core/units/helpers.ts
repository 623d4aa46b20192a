import type { Grid } from "../../../src/core/types";
import { parseUnitCell, type UnitCellParse, type UnitColumn, type UnitDirectory } from "../../../src/core/units";

/** Names of the lead and responsible units of a cell, the shape most tests compare. */
export function roles(text: string, column: UnitColumn = "mixed", directory: UnitDirectory | null = null) {
  const parse = parseUnitCell(text, column, directory);
  return {
    lead: parse.lead.map((unit) => unit.name),
    responsible: parse.responsible.map((unit) => unit.name),
    leadSource: parse.leadSource,
  };
}

export function parse(
  text: string,
  column: UnitColumn = "mixed",
  directory: UnitDirectory | null = null,
): UnitCellParse {
  return parseUnitCell(text, column, directory);
}

export function grid(sheet: string, values: Grid["values"]): Grid {
  return { sheet, origin: { row: 1, column: 1 }, values, merges: [] };
}
