import { Field, Float, Int, InterfaceType, ObjectType } from "type-graphql";
import { Partnership, PartnershipTypeEnum } from "../partnerships/partnership.types.js";
import type { PartnershipType } from "../partnerships/partnership.model.js";
import {
  COMPARISON_BASES,
  IMPACT_MEASURES,
  IMPACT_VERDICTS,
  type ComparisonBasis,
  type ImpactMeasure,
  type ImpactVerdict,
} from "./evaluation.model.js";
import { graphqlEnum } from "../common/enums.js";

export const ComparisonBasisEnum = graphqlEnum(COMPARISON_BASES, {
  name: "ComparisonBasis",
  description: "Whom each member school is compared with; the group's own schools never count.",
  valuesConfig: {
    FAMILY: {
      description:
        "The member's family of similar schools in the current run. Families are formed partly on outcomes (latest KS2, 2018/19 progress and Attainment 8), which pulls gaps in those years towards zero.",
    },
    CONTEXT_NEIGHBOURS: {
      description:
        "The member's 20 nearest schools of the same phase on context alone (FSM, EAL, SEN, IDACI at weight 1, pupils at 0.5), with no outcome figure, so matching cannot pull gaps towards zero.",
    },
  },
});

export const ImpactMeasureEnum = graphqlEnum(IMPACT_MEASURES, {
  name: "ImpactMeasure",
  description:
    "KS2_RWM_EXPECTED: % of pupils reaching the expected standard in reading, writing and maths (2015/16-2018/19, 2022/23-2024/25). KS4_PROGRESS_8: Progress 8 (2018/19 only).",
});

export const ImpactVerdictEnum = graphqlEnum(IMPACT_VERDICTS, {
  name: "ImpactVerdict",
  description: "Whether the data can answer, and if not, why not.",
  valuesConfig: {
    ANSWERED: { description: "At least 5 schools could be compared." },
    TOO_FEW_SCHOOLS: { description: "Fewer than 5 schools could be compared; n is still given." },
    ONE_YEAR_ONLY: { description: "The measure has one year, so no before and after." },
    NO_JOIN_DATES: { description: "No comparable member has a recorded joining date." },
    NO_YEARS_BEFORE_JOINING: { description: "No member has a figure from before it joined." },
    NO_YEARS_AFTER_JOINING: { description: "No member has a figure from after it joined." },
    NO_COMPARISON_SCHOOLS: {
      description: "Members have figures but no similar school outside the group has one.",
    },
    NO_DATA: { description: "No member has a figure." },
  },
});

/** What a year's comparison and a before/after comparison both estimate: a mean gap, with its uncertainty. */
@InterfaceType({
  description:
    "A mean gap over n schools with its spread, 95% interval and effect size, and whether the data could answer.",
})
export abstract class GapEstimate {
  @Field(() => ImpactVerdictEnum)
  verdict!: ImpactVerdict;

  @Field(() => Int, { description: "Schools compared." })
  n!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The mean gap; null when no school could be compared.",
  })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: "Sample standard deviation of the gaps." })
  standardDeviation!: number | null;

  @Field(() => Float, { nullable: true, description: "standardDeviation / √n." })
  standardError!: number | null;

  @Field(() => Float, { nullable: true, description: "95% interval (t distribution), low end." })
  confidenceLow!: number | null;

  @Field(() => Float, { nullable: true, description: "95% interval (t distribution), high end." })
  confidenceHigh!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The mean over the measure's national standard deviation.",
  })
  effectSize!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Standard deviation of the measure across all schools with a figure.",
  })
  nationalStandardDeviation!: number | null;
}

@ObjectType({
  implements: GapEstimate,
  description:
    "One year's comparison: each member's figure minus the mean of its comparison schools with a figure that year (the gap), summarised over the members.",
})
export class YearImpact extends GapEstimate {
  @Field(() => String, { description: "Academic year, e.g. 2018/19." })
  year!: string;

  @Field(() => Int, { description: "Members with a figure that year." })
  membersWithValue!: number;

  @Field(() => Int, {
    description: "Members compared: with a figure and at least one comparison school with one.",
  })
  declare n: number;

  @Field(() => Int, { description: "Distinct comparison schools with a figure that year." })
  comparisonSchools!: number;

