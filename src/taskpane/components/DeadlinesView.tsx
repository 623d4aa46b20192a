/** Overdue tasks (most days overdue first) and tasks due soon (nearest first), with lead unit and task number. */
import { Badge, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { cellAddress } from "../../core/address";
import type { Report, Task } from "../../core/types";
import { useText } from "../i18n";
import { digestOf } from "../model/reportDigest";
import { useMemo } from "react";
import { EmptyNote } from "./EmptyNote";
import { LimitedList } from "./LimitedList";
import { clickableStyle, itemStyle, listStyle } from "./listStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  title: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: listStyle,
  item: itemStyle,
  overdue: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  dueSoon: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorder2}` },
  clickable: clickableStyle,
  head: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  who: { fontWeight: tokens.fontWeightSemibold },
  text: {
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  muted: { color: tokens.colorNeutralForeground2 },
  badge: { flexShrink: 0 },
});

export interface DeadlinesViewProps {
  report: Report | null;
  onSelectCell?: (sheet: string, address: string) => void;
}

function TaskItem({
  task,
  report,
  kind,
  badge,
  onSelectCell,
}: {
  task: Task;
  report: Report;
  kind: "overdue" | "dueSoon";
  badge: string;
  onSelectCell?: DeadlinesViewProps["onSelectCell"];
}) {
  const styles = useStyles();
  const { t } = useText();
  const number = task.id ? t("task.number", { id: task.id }) : t("task.row", { row: task.row });
  const lead = task.lead.length > 0 ? t("task.lead", { units: task.lead.join(t("list.separator")) }) : t("task.noLead");
  const content = (
    <>
      <div className={styles.head}>
        <Text size={200} className={styles.who}>
          {number} · {lead}
        </Text>
        <Badge
          className={styles.badge}
          size="small"
          appearance="tint"
          color={kind === "overdue" ? "danger" : "warning"}
        >
          {badge}
        </Badge>
      </div>
      <Text size={200} className={styles.text}>
        {task.text}
      </Text>
      <Text size={100} className={styles.muted}>
        {t("task.deadline", { text: task.deadline.text, due: task.deadline.due ?? "" })} ·{" "}
        {t("task.row", { row: task.row })}
      </Text>
      {(task.deadline.milestones ?? []).length > 0 && (
        <Text size={100} className={styles.muted} data-testid="task-milestones">
          {t("task.milestones", {
            stages: (task.deadline.milestones ?? [])
              .map((stage) => t("task.milestone", { text: stage.text, due: stage.due ?? "" }))
              .join(t("list.separator")),
          })}
        </Text>
      )}
      {(task.leaders ?? []).length > 0 && (
        <Text size={100} className={styles.muted} data-testid="task-leaders">
          {t("task.leaders", { people: task.leaders.join(t("list.separator")) })}
        </Text>
      )}
    </>
  );
  const className = mergeClasses(styles.item, kind === "overdue" ? styles.overdue : styles.dueSoon);
  const testId = kind === "overdue" ? "overdue-task" : "due-soon-task";
  const table = report.table;
  if (onSelectCell && table) {
    const address = cellAddress(task.row, table.columns.task ?? table.firstColumn);
    return (
      <li>
        <button
          type="button"
          className={mergeClasses(className, styles.clickable)}
          data-testid={testId}
          data-row={task.row}
          title={t("task.select", { row: task.row })}
          onClick={() => onSelectCell(table.sheet, address)}
        >
          {content}
        </button>
      </li>
    );
  }
  return (
    <li className={className} data-testid={testId} data-row={task.row}>
      {content}
    </li>
  );
}

export function DeadlinesView({ report, onSelectCell }: DeadlinesViewProps) {
  const styles = useStyles();
  const { t } = useText();
  // Sorted where the report was made (the analysis worker): positions in report.tasks, rendered a page at a time.
  const digest = useMemo(() => (report ? digestOf(report) : null), [report]);
  if (!report || !digest) return <EmptyNote>{t("deadlines.notChecked")}</EmptyNote>;
  return (
    <div className={styles.root}>
      <section>
        <h3 className={styles.title}>{t("deadlines.overdue", { count: digest.overdue.length })}</h3>
        {digest.overdue.length === 0 ? (
          <EmptyNote>{t("deadlines.noneOverdue")}</EmptyNote>
        ) : (
          <LimitedList
            className={styles.list}
            items={digest.overdue}
            renderItem={(position) => {
              const task = report.tasks[position];
              return (
                <TaskItem
                  key={position}
                  task={task}
                  report={report}
                  kind="overdue"
                  badge={t("task.daysOverdue", { days: task.daysOverdue ?? 0 })}
                  onSelectCell={onSelectCell}
                />
              );
            }}
          />
        )}
      </section>
      <section>
        <h3 className={styles.title}>{t("deadlines.dueSoon", { count: digest.dueSoon.length })}</h3>
        {digest.dueSoon.length === 0 ? (
          <EmptyNote>{t("deadlines.noneDueSoon")}</EmptyNote>
        ) : (
          <LimitedList
            className={styles.list}
            items={digest.dueSoon}
            renderItem={(position, index) => {
              const daysLeft = digest.dueSoonDaysLeft[index];
              return (
                <TaskItem
                  key={position}
                  task={report.tasks[position]}
                  report={report}
                  kind="dueSoon"
                  badge={daysLeft <= 0 ? t("task.dueToday") : t("task.dueIn", { days: daysLeft })}
                  onSelectCell={onSelectCell}
                />
              );
            }}
          />
        )}
      </section>
    </div>
  );
}
