/** Findings grouped by severity and rule; in Excel, clicking one selects its cell. */
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { cellAddress, columnNumber } from "../../core/address";
import { useMemo } from "react";
import type { Finding, Report, Severity } from "../../core/types";
import { RULE_TITLES, SEVERITY_TITLES, useText } from "../i18n";
import { findingUnits, messageWithoutPlace } from "../model/findings";
import { digestOf } from "../model/reportDigest";
import { EmptyNote } from "./EmptyNote";
import { LimitedList } from "./LimitedList";
import { clickableStyle, itemStyle, listStyle } from "./listStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  severityTitle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  ruleTitle: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: listStyle,
  item: itemStyle,
  clickable: clickableStyle,
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `3px solid ${tokens.colorPaletteBlueBorderActive}` },
  where: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  infoIcon: { color: tokens.colorPaletteBlueForeground2 },
});

export interface FindingsViewProps {
  report: Report | null;
  /** Present in Excel: select the finding's cell. */
  onSelectCell?: (sheet: string, address: string) => void;
}

function findingAddress(finding: Finding): string | null {
  if (finding.row === null) return null;
  const column = finding.column === null ? NaN : columnNumber(finding.column);
  return Number.isNaN(column) ? `A${finding.row}` : cellAddress(finding.row, column);
}

function FindingItem({
  finding,
  report,
  taskIndex,
  onSelectCell,
}: {
  finding: Finding;
  report: Report;
  /** Position in report.tasks of the task on the finding's row, or -1. */
  taskIndex: number;
  onSelectCell?: FindingsViewProps["onSelectCell"];
}) {
  const styles = useStyles();
  const { t } = useText();
  const task = taskIndex >= 0 ? report.tasks[taskIndex] : undefined;
  const units = findingUnits(finding, task ? [task] : []);
  const address = findingAddress(finding);
  let where: string;
  if (finding.row === null) where = t("finding.tableWide");
  else if (finding.column !== null && address) where = t("finding.atCell", { row: finding.row, cell: address });
  else where = t("finding.atRow", { row: finding.row });
  const content = (
    <>
      <Text size={200} className={styles.where}>
        {where}
        {units.length > 0 && ` · ${t("finding.units", { units: units.join(t("list.separator")) })}`}
      </Text>
      {/* The row and cell are on the line above: the message goes on from there, without repeating them. */}
      <Text size={200}>{messageWithoutPlace(finding)}</Text>
      {finding.suggestion && (
        <Text size={200} className={styles.muted}>
          {t("finding.suggestion", { suggestion: finding.suggestion })}
        </Text>
      )}
    </>
  );
  const className = mergeClasses(styles.item, styles[finding.severity]);
  if (onSelectCell && address) {
    return (
      <li>
        <button
          type="button"
          className={mergeClasses(className, styles.clickable)}
          data-testid="finding"
          data-rule={finding.rule}
          data-row={finding.row ?? ""}
          title={t("finding.select", { cell: address })}
          onClick={() => onSelectCell(finding.sheet, address)}
        >
          {content}
        </button>
      </li>
    );
  }
  return (
    <li className={className} data-testid="finding" data-rule={finding.rule} data-row={finding.row ?? ""}>
      {content}
    </li>
  );
}

const SEVERITY_ICON: Record<Severity, typeof ErrorCircle16Filled> = {
  error: ErrorCircle16Filled,
  warning: Warning16Filled,
  info: Info16Filled,
};

export function FindingsView({ report, onSelectCell }: FindingsViewProps) {
  const styles = useStyles();
  const { t } = useText();
  const digest = useMemo(() => (report ? digestOf(report) : null), [report]);
  const groups = digest?.findingGroups ?? [];
  if (!report || !digest) return <EmptyNote>{t("findings.notChecked")}</EmptyNote>;
  if (groups.length === 0) return <EmptyNote testId="findings-none">{t("findings.none")}</EmptyNote>;
  const iconClass: Record<Severity, string> = {
    error: styles.errorIcon,
    warning: styles.warningIcon,
    info: styles.infoIcon,
  };
  return (
    <div className={styles.root}>
      {groups.map((group) => {
        const Icon = SEVERITY_ICON[group.severity];
        return (
          <section key={group.severity} data-testid={`severity-${group.severity}`}>
            <h3 className={styles.severityTitle}>
              <Icon className={iconClass[group.severity]} aria-hidden />
              {t("findings.group", { title: t(SEVERITY_TITLES[group.severity]), count: group.count })}
            </h3>
            {group.rules.map((ruleGroup) => (
              <div key={ruleGroup.rule} data-testid="rule-group" data-rule={ruleGroup.rule}>
                <h4 className={styles.ruleTitle}>
                  {t("findings.byRule", {
                    title: RULE_TITLES[ruleGroup.rule] ? t(RULE_TITLES[ruleGroup.rule]) : ruleGroup.rule,
                    count: ruleGroup.findings.length,
                  })}
                </h4>
                <LimitedList
                  className={styles.list}
                  items={ruleGroup.findings}
                  renderItem={(position) => (
                    <FindingItem
                      key={position}
                      finding={report.findings[position]}
                      report={report}
                      taskIndex={digest.findingTask[position]}
                      onSelectCell={onSelectCell}
                    />
                  )}
                />
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
