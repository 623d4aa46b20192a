/**
 * One workbook action at a time in this page: the ribbon commands and the task pane share one runtime, and
 * two checks writing highlights and report sheets at once would interleave their Excel batches.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs work after everything queued before it has settled (whatever its outcome). */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The lock of this page. */
export const writeLock = new WriteLock();
