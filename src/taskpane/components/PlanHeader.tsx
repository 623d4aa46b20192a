/** Top of the pane: which plan was read, the as-of date, the Check button, progress and the stale notice. */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Play20Filled } from "@fluentui/react-icons";
import type { ResultState } from "../../app/resultStore";
import { useText } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  asOf: { flexGrow: 1, minWidth: 0 },
  plan: { color: tokens.colorNeutralForeground2 },
});

export interface PlanHeaderProps {
  state: ResultState;
  asOf: string;
  onAsOfChange(asOf: string): void;
  onCheck(): void;
  /** False while there is nothing to check (standalone, no file open). */
  canCheck: boolean;
  /** The plan sheet changed after the check (Excel). */
  staleSheet: string | null;
}

export function PlanHeader({ state, asOf, onAsOfChange, onCheck, canCheck, staleSheet }: PlanHeaderProps) {
  const styles = useStyles();
  const { t } = useText();
  const report = state.result?.report ?? null;
  let planLine: string;
  if (!report) planLine = t("plan.notChecked");
  else if (!report.table) planLine = t("plan.notFound");
  else
    planLine = t("plan.read", {
      sheet: report.table.sheet,
      headerRow: report.table.headerRow,
      tasks: report.tasks.length,
    });
  if (report) planLine += ` · ${t("plan.asOfUsed", { asOf: report.asOf })}`;
  if (report && state.source === "ribbon") planLine += ` ${t("plan.fromRibbon")}`;

  return (
    <section className={styles.root} aria-label={t("app.title")}>
      <Text className={styles.plan} size={200} data-testid="plan-info">
        {planLine}
      </Text>
      <div className={styles.row}>
        <Field label={t("asOf.label")} className={styles.asOf}>
          <Input type="date" value={asOf} onChange={(_, data) => onAsOfChange(data.value)} data-testid="as-of" />
        </Field>
        <Button
          appearance="primary"
          icon={<Play20Filled />}
          onClick={onCheck}
          disabled={!canCheck || state.running || asOf === ""}
          data-testid="run-check"
        >
          {state.running ? t("check.running") : t("check.run")}
        </Button>
      </div>
      {state.running && <ProgressBar aria-label={t("check.running")} data-testid="progress" />}
      {staleSheet !== null && !state.running && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>{t("stale.title")}</MessageBarTitle>
            {t("stale.body", { sheet: staleSheet })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onCheck} disabled={!canCheck || asOf === ""} data-testid="stale-recheck">
              {t("stale.recheck")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}
