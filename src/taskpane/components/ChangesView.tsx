/** What changed since the last check (the report's comparison): counts and the tasks behind them. */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ComparisonEntry, Report } from "../../core/types";
import { useText, type PaneTextKey } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  item: { wordBreak: "break-all" },
});

const KINDS = ["newlyDone", "newlyOverdue", "stillOverdue", "added", "removed"] as const;
/** Tasks listed per kind; the count says the rest. */
const SHOWN = 10;

export function ChangesView({ report }: { report: Report | null }) {
  const styles = useStyles();
  const { t } = useText();
  const comparison = report?.comparison;
  if (!comparison) return null;
  const kinds = KINDS.filter((kind) => comparison[kind].length > 0);
  const label = (entry: ComparisonEntry): string => (entry.id ? `${entry.id} ${entry.text}` : entry.text);
  return (
    <section className={styles.root} data-testid="changes" aria-label={t("changes.title", { date: comparison.since })}>
      <Text weight="semibold" size={200}>
        {t("changes.title", { date: comparison.since })}
      </Text>
      {kinds.length === 0 && <Text size={200}>{t("changes.none")}</Text>}
      {kinds.map((kind) => (
        <div key={kind} data-testid={`changes-${kind}`}>
          <Text size={200}>{t(`changes.${kind}` as PaneTextKey, { count: comparison[kind].length })}</Text>
          <ul className={styles.list}>
            {comparison[kind].slice(0, SHOWN).map((entry) => (
              <li key={`${entry.row}:${entry.id ?? ""}`} className={styles.item}>
                {t("changes.task", { row: entry.row, label: label(entry) })}
                {"periods" in entry ? t("changes.periods", { periods: (entry as { periods: number }).periods }) : ""}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
