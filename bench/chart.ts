/**
 * A hand-written SVG chart of analyze time against rows, log-log: one line per layout, a dashed line for
 * linear growth from the smallest size, and the 100k-rows-in-about-1-s target.
 */

export interface ChartSeries {
  label: string;
  color: string;
  points: { rows: number; ms: number }[];
}

export interface ChartOptions {
  title: string;
  /** A target point drawn as a ring, e.g. 100k rows in 1000 ms. */
  target?: { rows: number; ms: number; label: string };
  width?: number;
  height?: number;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch);

const decadeLabel = (value: number, unit: "rows" | "ms"): string => {
  if (unit === "rows") return value >= 1000 ? `${value / 1000}k` : String(value);
  return value >= 1000 ? `${value / 1000} s` : `${value} ms`;
};

export function analyzeChartSvg(series: ChartSeries[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const margin = { left: 70, right: 160, top: 40, bottom: 50 };
  const all = series.flatMap((s) => s.points).filter((p) => p.rows > 0 && p.ms > 0);
  if (options.target) all.push({ rows: options.target.rows, ms: options.target.ms });
  if (all.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>\n`;

  const decades = (values: number[]) => {
    const lo = Math.floor(Math.log10(Math.min(...values)));
    const hi = Math.ceil(Math.log10(Math.max(...values)));
    return { lo, hi: hi > lo ? hi : lo + 1 };
  };
  const xd = decades(all.map((p) => p.rows));
  const smallest = Math.min(...all.map((p) => p.rows));
  const linearEnd = Math.max(...all.map((p) => p.rows));
  const linearStart = series.flatMap((s) => s.points).find((p) => p.rows === smallest);
  const yValues = all.map((p) => p.ms);
  if (linearStart) yValues.push((linearStart.ms * linearEnd) / linearStart.rows);
  const yd = decades(yValues);
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (rows: number) => margin.left + ((Math.log10(rows) - xd.lo) / (xd.hi - xd.lo)) * plotW;
  const y = (ms: number) => margin.top + plotH - ((Math.log10(ms) - yd.lo) / (yd.hi - yd.lo)) * plotH;
  const f = (n: number) => n.toFixed(1);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="22" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
  );
  for (let d = xd.lo; d <= xd.hi; d++) {
    const value = 10 ** d;
    parts.push(
      `<line x1="${f(x(value))}" y1="${margin.top}" x2="${f(x(value))}" y2="${margin.top + plotH}" stroke="#e0e0e0"/>`,
      `<text x="${f(x(value))}" y="${margin.top + plotH + 18}" text-anchor="middle">${decadeLabel(value, "rows")}</text>`,
    );
  }
  for (let d = yd.lo; d <= yd.hi; d++) {
    const value = 10 ** d;
    parts.push(
      `<line x1="${margin.left}" y1="${f(y(value))}" x2="${margin.left + plotW}" y2="${f(y(value))}" stroke="#e0e0e0"/>`,
      `<text x="${margin.left - 8}" y="${f(y(value) + 4)}" text-anchor="end">${decadeLabel(value, "ms")}</text>`,
    );
  }
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 12}" text-anchor="middle">rows (log)</text>`,
    `<text x="16" y="${margin.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${margin.top + plotH / 2})">median time (log)</text>`,
  );

  let legendY = margin.top + 10;
  const legend = (draw: string, label: string) => {
    parts.push(draw.replace(/LX/g, String(margin.left + plotW + 14)).replace(/LY/g, String(legendY)));
    parts.push(`<text x="${margin.left + plotW + 44}" y="${legendY + 4}">${escapeXml(label)}</text>`);
    legendY += 20;
  };

  if (linearStart && linearEnd > smallest) {
    const endMs = (linearStart.ms * linearEnd) / linearStart.rows;
    parts.push(
      `<line x1="${f(x(smallest))}" y1="${f(y(linearStart.ms))}" x2="${f(x(linearEnd))}" y2="${f(y(endMs))}" stroke="#999" stroke-dasharray="5 4"/>`,
    );
    legend(
      `<line x1="LX" y1="LY" x2="${margin.left + plotW + 38}" y2="LY" stroke="#999" stroke-dasharray="5 4"/>`,
      `linear from ${decadeLabel(smallest, "rows")}`,
    );
  }
  for (const s of series) {
    const points = s.points.filter((p) => p.rows > 0 && p.ms > 0).sort((a, b) => a.rows - b.rows);
    if (points.length === 0) continue;
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.map((p) => `${f(x(p.rows))},${f(y(p.ms))}`).join(" ")}"/>`,
    );
    for (const p of points) parts.push(`<circle cx="${f(x(p.rows))}" cy="${f(y(p.ms))}" r="3.5" fill="${s.color}"/>`);
    legend(
      `<line x1="LX" y1="LY" x2="${margin.left + plotW + 38}" y2="LY" stroke="${s.color}" stroke-width="2"/>`,
      s.label,
    );
  }
  if (options.target) {
    const { rows, ms, label } = options.target;
    parts.push(`<circle cx="${f(x(rows))}" cy="${f(y(ms))}" r="7" fill="none" stroke="#c00000" stroke-width="1.5"/>`);
    legend(
      `<circle cx="${margin.left + plotW + 26}" cy="LY" r="6" fill="none" stroke="#c00000" stroke-width="1.5"/>`,
      label,
    );
  }
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