  @Field(() => Float, { nullable: true, description: "Mean of the n members' figures." })
  memberMean!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Mean over the n members of their comparison schools' mean.",
  })
  comparisonMean!: number | null;

  @Field(() => Float, { nullable: true, description: "memberMean - comparisonMean." })
  declare mean: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Mean gap over the national standard deviation of the measure that year.",
  })
  declare effectSize: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Standard deviation of the measure across all schools with a figure that year.",
  })
  declare nationalStandardDeviation: number | null;
}

@ObjectType({
  implements: GapEstimate,
  description:
    "Before and after joining, a difference in differences: per member with a joining date, its mean gap to its comparison schools in years that started on or after joining minus its mean gap in years that ended before (an academic year 2016/17 ends on 31 August 2017).",
})
export class BeforeAfterImpact extends GapEstimate {
  @Field(() => String)
  explanation!: string;

  @Field(() => Int, { description: "Comparable members with a known joining date." })
  membersWithJoinDate!: number;

  @Field(() => Int)
  membersWithYearsBefore!: number;

  @Field(() => Int)
  membersWithYearsAfter!: number;

  @Field(() => Int, { description: "Schools with gaps both before and after joining." })
  declare n: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean over the n schools of their mean gap before joining.",
  })
  meanGapBefore!: number | null;

  @Field(() => Float, { nullable: true })
  meanGapAfter!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean change (after - before)." })
  declare mean: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Mean change over the mean of the yearly national standard deviations.",
  })
  declare effectSize: number | null;
}

@ObjectType({ description: "One measure: year by year, and before/after joining." })
export class MeasureImpact {
  @Field(() => ImpactMeasureEnum)
  measure!: ImpactMeasure;

  @Field(() => String, { description: "What gaps are in, e.g. percentage points." })
  unit!: string;

  @Field(() => ImpactVerdictEnum, { description: "Of the year-by-year comparison." })
  verdict!: ImpactVerdict;

  @Field(() => String)
  explanation!: string;

  @Field(() => [YearImpact], { description: "Every year the data holds for the measure." })
  years!: YearImpact[];

  @Field(() => BeforeAfterImpact)
  beforeAfter!: BeforeAfterImpact;
}

/** What partnership and partnership-type impacts share, so a client can read both alike. */
@InterfaceType({
  description:
    "A group of schools compared with similar schools: the basis, how many members could be compared, and each measure.",
})
export abstract class ImpactComparison {
  @Field(() => ComparisonBasisEnum, { description: "Whom members were compared with." })
  comparison!: ComparisonBasis;

  @Field(() => Int, {
    nullable: true,
    description: "Comparison schools per member on CONTEXT_NEIGHBOURS; null for FAMILY.",
  })
  neighboursPerMember!: number | null;

  @Field(() => Int, { description: "Members in a family of the current run." })
  membersInFamilies!: number;

  @Field(() => Int, {
    description: "Members with a figure and comparison schools on the basis used.",
  })
  membersWithComparisonSchools!: number;

  @Field(() => Int, { nullable: true, description: "The FamilyRun version used." })
  familyVersion!: number | null;

  @Field(() => [MeasureImpact])
  measures!: MeasureImpact[];

  @Field(() => [String])
  caveats!: string[];
}

@ObjectType({
  implements: ImpactComparison,
  description:
    "Whether a partnership's schools do better than similar schools: each member against its comparison schools (its family, or its nearest schools on context) outside the partnership.",
})
export class PartnershipImpact extends ImpactComparison {
  @Field(() => Partnership)
  partnership!: Partnership;

  @Field(() => Int, { description: "Member schools." })
  members!: number;
}

@ObjectType({
  implements: ImpactComparison,
  description:
    "Whether schools in partnerships of one type do better than similar schools in none of that type.",
})
export class PartnershipTypeImpact extends ImpactComparison {
  @Field(() => PartnershipTypeEnum)
  type!: PartnershipType;

  @Field(() => String, { nullable: true, description: "Null: all of England." })
  regionCode!: string | null;

  @Field(() => Int, { description: "Partnerships of this type with a member in the area." })
  partnerships!: number;

  @Field(() => Int, { description: "Schools in the area in a partnership of this type." })
  members!: number;
}
