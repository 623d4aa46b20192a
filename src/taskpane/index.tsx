/**
 * Entry of the task pane page. In Excel: the Office host (ExcelWorkbook port). Anywhere else: the standalone
 * host, loaded with import() as its own chunk so exceljs stays out of the Office path's initial JavaScript.
 */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { detectOffice, standaloneLanguage } from "./boot";
import { Pane } from "./components/Pane";
import { createExcelPort } from "./excelPort";
import type { PaneHost } from "./host";
import { paneText } from "./i18n";
import { OfficeHost } from "./officeHost";

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const loadingLanguage = standaloneLanguage();
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner size="small" label={paneText(loadingLanguage, "app.loading")} style={{ marginTop: 48 }} />
    </FluentProvider>,
  );
  const office = await detectOffice();
  let host: PaneHost;
  if (office) {
    host = new OfficeHost(createExcelPort(), Excel);
  } else {
    const { createStandaloneHost } = await import(/* webpackChunkName: "standalone" */ "./standalone/standaloneHost");
    host = createStandaloneHost();
  }
  root.render(<Pane host={host} detectedLanguage={office?.language ?? loadingLanguage} theme={office?.theme ?? webLightTheme} />);
}

const container = document.getElementById("container");
if (container) void start(container);
