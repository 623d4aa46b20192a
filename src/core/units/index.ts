/**
 * The unit-cell reader: lead and responsible units from unit cells and from the trailing parenthesis
 * of a task text, and the workbook's unit directory (design.md §3 "Unit cells").
 */
export type { UnitDirectory } from "./directory";
export { readUnitDirectory, isUnitDirectorySheet, isKnownUnit, closestUnit } from "./directory";
export type { UnitKind, ParsedUnit, UnitColumn, UnitCellParse, StandingNote, UnitCellReader } from "./parseCell";
export { parseUnitCell, unitCellReader } from "./parseCell";
export { splitTrailingUnits } from "./trailing";
