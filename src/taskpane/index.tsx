/**
 * Entry of the task pane page. In Excel: the Office host (ExcelWorkbook port). Anywhere else: the standalone
 * host, loaded with import() as its own chunk so exceljs stays out of the Office path's initial JavaScript.
 * The analysis (core, use cases, Excel adapter) is loaded lazily too: the first render needs only the UI.
 */
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { toUserError } from "../app/errors";
import { detectOffice, standaloneLanguage } from "./boot";
import { Pane } from "./components/Pane";
import type { PaneHost } from "./host";
import { paneText } from "./i18n";
import { lazyPort } from "../app/lazyPort";
import { ExcelPaneSupport } from "../excel/paneSupport";
import { OfficeHost } from "./officeHost";
import { pageAnalysis } from "../worker/pageAnalysis";

async function start(root: Root): Promise<void> {
  const loadingLanguage = standaloneLanguage();
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner size="small" label={paneText(loadingLanguage, "app.loading")} style={{ marginTop: 48 }} />
    </FluentProvider>,
  );
  const office = await detectOffice();
  let host: PaneHost;
  if (office) {
    // The Excel adapter and the core under it load as a lazy chunk: the pane renders without waiting for them.
    const port = lazyPort(async () => {
      const { ExcelWorkbook } = await import(/* webpackChunkName: "excel" */ "../excel/excelWorkbook");
      return ExcelWorkbook.forOffice();
    });
    // The grids read through Office.js are analysed in the page's worker (shared with the ribbon commands).
    host = new OfficeHost(port, ExcelPaneSupport.forOffice(), pageAnalysis());
  } else {
    const { createStandaloneHost } = await import(/* webpackChunkName: "standalone" */ "./standalone/standaloneHost");
    host = createStandaloneHost();
  }
  root.render(
    <Pane host={host} detectedLanguage={office?.language ?? loadingLanguage} theme={office?.theme ?? webLightTheme} />,
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
