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
import type { Report, UnitTotals } from "../../core/types";
import { useText } from "../i18n";
import { percent, sortTotals, TOTALS_COLUMNS, type SortDirection, type TotalsColumn } from "../model/totals";
import { EmptyNote } from "./EmptyNote";
import { OverdueChart } from "./OverdueChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  // Fits a 350 px pane: fixed layout, narrow figure columns, headers that wrap; scrolls only when narrower still.
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "fixed", width: "100%", minWidth: "300px", fontSize: tokens.fontSizeBase200 },
  unitColumn: { width: "auto" },
  figureColumn: { width: "32px" },
  rateColumn: { width: "48px" },
  cell: { paddingLeft: "2px", paddingRight: "4px" },
  unit: { wordBreak: "break-all" },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  head: {
    verticalAlign: "bottom",
    whiteSpace: "normal",
    lineHeight: tokens.lineHeightBase100,
    fontSize: "11px",
    paddingLeft: "2px",
    paddingRight: "4px",
  },
  /** Figure headers sit right, over their right-aligned figures. */
  headFigure: { justifyContent: "flex-end", textAlign: "end" },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface SortState {
  column: TotalsColumn;
  direction: SortDirection;
}

export function TotalsView({ report }: { report: Report | null }) {
  const styles = useStyles();
  const { t } = useText();
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
  const cell = (row: UnitTotals, column: TotalsColumn): string => {
    const value = row[column];
    if (column === "completionRate")
      return value === null ? t("totals.rateNone") : t("totals.rate", { value: percent(value as number) });
    if (column === "overdueChange") return typeof value === "number" && value > 0 ? `+${value}` : String(value ?? 0);
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
              {columns.map((column) => (
                <TableHeaderCell
                  key={column}
                  className={styles.head}
                  button={{ className: column === "unit" ? undefined : styles.headFigure }}
                  sortable
                  sortDirection={sort?.column === column ? sort.direction : undefined}
                  onClick={() => toggle(column)}
                  title={t(`totals.full.${column}` as const)}
                  data-testid={`sort-${column}`}
                >
                  {t(`totals.col.${column}` as const)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.unit} data-testid="totals-row">
                {columns.map((column) => (
                  <TableCell
                    key={column}
                    className={mergeClasses(
                      styles.cell,
                      column === "unit" ? styles.unit : styles.number,
                      column === "overdue" && row.overdue > 0 && styles.overdue,
                    )}
                    data-column={column}
                  >
                    {cell(row, column)}
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
