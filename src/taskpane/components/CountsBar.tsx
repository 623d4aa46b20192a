/** The four numbers a coordinator looks at first: errors, warnings, overdue, due soon. */
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { ReportCounts } from "../../app/progress";
import { useText, type PaneTextKey } from "../i18n";

const useStyles = makeStyles({
  root: { margin: 0, display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: tokens.spacingHorizontalXS },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  number: {
    margin: 0,
    order: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  dueSoon: { color: tokens.colorPaletteMarigoldForeground1 },
  zero: { color: tokens.colorNeutralForeground3 },
  label: { color: tokens.colorNeutralForeground2, order: 1 },
});

type Tile = { key: "errors" | "warnings" | "overdue" | "dueSoon"; testId: string; label: PaneTextKey; value: number };

/** The counts of the report (its digest), or of the report still on its way (the progress of a check). */
export function CountsBar({ counts }: { counts: ReportCounts }) {
  const styles = useStyles();
  const { t } = useText();
  const tiles: Tile[] = [
    { key: "errors", testId: "count-errors", label: "count.errors", value: counts.errors },
    { key: "warnings", testId: "count-warnings", label: "count.warnings", value: counts.warnings },
    { key: "overdue", testId: "count-overdue", label: "count.overdue", value: counts.overdue },
    { key: "dueSoon", testId: "count-due-soon", label: "count.dueSoon", value: counts.dueSoon },
  ];
  const colour = { errors: styles.error, warnings: styles.warning, overdue: styles.overdue, dueSoon: styles.dueSoon };
  return (
    <dl className={styles.root} aria-label={t("counts.label")}>
      {tiles.map((tile) => (
        <div key={tile.key} className={styles.tile}>
          <dt className={styles.label}>
            <Text size={200} className={styles.label}>
              {t(tile.label)}
            </Text>
          </dt>
          <dd
            className={mergeClasses(styles.number, tile.value === 0 ? styles.zero : colour[tile.key])}
            data-testid={tile.testId}
          >
            {tile.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
