/** What the scale benchmark records for one scale, in bench/recorded/scale-<date>.json. */
import type { LoadSummary } from "../support.js";

export type ScenarioFigures = LoadSummary;

export interface ScaleFigures {
  scale: number;
  schools: number;
  /** Milliseconds to import k× England from its parts; null when a part was not measured. */
  importMs: number | null;
  importParts: {
    realSeedMs: number | null;
    readMs: number | null;
    copiesMs: (number | null)[];
    systemLeadersMs: number | null;
    searchFieldsMs: number | null;
  };
  families: {
    readMs: number;
    computeMs: number;
    writeMs: number;
    totalMs: number;
    families: number;
  } | null;
  needBandsMs: number | null;
  /** Reading the inputs and stored bands, computing, and writing the bands. */
  needBandParts?: { readMs: number; computeMs: number; writeMs: number };
  index: { readMs: number; buildMs: number; serverMs: number | null; schools: number } | null;
  /** The first request after start-up, which waits for the index or builds the gap snapshot. */
  firstRequestMs?: Record<string, number>;
  /** Each key's first ask, one at a time, before the timed runs (which find it remembered). */
  firstAskPerKey?: Record<string, { p50: number; p95: number }>;
  queries: Partial<
    Record<
      "floor" | "similarSchools" | "partnerSuggestions" | "supportGaps" | "mix",
      ScenarioFigures
    >
  >;
  memory: { warmMiB: number; afterMiB: number; peakMiB: number } | null;
  nodeOptions: string;
  notes: string[];
}
