import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { TrendOutcome } from "./outcome-trends.js";

export const TrendOutcomeEnum = {
  KS2_RWM_EXPECTED: "ks2RwmExpected",
  KS4_PROGRESS8: "ks4Progress8",
  KS4_ATTAINMENT8: "ks4Attainment8",
  KS4_ENGLISH_MATHS_GRADE5: "ks4EnglishMathsGrade5Percent",
} as const satisfies Record<string, TrendOutcome>;

registerEnumType(TrendOutcomeEnum, {
  name: "TrendOutcome",
  description: "An outcome published year by year. Every one is better when higher.",
  valuesConfig: {
    KS2_RWM_EXPECTED: {
      description:
        "Percentage reaching the expected standard in reading, writing and maths at KS2 (2015/16 on; no tests 2019/20 to 2021/22).",
    },
    KS4_PROGRESS8: { description: "Progress 8 (2018/19 and 2023/24 held)." },
    KS4_ATTAINMENT8: { description: "Attainment 8 (2018/19 and 2023/24 held)." },
    KS4_ENGLISH_MATHS_GRADE5: {
      description:
        "Percentage with grade 5 or above in English and maths (2018/19 and 2023/24 held).",
    },
  },
});

@ObjectType({ description: "One year of an outcome: the school's figure and its family's median." })
export class OutcomeTrendYear {
  @Field(() => String, { description: 'Academic year, e.g. "2022/23".' })
  year!: string;

  @Field(() => Float, {
    nullable: true,
    description: "The looked-up school's figure; null when it has none that year.",
  })
  value!: number | null;

  @Field(() => Float, {
    description:
      "Median of the figures of the family's members that year, the looked-up school's included (the mean of the middle two for an even count).",
  })
  familyMedian!: number;

  @Field(() => Int, {
    description: "Members with a figure that year, the looked-up school included; at least 1.",
  })
  membersWithFigure!: number;
}

@ObjectType({
  description: "A family member with a higher figure than the looked-up school, in the same year.",
})
export class FamilyMemberFigure {
  @Field(() => Int)
  urn!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => String)
  year!: string;

  @Field(() => Float, {
    description: "How much higher than the looked-up school's figure; always above 0.",
  })
  difference!: number;
}

@ObjectType({
  description:
    "An outcome year by year, the looked-up school against its family's median, and who in the family does better.",
})
export class OutcomeTrend {
  @Field(() => TrendOutcomeEnum)
  outcome!: TrendOutcome;

  @Field(() => [OutcomeTrendYear], {
    description:
      "Oldest first. A year no member has a figure for (no tests were sat, or none are held) is absent, never zero.",
  })
  years!: OutcomeTrendYear[];

  @Field(() => String, {
    nullable: true,
    description:
      "The latest year the looked-up school has a figure for, where `doingBetter` compares; null when it has none.",
  })
  comparisonYear!: string | null;

  @Field(() => [FamilyMemberFigure], {
    description:
      "Members whose figure in `comparisonYear` is higher than the looked-up school's, best first (ties to the lower URN). Empty when none is, or the school has no figure.",
  })
  doingBetter!: FamilyMemberFigure[];
}
