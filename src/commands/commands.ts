/**
 * Ribbon commands (shared runtime): loaded by taskpane.html next to the task pane, so both share the one
 * result store. Each manifest FunctionName is associated here under the identical name; the handlers
 * themselves live in handlers.ts. Without Office (a browser tab, standalone mode) nothing is registered.
 */
import { lazyPort } from "../app/lazyPort";
import { resultStore } from "../app/resultStore";
import { pageAnalysis } from "../worker/pageAnalysis";
import { createCommandHandlers } from "./handlers";

function registerCommands(): void {
  if (typeof Office === "undefined" || !Office.actions || typeof Office.actions.associate !== "function") return;
  const handlers = createCommandHandlers({
    // The Excel adapter (and the core behind it) is loaded on the first click, as a lazy chunk.
    createPort: () =>
      lazyPort(() =>
        import(/* webpackChunkName: "engine" */ "../excel/excelWorkbook").then((m) => m.ExcelWorkbook.forOffice()),
      ),
    store: resultStore,
    analysis: pageAnalysis(),
    showTaskpane: () => Office.addin.showAsTaskpane(),
  });
  Office.actions.associate("checkPlan", handlers.checkPlan);
  Office.actions.associate("highlightOverdue", handlers.highlightOverdue);
  Office.actions.associate("totalsByUnit", handlers.totalsByUnit);
  Office.actions.associate("clearHighlights", handlers.clearHighlights);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => registerCommands());
}
