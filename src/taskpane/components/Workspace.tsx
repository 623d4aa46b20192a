/** The pane's body: standalone file bar, plan header, counts, error bar, and the views in tabs. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { toUserError, UserError } from "../../app/errors";
import type { WorkbookPort, WorkbookSettings } from "../../app/port";
import type { ResultStore } from "../../app/resultStore";
import { writeLock } from "../../app/writeLock";
import type { IsoDate } from "../../core/types";
import { baseName } from "../download";
import type { AnnotatedCopy, PaneHost } from "../host";
import { useText, type PaneTextKey } from "../i18n";
import { digestOf } from "../model/reportDigest";
import { checkOptions, todayIso } from "../model/settings";
import { cancelCheck, runCheck } from "../runCheck";
import { applyMergePlan, previewFeedbackMerge } from "../mergeFeedback";
import { useResultState } from "../useResultState";
import { CircularView } from "./CircularView";
import { ChangesView } from "./ChangesView";
import { CountsBar } from "./CountsBar";
import { MergeFeedbackView } from "./MergeFeedbackView";
import { DeadlinesView } from "./DeadlinesView";
import { EmptyNote } from "./EmptyNote";
import { FindingsView } from "./FindingsView";
import { PlanHeader } from "./PlanHeader";
import { SettingsView } from "./SettingsView";
import { StandaloneBar } from "./StandaloneBar";
import { TotalsView } from "./TotalsView";

/** The Follow-up tab (reminders, Word documents, assessment) loads on first use: out of the initial JavaScript. */
const NotesView = lazy(() =>
  import(/* webpackChunkName: "notes" */ "./NotesView").then((m) => ({ default: m.NotesView })),
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    minHeight: "100vh",
    maxWidth: "640px",
    margin: "0 auto",
  },
  // Six labelled tabs: at 350 px the English ones take two lines rather than hiding Settings off to the right.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  // A little less padding and a size smaller than Fluent's in English (the Chinese labels, two characters each,
  // keep the usual size).
  tabCompact: {
    "paddingLeft": "3px",
    "paddingRight": "3px",
    "& .fui-Tab__content, & .fui-Tab__content--reserved-space": { fontSize: tokens.fontSizeBase200 },
  },
  panel: { minWidth: 0 },
});

export type ViewId = "findings" | "deadlines" | "totals" | "circular" | "notes" | "settings";
/** Labelled tabs (Settings was once an icon alone: now it says what it is, like the others). */
const VIEWS: { id: ViewId; label: PaneTextKey }[] = [
  { id: "findings", label: "tab.findings" },
  { id: "deadlines", label: "tab.deadlines" },
  { id: "totals", label: "tab.totals" },
  { id: "circular", label: "tab.circular" },
  { id: "notes", label: "tab.notes" },
  { id: "settings", label: "tab.settings" },
];

export interface WorkspaceProps {
  host: PaneHost;
  store: ResultStore;
  settings: WorkbookSettings;
  settingsVersion: number;
  onSaveSettings(settings: WorkbookSettings): Promise<void>;
  onWorkbookOpened(): Promise<void>;
  today?: IsoDate;
  saveFile(copy: AnnotatedCopy): void;
}

