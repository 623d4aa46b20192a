/**
 * Reading the plan sheet (and the unit directory sheets) from Excel into Grids, in a constant number of
 * round trips for any table that fits one block and one more per block beyond:
 *   1. the sheets, the active sheet, the tables;
 *   2. the used range of each sheet to read, a sample of its first rows (to size blocks), the tables' ranges;
 *   3+. one sync per round of row blocks (values, and merged areas where ExcelApi 1.13 is supported);
 *   last. the number formats of the deadline column's body (only when a deadline column is found).
 * A block refused for its size is halved and retried; merged areas refused (more than 512 in a block) are
 * read again in ranges small enough to be safe, and if even that fails the grid says mergesUnknown.
 * A merged area that reaches the bottom edge of the range it was read in is followed down from its top-left
 * cell in the next round (Excel may return it cut at that edge, and does not return it from the next block,
 * where its top-left cell is not), so a merge crossing a block or slice boundary is always whole.
 */
import { isPayloadError } from "./gateway";
import { parseAreas } from "./addresses";
import { blockRows, estimateJsonBytes, safeMergeRows, slices, type BlockLimits } from "./blocks";
import { choosePlanSheet } from "./planSheet";
import type { RangeAreasProxy, RangeProxy, WorksheetProxy } from "./officeTypes";
import type { Session } from "./session";
import { SETTINGS_KEY, type WorkbookGrids } from "../app/port";
import { sanitizeSettings } from "../app/settings";
import type { CellValue, Grid, MergedArea, Role, TableLocation } from "../core/types";

export type LocateTable = (grid: Grid, options?: { columns?: Partial<Record<Role, string>> }) => TableLocation | null;

export interface ReadOptions {
  /** The sheet the settings (or the caller) name, if any. */
  sheet: string | null;
  /** Column overrides; when absent, the workbook's settings are read (in the first round trip). */
  columns?: Partial<Record<Role, string>> | null;
  locateTable: LocateTable;
  isUnitDirectorySheet: (name: string) => boolean;
  limits: BlockLimits;
  /** Told the names of all the workbook's sheets (very hidden ones included), as the first round trip read them. */
  onSheetNames?: (names: string[]) => void;
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface SheetRead {
  name: string;
  sheet: WorksheetProxy;
  /** 1-based sheet row and column of the used range's top-left cell. */
  top: number;
  left: number;
  rows: number;
  columns: number;
  /** Rows read so far. */
  next: number;
  blockRows: number;
  values: CellValue[][];
  merges: MergedArea[];
  mergesUnknown: boolean;
  /** Merged areas are read in small ranges (a whole block was refused). */
  safeMerges: boolean;
  /** Merged areas that reached the bottom of the range they were read in, to follow down. */
  openMerges: OpenMerge[];
}

const MERGES_API = "1.13";

export function toCellValue(value: unknown): CellValue {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value === null || value === undefined) return "";
  return String(value);
}

const boundsOf = (range: RangeProxy): Bounds => ({
  top: range.rowIndex + 1,
  left: range.columnIndex + 1,
  bottom: range.rowIndex + range.rowCount,
  right: range.columnIndex + range.columnCount,
});

