/**
 * SheetView was reworked for speed (benchmark, issue 7): merged areas indexed per row and by cell index
 * inside the grid, whole numbers printed without toPrecision. These properties hold it to the plain
 * definitions: a vertically merged cell shows its area's top-left value; a cell is horizontally merged when
 * an area of two or more columns covers it; text() is cellText(value()).
 */
import fc from "fast-check";
import { SheetView } from "../../src/core/sheetView";
import { cellText } from "../../src/core/text";
import type { CellValue, Grid, MergedArea } from "../../src/core/types";

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(""),
  fc.constant(null),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1e15 - 1, 1e15, -1e15, 2 ** 53, 45_000, 0.1 + 0.2, 1e21, Infinity),
  fc.boolean(),
);

const gridArbitrary = fc
  .record({
    top: fc.integer({ min: 1, max: 4 }),
    left: fc.integer({ min: 1, max: 4 }),
    values: fc.array(fc.array(cellValue, { maxLength: 5 }), { maxLength: 7 }),
    areas: fc.array(
      fc.record({
        top: fc.integer({ min: 0, max: 12 }),
        left: fc.integer({ min: 0, max: 10 }),
        height: fc.integer({ min: 0, max: 4 }),
        width: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ top, left, values, areas }): Grid => ({
    sheet: "S",
    origin: { row: top, column: left },
    values,
    merges: areas.map((a): MergedArea => ({
      top: a.top,
      left: a.left,
      bottom: a.top + a.height,
      right: a.left + a.width,
    })),
  }));

/** The definitions, cell by cell (what SheetView computed before it was optimised). */
function reference(grid: Grid) {
  const width = Math.max(1, ...grid.values.map((row) => row.length));
  const first = { row: grid.origin.row, column: grid.origin.column };
  const last = { row: first.row + grid.values.length - 1, column: first.column + width - 1 };
  const raw = (row: number, column: number): CellValue => {
    const value = grid.values[row - first.row]?.[column - first.column];
    return value === undefined ? "" : value;
  };
  const fill = new Map<string, [number, number]>();
  const horizontal = new Set<string>();
  let budget = 2_000_000;
  for (const area of grid.merges) {
    const top = Math.max(area.top, first.row);
    const bottom = Math.min(area.bottom, last.row);
    const left = Math.max(area.left, first.column);
    const right = Math.min(area.right, last.column);
    if (!(top <= bottom && left <= right)) continue;
    const cells = (bottom - top + 1) * (right - left + 1);
    if (cells <= 1 || cells > budget) continue;
    budget -= cells;
    for (let row = top; row <= bottom; row++) {
      for (let column = left; column <= right; column++) {
        if (bottom > top && !(row === area.top && column === area.left))
          fill.set(`${row}:${column}`, [area.top, area.left]);
        if (right > left) horizontal.add(`${row}:${column}`);
      }
    }
  }
  const value = (row: number, column: number): CellValue => {
    const anchor = fill.get(`${row}:${column}`);
    return anchor ? raw(anchor[0], anchor[1]) : raw(row, column);
  };
  return { value, horizontal: (row: number, column: number) => horizontal.has(`${row}:${column}`) };
}

describe("SheetView keeps its meaning", () => {
  it("value, text and horizontal merges agree with the cell-by-cell definitions", () => {
    fc.assert(
      fc.property(gridArbitrary, (grid) => {
        const view = new SheetView(grid);
        const expected = reference(grid);
        for (let row = 0; row <= 14; row++) {
          for (let column = 0; column <= 12; column++) {
            expect(view.value(row, column)).toEqual(expected.value(row, column));
            expect(view.text(row, column)).toBe(cellText(expected.value(row, column)));
            expect(view.isHorizontallyMerged(row, column)).toBe(expected.horizontal(row, column));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("prints whole numbers as cellText does, up to and beyond 1e15", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger(), fc.constantFrom(-0, 1e15, 1e15 - 1, 123456789012345)),
        (n) => {
          const view = new SheetView({ sheet: "S", origin: { row: 1, column: 1 }, values: [[n]], merges: [] });
          expect(view.text(1, 1)).toBe(cellText(n));
        },
      ),
    );
  });
});
