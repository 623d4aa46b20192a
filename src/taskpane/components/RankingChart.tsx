/** The assessment's ranking as horizontal bars (scores 0–100), in the style of the overdue chart: plain SVG. */
import { Text } from "@fluentui/react-components";
import type { Assessment } from "../../core/assessment";
import { useText } from "../i18n";
import { BAR_HEIGHT, CHART_WIDTH as WIDTH, LABEL_HEIGHT, ROW_GAP, useBarChartStyles } from "./barChartStyles";
import { EmptyNote } from "./EmptyNote";

const VALUE_SPACE = 36;
/** Scores below this are drawn in red: units with overdue work weighing on them. */
const LOW_SCORE = 60;

export function RankingChart({ assessment, limit = 15 }: { assessment: Assessment; limit?: number }) {
  const styles = useBarChartStyles();
  const { t } = useText();
  const title = t("ranking.title");
  const bars = assessment.units.slice(0, limit);
  const more = assessment.units.length - bars.length;
  if (bars.length === 0)
    return (
      <section>
        <h3 className={styles.title}>{title}</h3>
        <EmptyNote>{t("ranking.none")}</EmptyNote>
      </section>
    );
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
  const height = bars.length * rowHeight;
  const scale = (WIDTH - VALUE_SPACE) / 100;
  return (
    <section>
      <h3 className={styles.title} id="ranking-chart-title">
        {title}
      </h3>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="ranking-chart-title"
        data-testid="ranking-chart"
      >
        {bars.map((unit, index) => {
          const y = index * rowHeight;
          const width = Math.max(2, Math.min(100, unit.score) * scale);
          return (
            <g
              key={unit.unit}
              data-testid="ranking-bar"
              data-unit={unit.unit}
              data-rank={unit.rank}
              data-value={unit.score}
            >
              <title>{t("ranking.bar", { rank: unit.rank, unit: unit.unit, score: unit.score })}</title>
              <text className={styles.label} x={0} y={y + 12}>
                {t("ranking.label", { rank: unit.rank, unit: unit.unit })}
              </text>
              <rect
                className={unit.score < LOW_SCORE ? styles.red : styles.green}
                x={0}
                y={y + LABEL_HEIGHT}
                width={width}
                height={BAR_HEIGHT}
                rx={2}
              />
              <text className={styles.value} x={width + 4} y={y + LABEL_HEIGHT + BAR_HEIGHT - 1}>
                {unit.score}
              </text>
            </g>
          );
        })}
      </svg>
      {more > 0 && (
        <Text size={200} className={styles.more}>
          {t("ranking.more", { count: more })}
        </Text>
      )}
    </section>
  );
}
