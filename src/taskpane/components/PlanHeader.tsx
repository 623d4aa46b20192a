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
import type { CheckProgress } from "../../app/progress";
import type { ResultState } from "../../app/resultStore";
import { useText, type Text as Translate } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  asOf: { flexGrow: 1, minWidth: 0 },
  plan: { color: tokens.colorNeutralForeground2 },
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  progressBar: { flexGrow: 1, minWidth: 0 },
});

/** "Reading the workbook…", "Analysing… 42%": what the running check is doing. */
export function progressLabel(t: Translate, progress: CheckProgress | null | undefined): string {
  if (!progress) return t("check.running");
  if (progress.phase === "reading") return t("progress.reading");
  if (progress.phase === "writing") return t("progress.writing");
  if (progress.phase === "receiving")
    return t("progress.receivingPercent", { percent: Math.floor((progress.fraction ?? 0) * 100) });
  if (progress.fraction === null) return t("progress.analysing");
  return t("progress.analysingPercent", { percent: Math.floor(progress.fraction * 100) });
}

export interface PlanHeaderProps {
  state: ResultState;
  asOf: string;
  onAsOfChange(asOf: string): void;
  onCheck(): void;
  /** False while there is nothing to check (standalone, no file open). */
  canCheck: boolean;
  /** The plan sheet changed after the check (Excel). */
  staleSheet: string | null;
  /** Standalone with no file open: say to open one first (Check is disabled until then). */
  needsWorkbook?: boolean;
  /** Stop the running check (shown while it runs, when given). */
  onCancel?(): void;
}

export function PlanHeader({
  state,
  asOf,
  onAsOfChange,
  onCheck,
  canCheck,
  staleSheet,
  needsWorkbook = false,
  onCancel,
}: PlanHeaderProps) {
  const styles = useStyles();
  const { t } = useText();
  const report = state.result?.report ?? null;
  let planLine: string;
  if (!report) planLine = t(needsWorkbook ? "plan.openFirst" : "plan.notChecked");
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
      {state.running && (
        <div className={styles.progress} data-testid="progress">
          <Field
            className={styles.progressBar}
            validationMessage={progressLabel(t, state.progress)}
            validationState="none"
            data-testid="progress-label"
          >
            <ProgressBar
              aria-label={progressLabel(t, state.progress)}
              value={state.progress?.fraction ?? undefined}
              max={1}
            />
          </Field>
          {onCancel && (
            <Button size="small" appearance="subtle" onClick={onCancel} data-testid="cancel-check">
              {t("check.cancel")}
            </Button>
          )}
        </div>
      )}
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
