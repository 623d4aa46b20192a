/**
 * The ribbon's four commands (ExecuteFunction, shared runtime), independent of Office so tests drive them:
 * each runs its use case from src/app/actions.ts on a fresh WorkbookPort, publishes running / result /
 * error to the result store (source "ribbon") for the task pane to show, and always calls
 * event.completed(). Office queues clicks: a second click of a command arrives only after the first one
 * completed, so a double click would run it twice back to back. A repeat of the same command within
 * REPEAT_WINDOW_MS of it finishing is dropped (completed at once, nothing run); a click arriving while it still
 * runs joins it. A different command waits for the running one to finish, so two never write at once.
 */
import type { ActionResult } from "../app/actions";
import type { Analyzer, CheckOptions } from "../app/check";
import { toUserError } from "../app/errors";
import type { WorkbookPort } from "../app/port";
import type { ResultStore } from "../app/resultStore";
import { writeLock, type WriteLock } from "../app/writeLock";
import type { ProgressListener } from "../app/progress";
import { isCancelled } from "../worker/protocol";

/** The FunctionName of each ribbon button in manifest.xml. */
export const COMMAND_NAMES = ["checkPlan", "highlightOverdue", "totalsByUnit", "clearHighlights"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Office.AddinCommands.Event, as far as we use it. */
export interface CommandEvent {
  completed(): void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

export interface CommandDeps {
  /** A port on the open workbook (one per run: each run re-reads the workbook). */
  createPort(): WorkbookPort;
  store: ResultStore;
  /** Office.addin.showAsTaskpane(), skipped when the pane is up (see paneVisibility.ts). */
  showTaskpane(): Promise<void> | void;
  /** The clock (ms), injected so tests need no real waiting; default Date.now. */
  now?(): number;
  /** Options of the use cases (default: none; the workbook's settings apply). */
  options?(): CheckOptions;
  /** Shared with the task pane, so a ribbon click waits for a check the pane started (default: the page's). */
  lock?: WriteLock;
  /** The page's analysis worker, shared with the task pane (default: the core runs in the page). A ribbon
   * command that analyses cancels an analysis still running: the newest check wins. */
  analysis?: { analyzer(onProgress?: ProgressListener): Analyzer; cancel(): void };
}

/** The use cases pull in the whole analysis core: loaded on the first click, as the pane does, so the
 * page's initial JavaScript stays light. */
const actions = () => import(/* webpackChunkName: "engine" */ "../app/actions");

type Action = (port: WorkbookPort, options: CheckOptions, analyzer?: Analyzer) => Promise<ActionResult>;

const ACTIONS: Record<CommandName, Action> = {
  checkPlan: async (port, options, analyzer) => (await actions()).checkPlan(port, options, analyzer),
  highlightOverdue: async (port, options, analyzer) => (await actions()).highlightOverdue(port, options, analyzer),
  totalsByUnit: async (port, options, analyzer) => (await actions()).totalsByUnit(port, options, analyzer),
  clearHighlights: async (port) => (await actions()).clearOwnedHighlights(port),
};

/** A repeat of the same command this soon after it finished is taken for a double click and dropped. */
export const REPEAT_WINDOW_MS = 2_000;

async function showQuietly(show: () => Promise<void> | void): Promise<void> {
  try {
    await show();
  } catch {
    // No task pane to show (older Office without the shared runtime): the store still holds the result.
  }
}

export function createCommandHandlers(deps: CommandDeps): Record<CommandName, CommandHandler> {
  const inFlight = new Map<CommandName, Promise<void>>();
  const finishedAt = new Map<CommandName, number>();
  const lock = deps.lock ?? writeLock;
  const now = deps.now ?? Date.now;

  /** Run one command to the end; never throws (its error goes to the store). */
  async function execute(name: CommandName): Promise<void> {
    // Check opens the pane at once, so the user sees it working and then its result.
    if (name === "checkPlan") await showQuietly(deps.showTaskpane);
    deps.store.set({ running: true, error: null, progress: null, source: "ribbon" });
    const onProgress: ProgressListener = (progress) => deps.store.set({ progress });
    try {
      const options = deps.options?.() ?? {};
      const analyzer = name === "clearHighlights" ? undefined : deps.analysis?.analyzer(onProgress);
      const result = await ACTIONS[name](deps.createPort(), options, analyzer);
      deps.store.set({ running: false, progress: null, result, error: null, source: "ribbon" });
    } catch (error) {
      // Cancelled by a newer check: that one reports.
      if (isCancelled(error)) {
        deps.store.set({ running: false, progress: null });
        return;
      }
      deps.store.set({ running: false, progress: null, error: toUserError(error), source: "ribbon" });
      // A ribbon button has no place for a message: the pane shows it.
      if (name !== "checkPlan") await showQuietly(deps.showTaskpane);
    }
  }

  function handler(name: CommandName): CommandHandler {
    return async (event) => {
      try {
        let run = inFlight.get(name);
        const last = finishedAt.get(name);
        if (!run && last !== undefined && now() - last < REPEAT_WINDOW_MS) return; // a double click
        // A new check replaces one still analysing (the pane's or another command's).
        if (!run && name !== "clearHighlights") deps.analysis?.cancel();
        if (!run) {
          run = lock.run(() => execute(name));
          const settled = run.finally(() => {
            finishedAt.set(name, now());
            if (inFlight.get(name) === settled) inFlight.delete(name);
          });
          inFlight.set(name, settled);
          run = settled;
        }
        await run;
      } catch {
        // execute() reports its own errors; nothing may stop completed() below.
      } finally {
        event.completed();
      }
    };
  }

  return {
    checkPlan: handler("checkPlan"),
    highlightOverdue: handler("highlightOverdue"),
    totalsByUnit: handler("totalsByUnit"),
    clearHighlights: handler("clearHighlights"),
  };
}