export async function readWorkbookGrids(session: Session, options: ReadOptions): Promise<WorkbookGrids> {
  const { limits } = options;
  const workbook = session.workbook;

  // 1. Which sheets there are.
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const tables = workbook.tables;
  tables.load("items/name");
  const setting = options.columns ? null : workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting?.load("value");
  await session.sync();
  options.onSheetNames?.(worksheets.items.map((sheet) => sheet.name));
  const columns =
    options.columns ?? (setting && !setting.isNullObject ? sanitizeSettings(setting.value).columns : undefined);
  const locate = (grid: Grid) => safeLocate(options.locateTable, grid, columns ?? undefined);

  const choice = choosePlanSheet(
    worksheets.items.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility })),
    active.name,
    options.sheet,
    options.isUnitDirectorySheet,
  );
  const names = [choice.plan, ...choice.directories];

  // 2. Their used ranges, a sample of rows to size blocks, the tables' ranges.
  const measure = async (withProbe: boolean) => {
    const sheets = names.map((name) => {
      const sheet = worksheets.getItem(name);
      const used = sheet.getUsedRange(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      let probe: RangeProxy | null = null;
      if (withProbe) {
        probe = used.getRow(0).getResizedRange(limits.probeRows - 1, 0);
        probe.load("values");
      }
      return { name, sheet, used, probe };
    });
    const tableRanges = tables.items.map((table) => {
      table.worksheet.load("name");
      const range = table.getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { table, range };
    });
    await session.sync();
    return { sheets, tableRanges };
  };
  let measured;
  try {
    measured = await measure(true);
  } catch {
    // The sample can be refused (a very wide sheet, a used range at the bottom edge): measure without it.
    session.stats.retries++;
    measured = await measure(false);
  }

  const mergesSupported = session.supports(MERGES_API);
  const reads: SheetRead[] = measured.sheets.map(({ name, sheet, used, probe }) => {
    const rows = used.rowCount;
    const columns = used.columnCount;
    let firstBlock: number;
    if (probe) {
      const sampled = probe.values.slice(0, Math.min(rows, limits.probeRows));
      firstBlock = blockRows(estimateJsonBytes(sampled) / Math.max(1, sampled.length), columns, limits);
    } else {
      firstBlock = Math.max(1, Math.floor(limits.maxBlockCells / Math.max(1, columns)));
    }
    return {
      name,
      sheet,
      top: used.rowIndex + 1,
      left: used.columnIndex + 1,
      rows,
      columns,
      next: 0,
      blockRows: firstBlock,
      values: [],
      merges: [],
      mergesUnknown: !mergesSupported,
      safeMerges: false,
      openMerges: [],
    };
  });

  // 3. Row blocks: one sync per round, each round reads the next block of every unfinished sheet.
  await readBlocks(session, reads, limits);

  // The plan grid; an Excel table holding the plan's header bounds its body.
  const planRead = reads[0];
  let plan = toGrid(planRead);
  let location = locate(plan);
  if (location) {
    const found = location;
    const table = measured.tableRanges
      .filter(({ table }) => table.worksheet.name === planRead.name)
      .map(({ range }) => boundsOf(range))
      .find(
        (b) =>
          found.headerRow >= b.top &&
          found.headerRow <= b.bottom &&
          b.left <= found.lastColumn &&
          b.right >= found.firstColumn,
      );
    const lastRow = plan.origin.row + plan.values.length - 1;
    if (table && table.bottom < lastRow) {
      plan = sliceRows(plan, table.bottom);
      location = locate(plan);
    }
  }

  // Last: the number formats of the deadline column (dates typed as text vs real dates).
  if (location) await readDeadlineFormats(session, planRead.sheet, plan, location, limits);

  return { plan, others: reads.slice(1).map(toGrid) };
}

/** A merged area that reached the bottom edge of the range it was read in: it may go on below. */
interface OpenMerge {
  /** Index of the area in SheetRead.merges (updated in place as its extent becomes known). */
  index: number;
  /** The last sheet row read with it so far. */
  checkedTo: number;
}

interface MergeQuery {
  areas: RangeAreasProxy;
  /** Last sheet row of the range asked. */
  bottom: number;
  /** Set when the query follows an open merge. */
  open?: OpenMerge;
}

const lastRowOf = (read: SheetRead): number => read.top + read.rows - 1;

/**
 * Record the areas a query returned. Excel returns the areas whose top-left cell lies in the range, whole or cut
 * at its edge (undocumented): an area that reaches the range's bottom edge, above the last row read, may go on,
 * so it stays open and is followed (followMerge) until an answer shows where it ends.
 */
function takeMerges(read: SheetRead, query: MergeQuery): void {
  if (query.areas.isNullObject) return;
  const areas = parseAreas(query.areas.address);
  const stillOpen = (area: MergedArea) => area.bottom >= query.bottom && query.bottom < lastRowOf(read);
  if (query.open) {
    const known = read.merges[query.open.index];
    const same = areas.find((area) => area.top === known.top && area.left === known.left);
    if (!same) return; // Unmerged since (a co-author): keep what the first answer said.
    known.bottom = Math.max(known.bottom, same.bottom);
    known.right = Math.max(known.right, same.right);
    if (stillOpen(known)) read.openMerges.push({ index: query.open.index, checkedTo: query.bottom });
    return;
  }
  for (const area of areas) {
    read.merges.push(area);
    if (stillOpen(area)) read.openMerges.push({ index: read.merges.length - 1, checkedTo: query.bottom });
  }
}

/**
 * The query that follows an open merge: from its top-left cell (so Excel returns it) over its columns, down
 * past what is known by rows of at most safeMergeCells - 2 cells. Other areas in that strip lie below the
 * merge's end, in those cells, two cells or more each: with the merge itself never more than 512 areas.
 */
function followMerge(read: SheetRead, open: OpenMerge, limits: BlockLimits): MergeQuery {
  const area = read.merges[open.index];
  const width = area.right - area.left + 1;
  const step = Math.max(1, Math.floor((limits.safeMergeCells - 2) / width));
  const bottom = Math.min(lastRowOf(read), open.checkedTo + step);
  const strip = read.sheet.getRangeByIndexes(area.top - 1, area.left - 1, bottom - area.top + 1, width);
  const areas = strip.getMergedAreasOrNullObject();
  areas.load("address");
  return { areas, bottom, open };
}

