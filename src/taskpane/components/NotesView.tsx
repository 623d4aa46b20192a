/**
 * Follow-up: the reminder of a unit (pick a unit, read, copy; download it as Word where the host allows), the
 * circular as Word, and the year-end assessment (ranking chart and the two lists). The Word writer is loaded
 * only when a document is asked for.
 */
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  Copy20Regular,
  DocumentText20Regular,
  TableSimple20Regular,
} from "@fluentui/react-icons";
import { useEffect, useMemo, useState } from "react";
import { DOCX_TYPE, type NoteFile } from "../../app/documents";
import { toUserError } from "../../app/errors";
import type { WorkbookSettings } from "../../app/port";
import { assessmentLists } from "../../core/assessmentText";
import type { Report } from "../../core/types";
import { copyToClipboard, type ClipboardPayload, type CopyOutcome } from "../clipboard";
import type { AnnotatedCopy } from "../host";
import { useText } from "../i18n";
import { followUpOf, type FollowUp, type FollowUpOptions, type NoteSummary } from "../model/followUp";
import type { NoteDownload, NoteDownloadOptions, NoteDownloadResult } from "../model/noteDownload";
import { isCancelled } from "../../worker/protocol";
import { EmptyNote } from "./EmptyNote";
import { RankingChart } from "./RankingChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  textarea: { width: "100%" },
  // A long unit name must not widen the picker past the 350 px pane: it is cut with an ellipsis (title: in full).
  field: { minWidth: 0, maxWidth: "100%" },
  pickerRoot: { width: "100%", maxWidth: "100%", minWidth: 0 },
  picker: { width: "100%", maxWidth: "100%", minWidth: 0, overflow: "hidden", textOverflow: "ellipsis" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

type Notice = { intent: "success" | "warning" | "error"; text: string } | null;

export interface NotesViewProps {
  report: Report | null;
  settings: WorkbookSettings;
  /** The host can save files (standalone; Excel where downloads work). */
  canDownload: boolean;
  saveFile(file: AnnotatedCopy): void;
  /** Excel: write the 考核评分 sheet into the workbook; resolves with the sheets written. */
  onWriteSheet?: () => Promise<string[]>;
  /** Injected by tests; defaults to the browser clipboard. */
  copy?: (payload: ClipboardPayload) => Promise<CopyOutcome>;
  /** Standalone: the reminders and assessment made off the page (null: made here). Without it they are made here. */
  followUp?: (report: Report, options: FollowUpOptions) => Promise<FollowUp | null>;
  /** Standalone: the Word downloads written off the page (null: written here). Without it they are written here. */
  noteDownload?: (
    report: Report,
    download: NoteDownload,
    options: NoteDownloadOptions,
  ) => Promise<NoteDownloadResult | null>;
}

const toDownload = (file: NoteFile): AnnotatedCopy => ({
  // A copy of the bytes: a Blob part must not be a view on a shared buffer.
  data: new Blob([file.bytes.slice()], { type: DOCX_TYPE }),
  fileName: file.name,
});

export function NotesView({
  report,
  settings,
  canDownload,
  saveFile,
  onWriteSheet,
  copy = copyToClipboard,
  followUp,
  noteDownload,
}: NotesViewProps) {
  const styles = useStyles();
  const { t, language } = useText();
  const feedbackDate = settings.feedbackDate ?? null;
  const made = useMemo(
    () => ({ feedbackDate, weights: settings.assessment ?? null }),
    [feedbackDate, settings.assessment],
  );
  // Made here, unless the host makes them off the page (a big plan takes seconds to walk).
  const here = useMemo(() => (report && !followUp ? followUpOf(report, made) : null), [report, made, followUp]);
  const [away, setAway] = useState<{ report: Report; made: FollowUpOptions; value: FollowUp } | null>(null);
  useEffect(() => {
    if (!report || !followUp) return undefined;
    let live = true;
    const keep = (value: FollowUp | null) => {
      if (live) setAway({ report, made, value: value ?? followUpOf(report, made) });
    };
    followUp(report, made).then(keep, () => keep(null));
    return () => {
      live = false;
    };
  }, [report, made, followUp]);
  const current = followUp ? (away && away.report === report && away.made === made ? away.value : null) : here;
  const notes = current?.notes ?? [];
  const assessment = current?.assessment ?? null;
  const [unit, setUnit] = useState<string>("");
  const [yearEnd, setYearEnd] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [assessmentNotice, setAssessmentNotice] = useState<Notice>(null);
  if (!report || !report.table) return <EmptyNote>{t("notes.notChecked")}</EmptyNote>;
  if (!assessment) return <EmptyNote testId="notes-preparing">{t("notes.preparing")}</EmptyNote>;
  const note = notes.find((candidate) => candidate.unit === unit) ?? notes[0];
  const lists = assessmentLists(assessment, report.language);
  const options: NoteDownloadOptions = { feedbackDate, assessment: yearEnd ? assessment : null };

  const unitOption = (candidate: NoteSummary): string =>
    t("notes.unitOption", { unit: candidate.unit, overdue: candidate.overdue, dueSoon: candidate.dueSoon });

  const runCopy = (text: string): void => {
    void copy({ text }).then((outcome) =>
      setNotice(
        outcome === "failed"
          ? { intent: "warning", text: t("circular.copyFailed") }
          : { intent: "success", text: t("notes.copied") },
      ),
    );
  };
  // Standalone: written in the worker from the report it kept (only the bytes come back); else, or when the
  // worker no longer has the report (null), written here with the Word writer loaded on demand.
  const save = async (download: NoteDownload): Promise<void> => {
    setBusy(true);
    try {
      const result =
        (await noteDownload?.(report, download, options)) ??
        (await (await import("../model/noteDownload")).noteDownloadOf(report, download, options));
      let names: string;
      if ("zip" in result) {
        names = t("notes.zipName");
        saveFile({ data: new Blob([result.zip.slice()], { type: "application/zip" }), fileName: names });
      } else {
        for (const file of result.files) saveFile(toDownload(file));
        names = result.files.map((f) => f.name).join("、");
      }
      setNotice({ intent: "success", text: t("notes.downloaded", { files: names }) });
    } catch (error) {
      // Cancelled (another file was opened while the worker wrote them): nothing to save or to say.
      if (isCancelled(error)) return;
      setNotice({ intent: "error", text: toUserError(error).messageIn(language) });
    } finally {
      setBusy(false);
    }
  };

  const writeSheet = async (): Promise<void> => {
    if (!onWriteSheet) return;
    setBusy(true);
    try {
      const sheets = await onWriteSheet();
      setAssessmentNotice(
        sheets.length > 0
          ? { intent: "success", text: t("ranking.written", { sheet: sheets.join("、") }) }
          : { intent: "warning", text: t("ranking.notWritten") },
      );
    } catch (error) {
      setAssessmentNotice({ intent: "error", text: toUserError(error).messageIn(language) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <section className={styles.section}>
        <h3 className={styles.title}>{t("notes.title")}</h3>
        {notes.length === 0 || !note ? (
          <EmptyNote testId="notes-none">{t("notes.none")}</EmptyNote>
        ) : (
          <>
            <Field label={t("notes.unit")} className={styles.field}>
              <Select
                value={note.unit}
                onChange={(_, data) => setUnit(data.value)}
                root={{ className: styles.pickerRoot }}
                className={styles.picker}
                title={unitOption(note)}
                data-testid="notes-unit"
              >
                {notes.map((candidate) => (
                  <option key={candidate.unit} value={candidate.unit} title={unitOption(candidate)}>
                    {unitOption(candidate)}
                  </option>
                ))}
              </Select>
            </Field>
            <Textarea
              className={styles.textarea}
              value={note.text}
              readOnly
              resize="vertical"
              rows={14}
              aria-label={t("notes.textLabel", { unit: note.unit })}
              data-testid="notes-text"
              onFocus={(event) => event.currentTarget.select()}
            />
            <div className={styles.actions}>
              <Button icon={<Copy20Regular />} onClick={() => runCopy(note.text)} data-testid="notes-copy">
                {t("notes.copy")}
              </Button>
              {canDownload && (
                <Button
                  icon={<DocumentText20Regular />}
                  disabled={busy}
                  onClick={() => void save({ which: "unit", unit: note.unit })}
                  data-testid="notes-download-unit"
                >
                  {t("notes.downloadUnit")}
                </Button>
              )}
            </div>
          </>
        )}
        {canDownload ? (
          <>
            <Checkbox
              checked={yearEnd}
              onChange={(_, data) => setYearEnd(data.checked === true)}
              label={t("notes.yearEnd")}
              data-testid="notes-year-end"
            />
            <div className={styles.actions}>
              <Button
                icon={<DocumentText20Regular />}
                disabled={busy}
                onClick={() => void save({ which: "circular" })}
                data-testid="notes-download-circular"
              >
                {t("notes.downloadCircular")}
              </Button>
              <Button
                icon={<ArrowDownload20Regular />}
                disabled={busy}
                onClick={() => void save({ which: "all" })}
                data-testid="notes-download-all"
              >
                {t("notes.downloadAll")}
              </Button>
            </div>
          </>
        ) : (
          <Text size={200} className={styles.hint} data-testid="notes-no-download">
            {t("notes.noDownload")}
          </Text>
        )}
        {notice && (
          <MessageBar intent={notice.intent} data-testid="notes-notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      <section className={styles.section}>
        <RankingChart assessment={assessment} />
        <Text as="p" data-testid="assessment-on-time">
          {lists.onTime}
        </Text>
        <Text as="p" data-testid="assessment-overdue">
          {lists.overdue}
        </Text>
        <Text size={200} className={styles.hint}>
          {t("ranking.hint")}
        </Text>
        {onWriteSheet && (
          <div className={styles.actions}>
            <Button
              icon={<TableSimple20Regular />}
              disabled={busy}
              onClick={() => void writeSheet()}
              data-testid="assessment-write-sheet"
            >
              {t("ranking.writeSheet")}
            </Button>
          </div>
        )}
        {assessmentNotice && (
          <MessageBar intent={assessmentNotice.intent} data-testid="assessment-notice">
            <MessageBarBody>{assessmentNotice.text}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}
