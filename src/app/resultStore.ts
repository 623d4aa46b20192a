/**
 * The last action result, shared by the ribbon commands and the task pane (shared runtime: one JS context).
 * Plain TypeScript: a value and listeners.
 */
import type { ActionResult } from "./actions";
import type { UserError } from "./errors";
import type { CheckProgress } from "./progress";

export interface ResultState {
  running: boolean;
  result: ActionResult | null;
  error: UserError | null;
  /** Where the last result came from. */
  source: "ribbon" | "taskpane" | null;
  /** While running: how far (reading, analysing with a share done); null when not known. */
  progress?: CheckProgress | null;
}

type Listener = (state: ResultState) => void;

export class ResultStore {
  private state: ResultState = { running: false, result: null, error: null, source: null };
  private listeners = new Set<Listener>();

  get(): ResultState {
    return this.state;
  }

  set(patch: Partial<ResultState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The one store of this page (task pane and ribbon commands share it). */
export const resultStore = new ResultStore();
