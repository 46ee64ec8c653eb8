import { countByReason, formatRejection } from "./rejections.js";
import type { SeedSummary } from "./run.js";

const SHOWN_REJECTIONS = 50;

function table(rows: [string, number][]): string[] {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return rows.map(
    ([name, count]) => `  ${name.padEnd(width)}  ${count.toLocaleString("en-GB").padStart(8)}`,
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** The end-of-import report: what the graph holds, what was left out and why. */
export function formatSummary(summary: SeedSummary): string {
  const lines: string[] = [];
  const { counts, timings } = summary;
  lines.push("Nodes by label:", ...table(Object.entries(counts.nodes)));
  lines.push("Relationships by type:", ...table(Object.entries(counts.relationships)));
  if (!summary.loaded) return lines.join("\n");

  if (summary.skipped.length > 0) {
    lines.push("Skipped (not school data, or out of scope):", ...table(summary.skipped));
  }
  const rejected = summary.rejections.length;
  lines.push(`Rejected rows: ${rejected}`);
  if (rejected > 0) {
    lines.push(...table(countByReason(summary.rejections)));
    lines.push(
      ...summary.rejections.slice(0, SHOWN_REJECTIONS).map((r) => `  ${formatRejection(r)}`),
    );
    if (rejected > SHOWN_REJECTIONS) lines.push(`  ... and ${rejected - SHOWN_REJECTIONS} more`);
    if (summary.rejectionLog) lines.push(`All rejections: ${summary.rejectionLog}`);
  }
  const phases = [
    ["read and join", timings.parseMs],
    ["write", timings.writeMs],
    ["GIAS", timings.giasMs],
    ["system leaders", timings.systemLeadersMs],
  ] as const;
  const parts = phases.filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${seconds(ms)}`);
  lines.push(`Time: ${seconds(timings.totalMs)} (${parts.join(", ")})`);
  return lines.join("\n");
}
