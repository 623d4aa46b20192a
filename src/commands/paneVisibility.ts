/**
 * Showing the task pane from a ribbon command at most once at a time: Office.addin.showAsTaskpane() is skipped
 * while the pane is visible (known from Office.addin.onVisibilityModeChanged) or while an earlier call has not
 * finished — repeated calls before the pane is up can break the ribbon in Excel on the web (office-js#3224).
 * Until Office says otherwise the pane counts as hidden, so the first command that needs it shows it.
 */

/** Office.addin, as far as we use it. */
export interface AddinLike {
  showAsTaskpane(): Promise<void> | void;
  onVisibilityModeChanged?(handler: (args: { visibilityMode: string }) => void): Promise<unknown> | unknown;
}

export interface PaneShower {
  /** Bring the pane up unless it is up (or coming up). Never throws. */
  show(): Promise<void>;
  /** What the shower believes (for tests and the pane). */
  visible(): boolean;
}

export function paneShower(addin: AddinLike): PaneShower {
  let visible = false;
  let showing: Promise<void> | null = null;
  try {
    void Promise.resolve(
      addin.onVisibilityModeChanged?.((args) => {
        visible = args.visibilityMode === "Taskpane";
      }),
    ).catch(() => undefined);
  } catch {
    // Older Office without the event: every command that needs the pane asks for it.
  }
  return {
    show() {
      if (visible) return Promise.resolve();
      showing ??= (async () => {
        try {
          await addin.showAsTaskpane();
          visible = true;
        } catch {
          // No task pane to show (older Office without the shared runtime): the store still holds the result.
        } finally {
          showing = null;
        }
      })();
      return showing;
    },
    visible: () => visible,
  };
}
