import { decide } from "../../auth/policy.js";
import type { Principal } from "../../auth/principal.js";
import { NotFoundError, ValidationError } from "../../errors/index.js";
import type {
  Contribution,
  RecognisedLeaderRecord,
  RecognitionData,
  SupportRecognitionRecord,
  YearPair,
} from "./recognition.model.js";
import {
  RULE_DESCRIPTION,
  RULE_VERSION,
  outcomeYears,
  recognise,
  withholdSchool,
  yearPairKey,
} from "./recognition.rules.js";
import { checkWholeNumber } from "../common/checks.js";

export const DEFAULT_FIRST = 10;
export const MAX_FIRST = 50;
const REGION_CODE = /^E12\d{6}$/;

/** What the service reads; RecognitionRepository in production, plain objects in unit tests. */
export interface RecognitionStore {
  engagements(regionCode: string | null): Promise<RecognitionData>;
  nationalChanges(pairs: readonly YearPair[]): Promise<Map<string, number>>;
}

/** Today as an ISO date (UTC), the day open engagements are counted to. */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

/**
 * A leader's contributions as `principal` may see them. The ranking and points are public (an
 * award is), but which school was supported reveals its weakness: it is shown only to callers
 * who may read the engagement (readSupportEngagement), and withheld from the rest. Withholding
 * leaves points alone, so every caller gets the same order and the same sum.
 */
export function contributionsFor(
  principal: Principal,
  leader: RecognisedLeaderRecord,
): Contribution[] {
  return leader.contributions.map((contribution) =>
    decide(principal, "readSupportEngagement", {
      urns: contribution.urn === null ? [] : [contribution.urn],
      regionCodes: [contribution.regionCode],
      systemLeaderId: leader.systemLeaderId,
    }).allowed
      ? contribution
      : withholdSchool(contribution),
  );
}

/** Recognition of leaders, and the schools they work from, for support given where need is greatest. */
export class RecognitionService {
  constructor(
    private readonly store: RecognitionStore,
    private readonly principal: Principal,
    private readonly today: () => string = utcToday,
  ) {}

  /** Ranks leaders and schools under recognition.rules.ts; see RULE_DESCRIPTION. */
  async supportRecognition(
    regionCode: string | null | undefined,
    first: number | null | undefined,
  ): Promise<SupportRecognitionRecord> {
    const size = checkWholeNumber(first ?? DEFAULT_FIRST, 1, MAX_FIRST, "first");
    const region = regionCode ?? null;
    if (region !== null && !REGION_CODE.test(region)) {
      throw new ValidationError(
        `\`regionCode\` must be an ONS region code such as E12000009 (got "${region.slice(0, 20)}").`,
        "regionCode",
      );
    }
    const data = await this.store.engagements(region);
    if (region !== null && !data.regionKnown) {
      throw new NotFoundError(
        `No region ${region}: \`regionCode\` must be one of E12000001 to E12000009.`,
        "regionCode",
      );
    }
    const today = this.today();
    const pairs = new Map<string, YearPair>();
    for (const engagement of data.engagements) {
      const years = outcomeYears(engagement, today);
      if (years !== null) pairs.set(yearPairKey(years), years);
    }
    const nationalChanges = await this.store.nationalChanges([...pairs.values()]);
    const result = recognise(data.engagements, nationalChanges, today, size);
    const scope = region === null ? "England" : `${data.regionName ?? region} (${region})`;
    return {
      rule: { version: RULE_VERSION, description: RULE_DESCRIPTION },
      regionCode: region,
      leaders: result.leaders.map((leader) => ({
        ...leader,
        contributions: contributionsFor(this.principal, leader),
      })),
      schools: result.schools,
      engagementsConsidered: result.engagementsConsidered,
      engagementsCounted: result.engagementsCounted,
      note: noteOf(result, scope),
    };
  }
}

function noteOf(result: ReturnType<typeof recognise>, scope: string): string | null {
  if (result.engagementsConsidered === 0) {
    return `No support engagements are recorded for schools in ${scope} yet, so no one is recognised; they are recorded with recordSupportEngagement.`;
  }
  if (result.engagementsCounted === 0) {
    return `None of the ${result.engagementsConsidered} support engagements for schools in ${scope} meets the rule (a school in need band 1 or 2 in a disadvantaged area, supported for at least a month), so no one is recognised.`;
  }
  return result.outcomesMeasured > 0
    ? null
    : "No counted engagement has KS2 results both before and after it yet, so every outcome factor shown is 1.";
}
