/**
 * The task pane: providers (theme, language) around the workspace. The host says where it runs (Excel or a
 * browser tab on an .xlsx file); the result store is shared with the ribbon commands.
 */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { toUserError } from "../../app/errors";
import type { WorkbookSettings } from "../../app/port";
import { resultStore as defaultStore, type ResultStore } from "../../app/resultStore";
import type { IsoDate, Language } from "../../core/types";
import type { AnnotatedCopy, PaneHost } from "../host";
import { LanguageContext, textFor } from "../i18n";
import { saveFile as browserSaveFile } from "../download";
import { Workspace } from "./Workspace";

export interface PaneProps {
  host: PaneHost;
  /** The language Office or the browser reports (a saved language setting wins). */
  detectedLanguage: Language;
  theme?: Theme;
  store?: ResultStore;
  /** Default as-of date (tests); else today. */
  today?: IsoDate;
  /** Saves the annotated copy (tests inject a fake); else a browser download. */
  saveFile?: (copy: AnnotatedCopy) => void;
}

export function Pane({
  host,
  detectedLanguage,
  theme = webLightTheme,
  store = defaultStore,
  today,
  saveFile = browserSaveFile,
}: PaneProps) {
  const [settings, setSettings] = useState<WorkbookSettings>({});
  /** Bumped whenever settings are (re)loaded, so the settings form starts from them. */
  const [settingsVersion, setSettingsVersion] = useState(0);
  const language = settings.language ?? detectedLanguage;
  const context = useMemo(() => ({ language, t: textFor(language) }), [language]);

  const reloadSettings = useCallback(async (): Promise<void> => {
    try {
      setSettings(await host.loadSettings());
      setSettingsVersion((version) => version + 1);
    } catch (error) {
      store.set({ error: toUserError(error) });
    }
  }, [host, store]);

  useEffect(() => {
    void reloadSettings();
  }, [reloadSettings]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const saveSettings = useCallback(
    async (next: WorkbookSettings): Promise<void> => {
      await host.saveSettings(next);
      setSettings(next);
    },
    [host],
  );

  return (
    <FluentProvider theme={theme} lang={language}>
      <LanguageContext.Provider value={context}>
        <Workspace
          host={host}
          store={store}
          settings={settings}
          settingsVersion={settingsVersion}
          onSaveSettings={saveSettings}
          onWorkbookOpened={reloadSettings}
          today={today}
          saveFile={saveFile}
        />
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
