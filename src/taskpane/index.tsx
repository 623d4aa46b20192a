/**
 * The task pane, loaded with import() by the commands entry (src/commands/commands.ts) once the ribbon commands
 * are registered. In Excel: the Office host (ExcelWorkbook port). In a browser tab: the standalone host, loaded
 * with import() as its own chunk so the .xlsx reader stays out of the Office path. Inside Office with office.js missing
 * or never ready: a message and a retry (boot.ts). The analysis (core, use cases, Excel adapter) is loaded
 * lazily too: the first render needs only the UI.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webLightTheme,
} from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { toUserError } from "../app/errors";
import { detectStart, standaloneLanguage } from "./boot";
import { Pane } from "./components/Pane";
import type { PaneHost } from "./host";
import { paneText } from "./i18n";
import { lazyPort } from "../app/lazyPort";
import { ExcelPaneSupport } from "../excel/paneSupport";
import { OfficeHost } from "./officeHost";
import { startupSignals } from "./startupSignals";
import { pageAnalysis } from "../worker/pageAnalysis";

async function start(root: Root): Promise<void> {
  const loadingLanguage = standaloneLanguage();
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner size="small" label={paneText(loadingLanguage, "app.loading")} style={{ marginTop: 48 }} />
    </FluentProvider>,
  );
  const start = await detectStart(startupSignals());
  if (start.mode === "office-failed") {
    showOfficeFailed(root);
    return;
  }
  const office = start.mode === "office" ? start.info : null;
  let host: PaneHost;
  if (office) {
    // The Excel adapter and the core under it load as a lazy chunk: the pane renders without waiting for them.
    const port = lazyPort(async () => {
      const { ExcelWorkbook } = await import(/* webpackChunkName: "excel" */ "../excel/excelWorkbook");
      return ExcelWorkbook.forOffice();
    });
    // The grids read through Office.js are analysed in the page's worker (shared with the ribbon commands).
    host = new OfficeHost(port, ExcelPaneSupport.forOffice(), office.downloads === true, pageAnalysis());
  } else {
    const { createStandaloneHost } = await import(/* webpackChunkName: "standalone" */ "./standalone/standaloneHost");
    host = createStandaloneHost();
  }
  root.render(
    <Pane host={host} detectedLanguage={office?.language ?? loadingLanguage} theme={office?.theme ?? webLightTheme} />,
  );
}

/** Inside Office, Office.js never got ready: say so, offer a retry (a reload), never run standalone here. */
function showOfficeFailed(root: Root): void {
  const language = standaloneLanguage();
  const t = (key: Parameters<typeof paneText>[1]) => paneText(language, key);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="error" layout="multiline" style={{ margin: 12 }} data-testid="office-start-failed">
        <MessageBarBody>
          <MessageBarTitle>{t("start.officeFailed.title")}</MessageBarTitle>
          {t("start.officeFailed.body")}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" data-testid="office-start-retry" onClick={() => window.location.reload()}>
            {t("start.retry")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </FluentProvider>,
  );
}

/** The page could not start (e.g. the standalone chunk failed to load): say so instead of spinning forever. */
function showStartError(root: Root, error: unknown): void {
  const language = standaloneLanguage();
  root.render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="error" style={{ margin: 12 }}>
        <MessageBarBody>{toUserError(error).messageIn(language)}</MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  start(root).catch((error: unknown) => showStartError(root, error));
}
