/** Totals by unit: a table sortable on every column, and the overdue chart under it. */
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { totalsTable } from "../../core/totalsTable";
import type { Report } from "../../core/types";
import { useText } from "../i18n";
import { sortTotals, TOTALS_COLUMNS, type SortDirection, type TotalsColumn } from "../model/totals";
import { EmptyNote } from "./EmptyNote";
import { OverdueChart } from "./OverdueChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  // Fits a 350 px pane: fixed layout, narrow figure columns, headers that wrap; scrolls only when narrower still.
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "fixed", width: "100%", minWidth: "300px", fontSize: tokens.fontSizeBase200 },
  unitColumn: { width: "auto" },
  // Two header characters a line (11 px) fit 26 px; the unit column keeps the rest (eight characters or more
  // in a 350 px pane, so 省工业和信息化委 stays on one line).
  figureColumn: { width: "26px" },
  rateColumn: { width: "46px" },
  cell: { paddingLeft: "1px", paddingRight: "3px" },
  // Unit names stay whole words (省政府办公厅, not 省政府办公/厅): lines break at 、 （ and spaces, and inside a
  // name only when it would not fit at all.
  unit: { wordBreak: "keep-all", overflowWrap: "anywhere", lineBreak: "strict" },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  head: {
    verticalAlign: "bottom",
    whiteSpace: "normal",
    lineHeight: tokens.lineHeightBase100,
    fontSize: "11px",
    paddingLeft: "1px",
    paddingRight: "3px",
  },
  /** Figure headers sit right, over their right-aligned figures. */
  headFigure: { justifyContent: "flex-end", textAlign: "end" },
  /**
   * English figure headers (Responsible, Completion rate) are wider than their 28 px columns: they are set
   * turned, reading upwards, instead of running into each other. Chinese ones wrap two characters a line.
   */
  headTurned: {
    writingMode: "vertical-rl",
    transform: "rotate(180deg)",
    justifyContent: "flex-start",
    alignItems: "center",
    textAlign: "start",
    whiteSpace: "nowrap",
    minHeight: "auto",
    // An orthogonal flow would otherwise be as tall as the viewport: as tall as its words, no more.
    height: "max-content",
  },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface SortState {
  column: TotalsColumn;
  direction: SortDirection;
}

export function TotalsView({ report }: { report: Report | null }) {
  const styles = useStyles();
  const { t, language } = useText();
  /** null: the core's order (overdue, then total). */
  const [sort, setSort] = useState<SortState | null>(null);
  if (!report) return <EmptyNote>{t("totals.notChecked")}</EmptyNote>;
  if (report.totals.length === 0) return <EmptyNote>{t("totals.none")}</EmptyNote>;

  // With a comparison, the change in overdue count since the last check follows the overdue column.
  const withChange = report.totals.some((row) => typeof row.overdueChange === "number");
  const columns = withChange ? TOTALS_COLUMNS : TOTALS_COLUMNS.filter((column) => column !== "overdueChange");
  const rows = sort ? sortTotals(report.totals, sort.column, sort.direction) : report.totals;
  const toggle = (column: TotalsColumn): void => {
    setSort((current) => {
      if (current?.column === column)
        return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
      // Units read best A→Z; figures are most useful largest first.
      return { column, direction: column === "unit" ? "ascending" : "descending" };
    });
  };
  // The same column names and cells (rates such as 42.9% and 0%) as the command line, the totals sheet and the
  // circular's table: one definition, src/core/summary.ts.
  const table = totalsTable(rows, language);
  const cell = (index: number, column: number): string => {
    const value = table.rows[index][column];
    if (value === "") return t("totals.rateNone");
    // The change since the last check reads as a change: +1, -1, 0.
    if (columns[column] === "overdueChange" && typeof value === "number" && value > 0) return `+${value}`;
    return String(value);
  };

  return (
    <div className={styles.root}>
      <div className={styles.scroller}>
        <Table size="extra-small" className={styles.table} aria-label={t("totals.caption")} data-testid="totals-table">
          <colgroup>
            {columns.map((column) => (
              <col
                key={column}
                className={
                  column === "unit"
                    ? styles.unitColumn
                    : column === "completionRate"
                      ? styles.rateColumn
                      : styles.figureColumn
                }
              />
            ))}
          </colgroup>
          <TableHeader>
            <TableRow>
              {columns.map((column, c) => (
                <TableHeaderCell
                  key={column}
                  className={styles.head}
                  button={{
                    className:
                      column === "unit"
                        ? undefined
                        : language === "en-US"
                          ? mergeClasses(styles.headFigure, styles.headTurned)
                          : styles.headFigure,
                  }}
                  sortable
                  sortDirection={sort?.column === column ? sort.direction : undefined}
                  onClick={() => toggle(column)}
                  title={t(`totals.full.${column}` as const)}
                  data-testid={`sort-${column}`}
                >
                  {table.header[c]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, r) => (
              <TableRow key={row.unit} data-testid="totals-row">
                {columns.map((column, c) => (
                  <TableCell
                    key={column}
                    className={mergeClasses(
                      styles.cell,
                      column === "unit" ? styles.unit : styles.number,
                      column === "overdue" && row.overdue > 0 && styles.overdue,
                    )}
                    data-column={column}
                  >
                    {cell(r, c)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <OverdueChart totals={report.totals} />
    </div>
  );
}
