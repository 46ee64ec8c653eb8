import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import type { OutcomeFeature } from "../similarity/features.js";
import type { SupportTopic } from "../offers/offer.model.js";
import { SupportTopicEnum } from "../offers/offer.types.js";
import { OutcomeFeatureEnum } from "../similarity/similarity.types.js";
import {
  EVIDENCE_SUBJECTS,
  FACTOR_WEIGHTS,
  PARTNER_FACTORS,
  PHASE_MODES,
  type EvidenceSubject,
  type PartnerFactor,
  type PhaseMode,
} from "./matching.service.js";
import { graphqlEnum } from "../common/enums.js";

export const PartnerPhaseModeEnum = graphqlEnum(PHASE_MODES, {
  name: "PartnerPhaseMode",
  description: "Which phases partners may come from.",
  valuesConfig: {
    SAME_PHASE: { description: "The asking school's phase." },
    CROSS_PHASE: {
      description:
        "Any other phase that measures the focus (e.g. an all-through school for KS2 maths).",
    },
    ANY: { description: "Any phase that measures the focus." },
  },
});

const FACTOR_DESCRIPTIONS: { [F in PartnerFactor]: string } = {
  FOCUS_STRENGTH:
    "min(1, gap / 2), gap = how far the partner's focus figure beats the asker's, in robust standard deviations of each school's own phase.",
  CONTEXT_SIMILARITY: "1 / (1 + d), d = distance on the CONTEXT preset (pupils, FSM, SEN).",
  PROXIMITY: "1 − km / search radius.",
  CAPACITY: "1 / (1 + the partner's partnership memberships): room to take on more.",
  NETWORK_BRIDGE:
    "1 when the asker is in no partnership and the partner is in one (a way into a network), else 0.",
  OFFERS_WHAT_IS_SOUGHT:
    "The share of the support topics sought that the partner offers (updateSchoolOffer): those the asker seeks, then those that address the focus (e.g. READING_AND_PHONICS and MATHEMATICS for KS2_RWM_EXPECTED; src/modules/matching/matching.rules.ts).",
};

export const PartnerFactorEnum = graphqlEnum(PARTNER_FACTORS, {
  name: "PartnerFactor",
  description: "A part of a partner suggestion's score; each is valued 0..1.",
  valuesConfig: Object.fromEntries(
    PARTNER_FACTORS.map((factor) => [
      factor,
      { description: `${FACTOR_DESCRIPTIONS[factor]} Weight ${FACTOR_WEIGHTS[factor]}.` },
    ]),
  ),
});

@InputType({ description: "What a school wants a partner for, and where to look." })
export class PartnerSearchInput {
  @Field(() => OutcomeFeatureEnum, {
    nullable: true,
    description:
      "The outcome to improve; by default the one the school stands lowest on against the 50 schools of its phase most alike in context (pupils, FSM, SEN), of the outcomes published for their key stage's newest year (KS2 2024/25, KS4 2023/24) that it has a figure of that year for; the Ofsted grade only when it has none. A named focus must be published for its key stage's newest year (KS2 progress scores, last published for 2018/19, are refused) and the school must teach to the end of its key stage.",
  })
  focus?: OutcomeFeature | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Search radius in km, above 0; by default 15, or 40 for a rural school or one in a sparse setting.",
  })
  maxDistanceKm?: number | null;

  @Field(() => PartnerPhaseModeEnum, { nullable: true, defaultValue: "SAME_PHASE" })
  phaseMode?: PhaseMode | null;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: "1 to 100." })
  first?: number | null;
}

export const PartnerEvidenceSubjectEnum = graphqlEnum(EVIDENCE_SUBJECTS, {
  name: "PartnerEvidenceSubject",
  description: "Whose figure a piece of a suggestion's evidence is.",
  valuesConfig: {
    PARTNER: { description: "The partner's figure on the focus, of the newest year." },
    PARTNER_CONFIDENCE_LOWER: {
      description: "Lower end of the partner's Progress 8 95% confidence interval.",
    },
    PARTNER_CONFIDENCE_UPPER: {
      description: "Upper end of the partner's Progress 8 95% confidence interval.",
    },
    ASKER: { description: "The asking school's figure, of the newest year." },
    CONTEXT_SIMILAR_MEDIAN: {
      description:
        "Median of the 50 schools of the asker's phase most alike in context that have a figure of that year.",
    },
    ENGLAND_MEDIAN: {
      description:
        "Median of every school in England with a figure of that year: a partner must be at least this (Good or better for the Ofsted grade).",
    },
  },
});

@ObjectType({ description: "A figure a suggestion rests on, with its year and dataset." })
export class PartnerEvidence {
  @Field(() => OutcomeFeatureEnum)
  figure!: OutcomeFeature;

  @Field(() => PartnerEvidenceSubjectEnum)
  about!: EvidenceSubject;

  @Field(() => Float)
  value!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The academic year it describes (e.g. 2024/25); for the Ofsted grade, the inspection date.",
  })
  year!: string | null;

  @Field(() => String, { nullable: true, description: "The Dataset.id it came from." })
  source!: string | null;
}

@ObjectType({ description: "One factor of a suggestion's score." })
export class PartnerReason {
  @Field(() => PartnerFactorEnum)
  factor!: PartnerFactor;

  @Field(() => Float, { description: "The factor's value, 0..1." })
  value!: number;

  @Field(() => Float, { description: "Its weight; the weights add up to 1." })
  weight!: number;

  @Field(() => Float, {
    description: "weight × value; a suggestion's contributions add up to its score.",
  })
  contribution!: number;

  @Field(() => [SupportTopicEnum], {
    description:
      "For OFFERS_WHAT_IS_SOUGHT, the topics the asker seeks that the partner offers; [] for other factors, and for anonymous callers, to whom offers are not shown (the value and score are the same for every caller).",
  })
  matchedTopics!: SupportTopic[];
}

@ObjectType({
  description:
    "A school that is strong where the asker wants to improve, alike in context, near, with room to help, offering what the asker seeks and not already a partner.",
})
export class PartnerSuggestion {
  @Field(() => Int, { description: "The school's URN, from the in-memory index." })
  urn!: number;

  @Field(() => String, {
    description: "The school's name, from the in-memory index: no database read, unlike `school`.",
  })
  name!: string;

  @Field(() => Float, { description: "0..1: the sum of the reasons' contributions." })
  score!: number;

  @Field(() => Float, { description: "Great-circle distance from the asking school, in km." })
  distanceKm!: number;

  @Field(() => OutcomeFeatureEnum, { description: "The outcome the suggestion is for." })
  focus!: OutcomeFeature;

  @Field(() => Float, { description: "The partner's figure for the focus outcome." })
  focusValue!: number;

  @Field(() => String, {
    nullable: true,
    description: "The academic year of the partner's focus figure: the newest published.",
  })
  focusYear!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The partner's need band (3 or 4: schools in bands 1 and 2 are never suggested).",
  })
  needBand!: number | null;

  @Field(() => [PartnerEvidence], {
    description:
      "The figures the suggestion rests on, each with its year and dataset: the partner's, the asker's, the median of the asker's context-similar schools and England's median.",
  })
  evidence!: PartnerEvidence[];

  @Field(() => [PartnerReason], { description: "Every factor, in a fixed order." })
  reasons!: PartnerReason[];
}
