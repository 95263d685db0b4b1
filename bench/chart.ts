// A small SVG bar chart for bench/results.md: throughput and p99 latency of the HTTP cases side
// by side, so the ratios in the table can be seen at a glance. No chart library: two panels of
// labelled horizontal bars are a few dozen lines of SVG.

export interface ChartBar {
  readonly label: string;
  /** Requests per second. */
  readonly perSecond: number;
  /** Worst p99 latency of the measured rounds, in milliseconds. */
  readonly p99Ms: number;
}

const WIDTH = 760;
const ROW = 26;
const LABEL = 300;
const PANEL = (WIDTH - LABEL - 40) / 2;
const TITLE = "Requests per second and p99 latency of each HTTP case of the benchmark";
const COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"];

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function panel(bars: readonly ChartBar[], x: number, title: string, value: (bar: ChartBar) => number, unit: string): string {
  const max = Math.max(...bars.map(value), 1);
  const parts = [`<text x="${x}" y="18" font-weight="bold">${escapeXml(title)}</text>`];
  bars.forEach((bar, i) => {
    const y = 30 + i * ROW;
    const width = Math.max(1, (value(bar) / max) * (PANEL - 70));
    const shown = value(bar) >= 100 ? Math.round(value(bar)).toLocaleString("en-US") : value(bar).toFixed(1);
    parts.push(
      `<rect x="${x}" y="${y}" width="${width.toFixed(1)}" height="${ROW - 8}" fill="${COLOURS[i % COLOURS.length]}"/>`,
      `<text x="${(x + width + 4).toFixed(1)}" y="${y + ROW - 12}">${shown} ${unit}</text>`,
    );
  });
  return parts.join("\n");
}

/** The chart as a standalone SVG document. */
export function renderChart(bars: readonly ChartBar[]): string {
  const height = 40 + bars.length * ROW;
  const labels = bars.map(
    (bar, i) => `<text x="${LABEL - 8}" y="${30 + i * ROW + ROW - 12}" text-anchor="end">${escapeXml(bar.label)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="title">`,
    `<title id="title">${escapeXml(TITLE)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...labels,
    panel(bars, LABEL, "requests/s (more is better)", (bar) => bar.perSecond, "/s"),
    panel(bars, LABEL + PANEL + 30, "p99 latency (less is better)", (bar) => bar.p99Ms, "ms"),
    "</svg>",
    "",
  ].join("\n");
}