async function readBlocks(session: Session, reads: SheetRead[], limits: BlockLimits): Promise<void> {
  for (;;) {
    const pending = reads.filter(
      (read) => read.next < read.rows || (!read.mergesUnknown && read.openMerges.length > 0),
    );
    if (pending.length === 0) return;
    const round = pending.map((read) => {
      const count = Math.min(read.blockRows, read.rows - read.next);
      const first = read.top + read.next; // sheet row
      const range = count > 0 ? read.sheet.getRangeByIndexes(first - 1, read.left - 1, count, read.columns) : null;
      range?.load("values");
      const queries: MergeQuery[] = [];
      const following = read.openMerges;
      if (!read.mergesUnknown) {
        if (range && !read.safeMerges) {
          queries.push({ areas: range.getMergedAreasOrNullObject(), bottom: first + count - 1 });
        } else if (range) {
          for (const [start, end] of slices(count, safeMergeRows(read.columns, limits))) {
            const slice = read.sheet.getRangeByIndexes(first - 1 + start, read.left - 1, end - start, read.columns);
            queries.push({ areas: slice.getMergedAreasOrNullObject(), bottom: first + end - 1 });
          }
        }
        for (const query of queries) query.areas.load("address");
        for (const open of following) queries.push(followMerge(read, open, limits));
      }
      return { read, count, range, queries, following };
    });
    try {
      await session.sync();
    } catch (error) {
      if (isPayloadError(error)) {
        if (round.every(({ count }) => count <= 1)) throw error;
        for (const { read, count } of round) read.blockRows = Math.max(1, Math.floor(count / 2));
        session.stats.retries++;
        continue;
      }
      const withMerges = round.filter(({ read }) => !read.mergesUnknown);
      if (withMerges.length === 0) throw error;
      // Probably more than 512 merged areas in a block: read them in safe ranges, then give up on them.
      for (const { read } of withMerges) {
        if (read.safeMerges) read.mergesUnknown = true;
        else read.safeMerges = true;
      }
      session.stats.retries++;
      continue;
    }
    if (round.every(({ range }) => range === null)) session.stats.follows++;
    for (const { read, count, range, queries, following } of round) {
      // The merges followed this round are answered below (and reopened if they still go on).
      if (!read.mergesUnknown) read.openMerges = read.openMerges.filter((open) => !following.includes(open));
      for (const query of queries) takeMerges(read, query);
      if (!range) continue;
      const values = range.values;
      for (const row of values) read.values.push(row.map(toCellValue));
      read.next += count;
      session.stats.blocks++;
      read.blockRows = blockRows(estimateJsonBytes(values) / Math.max(1, count), read.columns, limits);
    }
  }
}

function toGrid(read: SheetRead): Grid {
  const grid: Grid = {
    sheet: read.name,
    origin: { row: read.top, column: read.left },
    values: read.values,
    merges: read.merges,
  };
  if (read.mergesUnknown) grid.mergesUnknown = true;
  return grid;
}

/** The grid cut after sheet row `lastRow` (merges starting below it dropped, those crossing it cut). */
function sliceRows(grid: Grid, lastRow: number): Grid {
  const keep = Math.max(0, lastRow - grid.origin.row + 1);
  return {
    ...grid,
    values: grid.values.slice(0, keep),
    merges: grid.merges
      .filter((m) => m.top <= lastRow)
      .map((m) => (m.bottom > lastRow ? { ...m, bottom: lastRow } : m)),
  };
}

function safeLocate(
  locateTable: LocateTable,
  grid: Grid,
  columns: Partial<Record<Role, string>> | undefined,
): TableLocation | null {
  try {
    return locateTable(grid, columns ? { columns } : undefined);
  } catch {
    // The core reports its own failures when it analyses the grid; reading must not fail on them.
    return null;
  }
}

async function readDeadlineFormats(
  session: Session,
  sheet: WorksheetProxy,
  grid: Grid,
  location: TableLocation,
  limits: BlockLimits,
): Promise<void> {
  const column = location.columns.deadline;
  const width = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  if (!column || column < grid.origin.column || column >= grid.origin.column + width) return;
  const first = Math.max(location.firstDataRow, grid.origin.row);
  const last = Math.min(location.lastDataRow, grid.origin.row + grid.values.length - 1);
  if (last < first) return;
  const formats: (string | null | undefined)[][] = grid.values.map(() => []);
  const columnIndex = column - grid.origin.column;
  // A number format is short ("yyyy-mm-dd", "General", "@"): about 16 bytes a row in JSON.
  let rowsPerSync = blockRows(16, 1, limits);
  let done = 0;
  const total = last - first + 1;
  while (done < total) {
    const count = Math.min(rowsPerSync, total - done);
    const range = sheet.getRangeByIndexes(first - 1 + done, column - 1, count, 1);
    range.load("numberFormat");
    try {
      await session.sync();
    } catch (error) {
      if (isPayloadError(error) && count > 1) {
        rowsPerSync = Math.max(1, Math.floor(count / 2));
        session.stats.retries++;
        continue;
      }
      throw error;
    }
    range.numberFormat.forEach((row, i) => {
      const format = row[0];
      formats[first + done + i - grid.origin.row][columnIndex] = typeof format === "string" ? format : null;
    });
    done += count;
  }
  grid.numberFormats = formats;
}
