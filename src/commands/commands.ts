/**
 * The page's first module script (entry "commands", the first script webpack puts in taskpane.html): the
 * ribbon commands of the shared runtime, registered at once with Office.actions.associate at top level — not
 * inside Office.onReady and not after the pane's bundle, or Office's first click on a ribbon button can arrive
 * before they exist and be lost (office-js#5176). Only then the task pane itself (React, Fluent UI) is loaded,
 * with import(). This module imports neither React nor Fluent UI (test/manifest/bundle.test.ts holds it).
 * The handlers live in handlers.ts; without Office (a browser tab, standalone mode) nothing is registered.
 */
import { lazyPort } from "../app/lazyPort";
import { resultStore } from "../app/resultStore";
import { startupSignals } from "../taskpane/startupSignals";
import { pageAnalysis } from "../worker/pageAnalysis";
import { createCommandHandlers } from "./handlers";
import { paneShower } from "./paneVisibility";

function registerCommands(): void {
  if (typeof Office === "undefined" || !Office.actions || typeof Office.actions.associate !== "function") return;
  const pane = paneShower(Office.addin);
  const handlers = createCommandHandlers({
    // The Excel adapter (and the core behind it) is loaded on the first click, as a lazy chunk.
    createPort: () =>
      lazyPort(() =>
        import(/* webpackChunkName: "engine" */ "../excel/excelWorkbook").then((m) => m.ExcelWorkbook.forOffice()),
      ),
    store: resultStore,
    analysis: pageAnalysis(),
    showTaskpane: () => pane.show(),
  });
  // One literal name per call, identical to the manifest's FunctionName (test/manifest checks them).
  Office.actions.associate("checkPlan", handlers.checkPlan);
  Office.actions.associate("highlightOverdue", handlers.highlightOverdue);
  Office.actions.associate("totalsByUnit", handlers.totalsByUnit);
  Office.actions.associate("clearHighlights", handlers.clearHighlights);
  // Tell office.js the page handles its start-up (Office.initialize's modern form); the pane waits on it too.
  if (typeof Office.onReady === "function") void Office.onReady().catch(() => undefined);
}

const signals = startupSignals();
if (!signals.legacy) {
  registerCommands();
  // The pane, after the commands are in place. (No document: a test loading this module.)
  if (typeof document !== "undefined") void import(/* webpackChunkName: "taskpane" */ "../taskpane/index");
}
