/**
 * The Office side of the add-in around the Excel double: the `Office` global the shared runtime gives the page
 * (onReady, actions.associate, addin.showAsTaskpane / onVisibilityModeChanged, context) and the ribbon.
 * Faithful to what real Office does, and stricter where unsure (../../../../shared/officejs-notes.md):
 * - First click. Office delivers a ribbon click as soon as it has initialised the runtime (`initialize()`):
 *   a function associated only later (inside Office.onReady, after the pane's bundle) misses it — the click
 *   is lost (office-js#5176).
 * - Queued clicks. A second click on a command is delivered only after the first one's event.completed():
 *   a double click runs the command twice, back to back, never overlapping.
 * - showAsTaskpane while the pane is already visible, or while an earlier call has not finished, is counted
 *   as redundant (on the web it can break the ribbon, office-js#3224).
 * - A clock the tests move (`clock.advance(ms)`): nothing waits for real time.
 */
import type { ExcelDouble } from "./excelDouble";

export type RibbonEvent = { completed(): void; source?: { id: string } };
type Handler = (event: RibbonEvent) => unknown;
type VisibilityHandler = (args: { visibilityMode: "Taskpane" | "Hidden" }) => void;

export type ClickOutcome = "completed" | "lost";

export interface OfficeRuntimeOptions {
  /** The task pane is open when the runtime starts (the user opened it), default false. */
  paneVisible?: boolean;
  /** The host Office.onReady reports, default "Excel". */
  host?: string;
}

export class OfficeRuntimeDouble {
  private time = 0;
  readonly clock = {
    now: (): number => this.time,
    advance: (ms: number): void => {
      this.time += ms;
    },
  };
  private readonly associated = new Map<string, Handler>();
  private initialized = false;
  private readonly readyWaiters: (() => void)[] = [];
  private readonly pendingClicks: (() => void)[] = [];
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly visibilityHandlers: VisibilityHandler[] = [];
  private showing = false;
  paneVisible: boolean;
  /** Clicks Office delivered, in order, with the clock's time. */
  readonly delivered: { name: string; at: number }[] = [];
  /** Clicks no function was associated for when Office delivered them. */
  readonly lost: string[] = [];
  showCalls = 0;
  /** showAsTaskpane calls made while the pane was visible or already being shown. */
  redundantShows = 0;
  readonly office: Record<string, unknown>;

  constructor(
    readonly excel: ExcelDouble,
    options: OfficeRuntimeOptions = {},
  ) {
    this.paneVisible = options.paneVisible ?? false;
    const host = options.host ?? "Excel";
    this.office = {
      HostType: { Excel: "Excel", Word: "Word" },
      onReady: (callback?: (info: { host: string; platform: string }) => void) =>
        new Promise((resolve) => {
          const done = () => {
            const info = { host, platform: "OfficeOnline" };
            callback?.(info);
            resolve(info);
          };
          if (this.initialized) queueMicrotask(done);
          else this.readyWaiters.push(done);
        }),
      actions: {
        associate: (name: string, handler: Handler) => {
          this.associated.set(name, handler);
        },
      },
      addin: {
        showAsTaskpane: () => this.showAsTaskpane(),
        hide: async () => this.setVisible(false),
        onVisibilityModeChanged: async (handler: VisibilityHandler) => {
          this.visibilityHandlers.push(handler);
          return async () => {
            const at = this.visibilityHandlers.indexOf(handler);
            if (at >= 0) this.visibilityHandlers.splice(at, 1);
          };
        },
      },
      context: excel.office.context,
    };
  }

  /**
   * Office has loaded office.js and talked to the host. The clicks that started the runtime are delivered
   * now, at once — a function not associated yet misses its click — and only then Office.onReady resolves
   * (its callbacks run after).
   */
  initialize(): void {
    this.initialized = true;
    for (const deliverNow of this.pendingClicks.splice(0)) deliverNow();
    for (const done of this.readyWaiters.splice(0)) queueMicrotask(done);
  }

  /**
   * A click on the ribbon button whose FunctionName is `name`. Before initialize() it waits for the runtime
   * (that click is what starts it); after, it is delivered when the previous click of the same command has
   * completed. Resolves when this one completes (or is lost).
   */
  click(name: string): Promise<ClickOutcome> {
    if (!this.initialized) {
      const run = new Promise<ClickOutcome>((resolve) =>
        this.pendingClicks.push(() => void this.deliver(name).then(resolve)),
      );
      this.queues.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    }
    const previous = this.queues.get(name) ?? Promise.resolve();
    const run = previous.then(() => this.deliver(name));
    this.queues.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  }

  private deliver(name: string): Promise<ClickOutcome> {
    const handler = this.associated.get(name);
    if (!this.initialized || !handler) {
      this.lost.push(name);
      return Promise.resolve("lost");
    }
    this.delivered.push({ name, at: this.time });
    return new Promise<ClickOutcome>((resolve) => {
      let done = false;
      const event: RibbonEvent = {
        source: { id: name },
        completed: () => {
          if (done) throw new Error(`event.completed() called twice for ${name}`);
          done = true;
          resolve("completed");
        },
      };
      void handler(event);
    });
  }

  /** The user closes the task pane. */
  closePane(): void {
    this.setVisible(false);
  }

  private async showAsTaskpane(): Promise<void> {
    this.showCalls++;
    if (this.paneVisible || this.showing) this.redundantShows++;
    this.showing = true;
    await Promise.resolve();
    this.showing = false;
    this.setVisible(true);
  }

  private setVisible(visible: boolean): void {
    if (this.paneVisible === visible) return;
    this.paneVisible = visible;
    for (const handler of [...this.visibilityHandlers]) handler({ visibilityMode: visible ? "Taskpane" : "Hidden" });
  }
}
