/** Saving a Blob as a file from the browser: an object URL on a temporary download link. */
import type { AnnotatedCopy } from "./host";

export function saveFile(copy: AnnotatedCopy): void {
  const url = URL.createObjectURL(copy.data);
  const link = document.createElement("a");
  link.href = url;
  link.download = copy.fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "plan.xlsx" -> "plan" (the name the annotated copy is built from). */
export function baseName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, "") || fileName;
}
