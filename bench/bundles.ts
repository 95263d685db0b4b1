// The browser bundles of @webcallback/client (min+gzip), against their budgets.
import { BUNDLES, minGzipBytes } from "../test/support/bundle-size.ts";
import { formatNumber, table } from "./measure.ts";

export async function benchBundles(): Promise<string> {
  const rows: string[][] = [];
  for (const { entry, source, budget } of BUNDLES) {
    const bytes = await minGzipBytes(source);
    rows.push([entry, formatNumber(bytes), `≤ ${formatNumber(budget)}: ${bytes <= budget ? "met" : "**missed**"}`]);
  }
  return `### Browser bundles (esbuild, minified, gzip level 9; 1 kB = 1000 bytes)\n\n${table(["entry", "bytes", "budget"], rows)}`;
}
