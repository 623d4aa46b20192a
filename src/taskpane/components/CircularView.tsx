/** The circular: summary text in a selectable box, Copy text, Copy table (HTML + tab text), Insert into sheet. */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { Copy20Regular, TableSimple20Regular, TextAdd20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { toUserError } from "../../app/errors";
import type { Report } from "../../core/types";
import { copyToClipboard, type ClipboardPayload, type CopyOutcome } from "../clipboard";
import { useText, type PaneTextKey } from "../i18n";
import { EmptyNote } from "./EmptyNote";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  textarea: { width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** How many cells Insert into sheet fills: one per line. */
export const summaryLines = (text: string): number => text.split(/\r?\n/).length;

type Notice = { intent: "success" | "warning" | "error"; text: string } | null;

export interface CircularViewProps {
  report: Report | null;
  /** Present in Excel: write the text from the selected cell down. */
  onInsert?: (text: string) => Promise<boolean>;
  /** Injected by tests; defaults to the browser clipboard. */
  copy?: (payload: ClipboardPayload) => Promise<CopyOutcome>;
}

export function CircularView({ report, onInsert, copy = copyToClipboard }: CircularViewProps) {
  const styles = useStyles();
  const { t, language } = useText();
  const [notice, setNotice] = useState<Notice>(null);
  const [inserting, setInserting] = useState(false);
  if (!report) return <EmptyNote>{t("circular.notChecked")}</EmptyNote>;
  const summary = report.summary;

  // Called straight from the click handler: the fallback copy must run inside the user's click.
  const runCopy = (payload: ClipboardPayload, done: PaneTextKey): void => {
    void copy(payload).then((outcome) =>
      setNotice(
        outcome === "failed"
          ? { intent: "warning", text: t("circular.copyFailed") }
          : { intent: "success", text: t(done) },
      ),
    );
  };
  const insert = async (): Promise<void> => {
    if (!onInsert) return;
    setInserting(true);
    try {
      const inserted = await onInsert(summary.text);
      setNotice(
        inserted
          ? { intent: "success", text: t("circular.inserted") }
          : { intent: "warning", text: t("circular.notEmpty", { lines: summaryLines(summary.text) }) },
      );
    } catch (error) {
      setNotice({ intent: "error", text: toUserError(error).messageIn(language) });
    } finally {
      setInserting(false);
    }
  };

  return (
    <div className={styles.root}>
      <Field label={t("circular.label")}>
        <Textarea
          className={styles.textarea}
          value={summary.text}
          readOnly
          resize="vertical"
          rows={12}
          data-testid="summary-text"
          onFocus={(event) => event.currentTarget.select()}
        />
      </Field>
      <Text size={200} className={styles.hint}>
        {t("circular.hint")}
      </Text>
      <div className={styles.actions}>
        <Button
          icon={<Copy20Regular />}
          onClick={() => runCopy({ text: summary.text }, "circular.copied")}
          data-testid="copy-text"
        >
          {t("circular.copyText")}
        </Button>
        <Button
          icon={<TableSimple20Regular />}
          onClick={() => runCopy({ text: summary.tsv, html: summary.html }, "circular.tableCopied")}
          data-testid="copy-table"
        >
          {t("circular.copyTable")}
        </Button>
        {onInsert && (
          <Button
            icon={<TextAdd20Regular />}
            onClick={() => void insert()}
            disabled={inserting}
            data-testid="insert-summary"
          >
            {t("circular.insert")}
          </Button>
        )}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} data-testid="circular-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
