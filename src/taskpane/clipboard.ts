/**
 * Copying the circular. The async Clipboard API is used where the page may write to the clipboard; in Excel
 * on the web the task pane's iframe may not (office-js#1991), so we fall back, synchronously inside the click
 * handler, to a selected textarea and document.execCommand("copy"), with a copy listener that also puts the
 * HTML table on the clipboard. Call copyToClipboard directly from the click handler, never after an await.
 */

export interface ClipboardPayload {
  /** Plain text (the summary, or the table as tab-separated text). */
  text: string;
  /** HTML (the table, for Word), optional. */
  html?: string;
}

/** How the text reached the clipboard, or that it did not. */
export type CopyOutcome = "clipboard" | "fallback" | "failed";

interface PermissionsPolicyLike {
  allowsFeature?: (feature: string) => boolean;
}

export interface ClipboardEnv {
  document: Document;
  clipboard?: Pick<Clipboard, "writeText" | "write">;
  ClipboardItem?: typeof ClipboardItem;
  secure: boolean;
}

export function browserClipboardEnv(): ClipboardEnv {
  return {
    document,
    clipboard: typeof navigator !== "undefined" ? navigator.clipboard : undefined,
    ClipboardItem: typeof ClipboardItem !== "undefined" ? ClipboardItem : undefined,
    secure: typeof window !== "undefined" && window.isSecureContext === true,
  };
}

/** Whether the async Clipboard API may be tried here (decided synchronously, before any await). */
function asyncClipboardUsable(payload: ClipboardPayload, env: ClipboardEnv): boolean {
  const clipboard = env.clipboard;
  if (!clipboard || !env.secure) return false;
  if (payload.html !== undefined && (!env.ClipboardItem || typeof clipboard.write !== "function")) return false;
  if (payload.html === undefined && typeof clipboard.writeText !== "function") return false;
  const holder = env.document as Document & {
    permissionsPolicy?: PermissionsPolicyLike;
    featurePolicy?: PermissionsPolicyLike;
  };
  const policy = holder.permissionsPolicy ?? holder.featurePolicy;
  if (policy?.allowsFeature && !policy.allowsFeature("clipboard-write")) return false;
  return true;
}

/** The fallback: select a textarea holding the text and run execCommand("copy"). True when the browser copied. */
export function fallbackCopy(payload: ClipboardPayload, doc: Document): boolean {
  const textarea = doc.createElement("textarea");
  textarea.value = payload.text;
  textarea.setAttribute("readonly", "");
  textarea.setAttribute("aria-hidden", "true");
  Object.assign(textarea.style, { position: "fixed", top: "0", left: "-9999px", opacity: "0" });
  const onCopy = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return;
    event.clipboardData.setData("text/plain", payload.text);
    if (payload.html !== undefined) event.clipboardData.setData("text/html", payload.html);
    event.preventDefault();
  };
  const previousFocus = doc.activeElement as HTMLElement | null;
  doc.body.appendChild(textarea);
  doc.addEventListener("copy", onCopy);
  try {
    textarea.focus();
    textarea.select();
    return typeof doc.execCommand === "function" && doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    doc.removeEventListener("copy", onCopy);
    textarea.remove();
    previousFocus?.focus?.();
  }
}

/** Copy text (and HTML when given). Call it from the click handler itself. */
export function copyToClipboard(
  payload: ClipboardPayload,
  env: ClipboardEnv = browserClipboardEnv(),
): Promise<CopyOutcome> {
  const fallback = (): CopyOutcome => (fallbackCopy(payload, env.document) ? "fallback" : "failed");
  if (!asyncClipboardUsable(payload, env)) return Promise.resolve(fallback());
  const clipboard = env.clipboard as Pick<Clipboard, "writeText" | "write">;
  let attempt: Promise<void>;
  try {
    attempt =
      payload.html !== undefined && env.ClipboardItem
        ? clipboard.write([
            new env.ClipboardItem({
              "text/html": new Blob([payload.html], { type: "text/html" }),
              "text/plain": new Blob([payload.text], { type: "text/plain" }),
            }),
          ])
        : clipboard.writeText(payload.text);
  } catch {
    return Promise.resolve(fallback());
  }
  return attempt.then(
    (): CopyOutcome => "clipboard",
    (): CopyOutcome => fallback(),
  );
}
