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
import { Dismiss16Regular, Settings20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { toUserError } from "../../app/errors";
import type { WorkbookSettings } from "../../app/port";
import type { ResultStore } from "../../app/resultStore";
import type { IsoDate } from "../../core/types";
import { baseName } from "../download";
import type { AnnotatedCopy, PaneHost } from "../host";
import { useText, type PaneTextKey } from "../i18n";
import { checkOptions, todayIso } from "../model/settings";
import { runCheck } from "../runCheck";
import { useResultState } from "../useResultState";
import { CircularView } from "./CircularView";
import { CountsBar } from "./CountsBar";
import { DeadlinesView } from "./DeadlinesView";
import { FindingsView } from "./FindingsView";
import { PlanHeader } from "./PlanHeader";
import { SettingsView } from "./SettingsView";
import { StandaloneBar } from "./StandaloneBar";
import { TotalsView } from "./TotalsView";

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
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, overflowX: "auto" },
  panel: { minWidth: 0 },
});

export type ViewId = "findings" | "deadlines" | "totals" | "circular" | "settings";
/** Settings is an icon-only tab (named for assistive technology): five labelled tabs do not fit 350 px in English. */
const VIEWS: { id: ViewId; label: PaneTextKey; iconOnly?: boolean }[] = [
  { id: "findings", label: "tab.findings" },
  { id: "deadlines", label: "tab.deadlines" },
  { id: "totals", label: "tab.totals" },
  { id: "circular", label: "tab.circular" },
  { id: "settings", label: "tab.settings", iconOnly: true },
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
  const [staleSheet, setStaleSheet] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(() => host.workbookName());
  const [opening, setOpening] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [dragActive, setDragActive] = useState(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const dragDepth = useRef(0);

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

  const selectCell = host.selectCell
    ? (sheet: string, address: string): void => {
        host.selectCell?.(sheet, address).catch((error: unknown) => store.set({ error: toUserError(error) }));
      }
    : undefined;

  const open = async (file: File): Promise<void> => {
    if (!host.openWorkbook) return;
    setOpening(true);
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

  const canCheck = host.port() !== null && !opening;
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
      {report && <CountsBar report={report} />}
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
            icon={item.iconOnly ? <Settings20Regular /> : undefined}
            aria-label={item.iconOnly ? t(item.label) : undefined}
            title={item.iconOnly ? t(item.label) : undefined}
          >
            {item.iconOnly ? null : t(item.label)}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === "findings" && <FindingsView report={report} onSelectCell={selectCell} />}
        {view === "deadlines" && <DeadlinesView report={report} onSelectCell={selectCell} />}
        {view === "totals" && <TotalsView report={report} />}
        {view === "circular" && (
          <CircularView
            key={report?.summary.text ?? "none"}
            report={report}
            onInsert={insertText ? (text) => insertText.call(host, text) : undefined}
          />
        )}
        {view === "settings" && (
          <SettingsView key={settingsVersion} settings={settings} mode={host.mode} onSave={onSaveSettings} />
        )}
      </div>
    </main>
  );
}
