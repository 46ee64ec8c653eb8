/**
 * `npm run need-bands`: applies the need-band rule (need-bands.ts) to every state-funded school
 * against the families of the current FamilyRun, and stores the result.
 */
import { assessNeeds, NEED_RULE_VERSION, type NeedBand } from "./need-bands.js";
import type { NeedBandRepository } from "./need-band.repository.js";

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
      durationMs: number;
    };

export async function computeNeedBands(
  repository: Pick<
    NeedBandRepository,
    "findCurrentFamilyVersion" | "countBands" | "findInputs" | "replaceBands"
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
  await repository.replaceBands(assessments, familyVersion, NEED_RULE_VERSION);
  const bands: Record<NeedBand, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const assessment of assessments) bands[assessment.band] += 1;
  return {
    status: "COMPUTED",
    familyVersion,
    ruleVersion: NEED_RULE_VERSION,
    schools: assessments.length,
    withoutFamily: inputs.filter((input) => input.familyMedians === null).length,
    bands,
    durationMs: performance.now() - started,
  };
}