export function Workspace({
  host,
  store,
  settings,
  settingsVersion,
  onSaveSettings,
  onWorkbookOpened,
  today,
  saveFile,
}: WorkspaceProps) {
  const styles = useStyles();
  const { t, language } = useText();
  const state = useResultState(store);
  const report = state.result?.report ?? null;
  const [asOf, setAsOf] = useState<string>(() => today ?? todayIso());
  const [view, setView] = useState<ViewId>("findings");
  /** A first check under way (a big plan's lists come in parts after its counts): the views say so, not "after a check". */
  const listsLoading = !report && state.running && view !== "settings";
  const [staleSheet, setStaleSheet] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(() => host.workbookName());
  const [opening, setOpening] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [dragActive, setDragActive] = useState(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const dragDepth = useRef(0);
  /** Standalone: the port a feedback preview was made on, written by Apply (the same object, so its checks hold). */
  const mergePort = useRef<WorkbookPort | null>(null);

  // A new result is fresh by definition.
  useEffect(() => {
    setStaleSheet(null);
    setDownloaded(null);
  }, [state.result]);

  // Excel: the plan changed after the check (changes while a check runs are our own). Excel raises the event for
  // our own writes too: with the check's fingerprint, the plan is read again and only a real change marks it stale.
  useEffect(() => {
    if (!host.onPlanChanged) return undefined;
    let reading = false;
    let again = false;
    const compare = (sheet: string): void => {
      const current = store.get();
      const result = current.result;
      if (current.running || !result?.report || result.report.table?.sheet !== sheet) return;
      const { report, fingerprint } = result;
      if (!fingerprint || !host.planChanged) return setStaleSheet(sheet);
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      host
        .planChanged(report, fingerprint)
        .then((changed) => {
          if (changed && store.get().result === result) setStaleSheet(sheet);
        })
        .catch(() => setStaleSheet(sheet))
        .finally(() => {
          reading = false;
          if (again) {
            again = false;
            compare(sheet);
          }
        });
    };
    return host.onPlanChanged(compare);
  }, [host, store]);

  const check = (): void => {
    void runCheck(host, store, checkOptions(settings, asOf, language));
  };

  // Saving settings re-runs the check (when there is a result to bring up to date), with the saved settings.
  const saveSettings = async (next: WorkbookSettings): Promise<void> => {
    await onSaveSettings(next);
    const current = store.get();
    if (current.result && !current.running && host.port() !== null && asOf !== "")
      void runCheck(host, store, checkOptions(next, asOf, language));
  };

  // Excel: the 考核评分 sheet, written by the same use case as the annotated copy's, one writer at a time.
  const writeAssessment = async (): Promise<string[]> => {
    const port = host.port();
    if (!port) return [];
    const { writeAssessmentSheet } = await import(/* webpackChunkName: "engine" */ "../../app/actions");
    const result = await writeLock.run(() => writeAssessmentSheet(port, checkOptions(settings, asOf, language)));
    return result.wroteSheets;
  };

  const selectCell = host.selectCell
    ? (sheet: string, address: string): void => {
        host.selectCell?.(sheet, address).catch((error: unknown) => store.set({ error: toUserError(error) }));
      }
    : undefined;

  const open = async (file: File): Promise<void> => {
    if (!host.openWorkbook) return;
    setOpening(true);
    // Another file: the check running on the previous one is cancelled, its result never shown.
    cancelCheck(host, store);
    try {
      await host.openWorkbook(file);
      setFileName(host.workbookName());
      store.set({ result: null, error: null, source: null });
      setView("findings");
      await onWorkbookOpened();
    } catch (error) {
      store.set({ error: toUserError(error) });
    } finally {
      setOpening(false);
    }
  };

  const download = async (): Promise<void> => {
    if (!report || !host.annotatedCopy) return;
    setDownloading(true);
    try {
      const name = t("standalone.copyName", { name: baseName(host.workbookName() ?? "plan.xlsx") });
      const copy = await host.annotatedCopy(report, name);
      saveFile(copy);
      setDownloaded(copy.fileName);
    } catch (error) {
      store.set({ error: toUserError(error) });
    } finally {
      setDownloading(false);
    }
  };

  const dropHandlers =
    host.mode === "standalone"
      ? {
          onDragEnter: (event: DragEvent) => {
            event.preventDefault();
            dragDepth.current += 1;
            setDragActive(true);
          },
          onDragOver: (event: DragEvent) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = "copy";
          },
          onDragLeave: () => {
            dragDepth.current = Math.max(0, dragDepth.current - 1);
            if (dragDepth.current === 0) setDragActive(false);
          },
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            dragDepth.current = 0;
            setDragActive(false);
            const file = event.dataTransfer.files?.[0];
            if (file) void open(file);
          },
        }
      : {};

  // Standalone: the Follow-up tab's reminders are made in the worker (one function for the view's effect).
  const followUp = useMemo(() => host.followUp?.bind(host), [host]);
  const noteDownload = useMemo(() => host.noteDownload?.bind(host), [host]);

  const canCheck = (host.port() !== null || (host.checkFile !== undefined && fileName !== null)) && !opening;
  const insertText = host.insertText;

  return (
    <main className={styles.root} data-testid="pane" data-mode={host.mode} {...dropHandlers}>
      {host.mode === "standalone" && (
        <StandaloneBar
          fileName={fileName}
          opening={opening}
          dragActive={dragActive}
          canDownload={report?.table != null && host.annotatedCopy !== undefined}
          downloading={downloading}
          onOpen={(file) => void open(file)}
          onDownload={() => void download()}
        />
      )}
      {downloaded && (
        <MessageBar intent="success" data-testid="downloaded">
          <MessageBarBody>{t("standalone.downloaded", { file: downloaded })}</MessageBarBody>
        </MessageBar>
      )}
      <PlanHeader
        state={state}
        asOf={asOf}
        onAsOfChange={setAsOf}
        onCheck={check}
        canCheck={canCheck}
        staleSheet={staleSheet}
        needsWorkbook={host.mode === "standalone" && fileName === null}
        onCancel={host.cancelCheck ? () => cancelCheck(host, store) : undefined}
      />
      {state.error && (
        <MessageBar intent="error" data-testid="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("error.title")}</MessageBarTitle>
            {state.error.messageIn(language)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                icon={<Dismiss16Regular />}
                aria-label={t("error.dismiss")}
                onClick={() => store.set({ error: null })}
              />
            }
          />
        </MessageBar>
      )}
      {/* Counted where the report was made (the analysis worker): shown while its lists are still on their way. */}
      {state.running && state.progress?.counts ? (
        <CountsBar counts={state.progress.counts} />
      ) : (
        report && <CountsBar counts={digestOf(report).counts} />
      )}
      <ChangesView report={report} />
      <MergeFeedbackView
        canMerge={canCheck && !state.running}
        preview={async (files, units) => {
          // Excel: the open workbook; standalone: the open file, read in the page (the worker has its own copy).
          const port = host.port() ?? (await host.feedbackPort?.()) ?? null;
          if (!port) throw new UserError("office.unavailable");
          mergePort.current = port;
          return (await previewFeedbackMerge(port, files, units, checkOptions(settings, asOf, language))).plan;
        }}
        apply={async (plan) => {
          const port = host.port() ?? mergePort.current;
          if (!port) throw new UserError("office.unavailable");
          const written = await writeLock.run(() => applyMergePlan(port, plan, checkOptions(settings, asOf, language)));
          if (!host.port()) await host.feedbackMerged?.(port);
          mergePort.current = null;
          check();
          return written;
        }}
        onError={(error) => store.set({ error: toUserError(error) })}
      />
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={view}
        onTabSelect={(_, data) => setView(data.value as ViewId)}
        aria-label={t("tabs.label")}
      >
        {VIEWS.map((item) => (
          <Tab
            key={item.id}
            value={item.id}
            id={`tab-${item.id}`}
            aria-controls={`panel-${item.id}`}
            data-testid={`tab-${item.id}`}
            className={language === "en-US" ? styles.tabCompact : undefined}
          >
            {t(item.label)}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {/* A first check under way (a big plan's lists come in parts after its counts): say so, not "after a check". */}
        {listsLoading && <EmptyNote testId="lists-loading">{t("lists.loading")}</EmptyNote>}
        {!listsLoading && view === "findings" && <FindingsView report={report} onSelectCell={selectCell} />}
        {!listsLoading && view === "deadlines" && <DeadlinesView report={report} onSelectCell={selectCell} />}
        {!listsLoading && view === "totals" && <TotalsView report={report} />}
        {!listsLoading && view === "circular" && (
          <CircularView
            key={report?.summary.text ?? "none"}
            report={report}
            onInsert={insertText ? (text) => insertText.call(host, text) : undefined}
          />
        )}
        {!listsLoading && view === "notes" && (
          <Suspense fallback={null}>
            <NotesView
              report={report}
              settings={settings}
              canDownload={host.mode === "standalone" || host.canDownload === true}
              saveFile={saveFile}
              onWriteSheet={host.mode === "office" ? writeAssessment : undefined}
              followUp={followUp}
              noteDownload={noteDownload}
            />
          </Suspense>
        )}
        {view === "settings" && (
          <SettingsView key={settingsVersion} settings={settings} mode={host.mode} onSave={saveSettings} />
        )}
      </div>
    </main>
  );
}
