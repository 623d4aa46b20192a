/** Small numeric and formatting helpers for the benchmark tables. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * How much the time grows when the size grows tenfold, from two measurements: 10 means linear,
 * 100 quadratic. (t2 / t1) ^ (1 / log10(n2 / n1)).
 */
export function growthPer10x(rows1: number, ms1: number, rows2: number, ms2: number): number {
  if (!(rows1 > 0 && rows2 > rows1 && ms1 > 0 && ms2 > 0)) return NaN;
  return Math.pow(ms2 / ms1, 1 / Math.log10(rows2 / rows1));
}

export const formatMs = (ms: number): string =>
  !Number.isFinite(ms)
    ? "–"
    : ms >= 10_000
      ? `${(ms / 1000).toFixed(1)} s`
      : ms >= 100
        ? `${Math.round(ms)} ms`
        : `${ms.toFixed(1)} ms`;

export const formatCount = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");

/** 1k, 10k, 100k. */
export const formatRows = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "–";
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

export const formatRatio = (ratio: number): string =>
  !Number.isFinite(ratio) ? "–" : ratio >= 100 ? `${formatCount(ratio)}x` : `${ratio.toFixed(ratio >= 10 ? 1 : 2)}x`;

/** A Markdown table; numbers right-aligned when the column says so. */
export function markdownTable(header: string[], rows: string[][], rightAligned: boolean[] = []): string {
  const align = header.map((_, i) => (rightAligned[i] ? "---:" : "---"));
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), `|${align.join("|")}|`, ...rows.map(line)].join("\n");
}

/** The same table for a terminal, columns padded (CJK counted as two columns). */
export function textTable(header: string[], rows: string[][]): string {
  const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
  const widths = header.map((_, i) => Math.max(width(header[i]), ...rows.map((row) => width(row[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell + " ".repeat(Math.max(0, widths[i] - width(cell))))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
