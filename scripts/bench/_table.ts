// internal: the benchmark table, as Markdown (for the README) that reads well in a terminal.
import type { Row } from "./_kit.js";

const HEADER = ["measure", "twilio-testkit", "compared with, detail", "figure", "target", "result"] as const;

/** The rows as a Markdown table with aligned columns, one line per row. */
export function formatTable(rows: readonly Row[]): string {
  const cells = [
    HEADER as readonly string[],
    ...rows.map((r) => [r.measure, r.kit, r.baseline, r.figure, r.target, r.pass ? "PASS" : "MISSED"]),
  ];
  const widths = HEADER.map((_, col) => Math.max(...cells.map((line) => line[col]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((v, col) => v.padEnd(widths[col]!)).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join(
    "\n",
  );
}
