/** Overdue tasks by unit as horizontal bars: plain SVG, no chart library. */
import { Text } from "@fluentui/react-components";
import type { UnitTotals } from "../../core/types";
import { useText } from "../i18n";
import { overdueBars } from "../model/totals";
import { BAR_HEIGHT, CHART_WIDTH as WIDTH, LABEL_HEIGHT, ROW_GAP, useBarChartStyles } from "./barChartStyles";
import { EmptyNote } from "./EmptyNote";

const VALUE_SPACE = 28;

export function OverdueChart({ totals, limit = 10 }: { totals: readonly UnitTotals[]; limit?: number }) {
  const styles = useBarChartStyles();
  const { t } = useText();
  const { bars, more, max } = overdueBars(totals, limit);
  const title = t("chart.title");
  if (bars.length === 0)
    return (
      <section>
        <h3 className={styles.title}>{title}</h3>
        <EmptyNote>{t("chart.none")}</EmptyNote>
      </section>
    );
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
  const height = bars.length * rowHeight;
  const scale = (WIDTH - VALUE_SPACE) / Math.max(1, max);
  return (
    <section>
      <h3 className={styles.title} id="overdue-chart-title">
        {title}
      </h3>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="overdue-chart-title"
        data-testid="overdue-chart"
      >
        {bars.map((bar, index) => {
          const y = index * rowHeight;
          const width = Math.max(2, bar.overdue * scale);
          return (
            <g key={bar.unit} data-testid="chart-bar" data-unit={bar.unit} data-value={bar.overdue}>
              <title>{t("chart.bar", { unit: bar.unit, count: bar.overdue })}</title>
              <text className={styles.label} x={0} y={y + 12}>
                {bar.unit}
              </text>
              <rect className={styles.red} x={0} y={y + LABEL_HEIGHT} width={width} height={BAR_HEIGHT} rx={2} />
              <text className={styles.value} x={width + 4} y={y + LABEL_HEIGHT + BAR_HEIGHT - 1}>
                {bar.overdue}
              </text>
            </g>
          );
        })}
      </svg>
      {more > 0 && (
        <Text size={200} className={styles.more}>
          {t("chart.more", { count: more })}
        </Text>
      )}
    </section>
  );
}
