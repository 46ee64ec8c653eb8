/**
 * `npm run need-bands`: applies the need-band rule (need-bands.ts) to every state-funded school
 * against the families of the current FamilyRun, and stores the result.
 */
import { assessNeeds } from "./need-bands.js";
import { NEED_RULE_VERSION, type NeedBand } from "./support.rules.js";
import type { NeedBandRepository, StoredBand } from "./need-band.repository.js";
import type { NeedAssessment } from "./need-bands.js";

/** A school whose band a new computation changed, with what it rests on now. */
export interface NeedBandMove {
  urn: number;
  name: string | null;
  from: NeedBand;
  to: NeedBand;
  /** The stored reasons it had, and the reasons with points it has now. */
  was: string[];
  reasons: string[];
}

/** What a computation changed: bands before and after, and the schools that moved most. */
export interface NeedBandEffect {
  /** The rule versions the replaced bands came from. */
  fromRuleVersions: number[];
  before: Record<NeedBand, number>;
  after: Record<NeedBand, number>;
  /** Schools that gained or lost a band. */
  moved: number;
  /** The schools that moved most, half of them into more need and half out, biggest moves first. */
  movers: NeedBandMove[];
}

/** The effect of replacing `stored` by `assessments`; `top` movers, biggest moves first. */
export function needBandEffect(
  stored: readonly StoredBand[],
  assessments: readonly NeedAssessment[],
  top = 20,
): NeedBandEffect {
  const count = (bands: NeedBand[]) => {
    const counts: Record<NeedBand, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    for (const band of bands) counts[band] += 1;
    return counts;
  };
  const before = new Map(stored.map((s) => [s.urn, s]));
  const moves: NeedBandMove[] = [];
  for (const a of assessments) {
    const old = before.get(a.urn);
    if (!old || old.band === a.band) continue;
    moves.push({
      urn: a.urn,
      name: old.name,
      from: old.band,
      to: a.band,
      was: old.details,
      reasons: a.reasons.filter((r) => r.points > 0).map((r) => r.detail),
    });
  }
  moves.sort(
    (x, y) => Math.abs(y.to - y.from) - Math.abs(x.to - x.from) || x.to - y.to || x.urn - y.urn,
  );
  // The biggest moves each way, so both kinds are seen.
  const up = moves.filter((m) => m.to < m.from).slice(0, Math.ceil(top / 2));
  const down = moves.filter((m) => m.to > m.from).slice(0, Math.floor(top / 2));
  return {
    fromRuleVersions: [...new Set(stored.map((s) => s.ruleVersion ?? 0))].sort(),
    before: count(stored.map((s) => s.band)),
    after: count(assessments.map((a) => a.band)),
    moved: moves.length,
    movers: [...up, ...down],
  };
}

export type NeedBandOutcome =
  | { status: "NO_FAMILIES" }
  | { status: "UP_TO_DATE"; familyVersion: number; ruleVersion: number; schools: number }
  | {
      status: "COMPUTED";
      familyVersion: number;
      ruleVersion: number;
      schools: number;
      /** Schools in no family of the run, judged on Ofsted and disadvantage alone. */
      withoutFamily: number;
      bands: Record<NeedBand, number>;
      /** Against the bands it replaced; null when there were none. */
      effect: NeedBandEffect | null;
      durationMs: number;
    };

export async function computeNeedBands(
  repository: Pick<
    NeedBandRepository,
    "findCurrentFamilyVersion" | "countBands" | "findInputs" | "replaceBands" | "findStoredBands"
  >,
  options: { ifMissing: boolean },
): Promise<NeedBandOutcome> {
  const started = performance.now();
  const familyVersion = await repository.findCurrentFamilyVersion();
  if (familyVersion === null) return { status: "NO_FAMILIES" };
  if (options.ifMissing) {
    const schools = await repository.countBands(familyVersion, NEED_RULE_VERSION);
    if (schools > 0) {
      return { status: "UP_TO_DATE", familyVersion, ruleVersion: NEED_RULE_VERSION, schools };
    }
  }
  const inputs = await repository.findInputs(familyVersion);
  const assessments = assessNeeds(inputs);
  const stored = await repository.findStoredBands();
  await repository.replaceBands(assessments, familyVersion, NEED_RULE_VERSION);
  const bands: Record<NeedBand, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const assessment of assessments) bands[assessment.band] += 1;
  return {
    status: "COMPUTED",
    familyVersion,
    ruleVersion: NEED_RULE_VERSION,
    schools: assessments.length,
    withoutFamily: inputs.filter((input) => input.familyId === null).length,
    bands,
    effect: stored.length === 0 ? null : needBandEffect(stored, assessments),
    durationMs: performance.now() - started,
  };
}

const cell = (reasons: string[]) => reasons.join("; ").replace(/\|/g, "/") || "none";

/** The effect of a computation as Markdown: the distribution, then the movers with why. */
export function formatNeedBandEffect(effect: NeedBandEffect, ruleVersion: number): string {
  const before = `rule ${effect.fromRuleVersions.join(", ") || "?"}`;
  const rows = ([1, 2, 3, 4] as const).map(
    (band) => `| ${band} | ${effect.before[band]} | ${effect.after[band]} |`,
  );
  const total = (counts: Record<1 | 2 | 3 | 4, number>) => counts[1] + counts[2];
  const movers = effect.movers.map(
    (m) =>
      `| ${m.urn} | ${m.name ?? ""} | ${m.from} → ${m.to} | ${cell(m.was)} | ${cell(m.reasons)} |`,
  );
  return [
    `| band | before (${before}) | after (rule ${ruleVersion}) |`,
    "|---|---|---|",
    ...rows,
    `| 1-2 | ${total(effect.before)} | ${total(effect.after)} |`,
    "",
    `${effect.moved} schools changed band. Those that moved most:`,
    "",
    "| URN | school | band | why before | why now |",
    "|---|---|---|---|---|",
    ...movers,
    "",
  ].join("\n");
}
