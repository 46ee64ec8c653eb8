import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { EXCLUSIONS, type Exclusion, type OutcomeMeasure } from "./recognition.model.js";

export const RecognitionExclusionEnum = Object.fromEntries(
  EXCLUSIONS.map((value) => [value, value]),
) as { [K in Exclusion]: K };
registerEnumType(RecognitionExclusionEnum, {
  name: "RecognitionExclusion",
  description: "Why a support engagement earns no recognition points.",
  valuesConfig: {
    NO_START_DATE: { description: "No start date is recorded." },
    NOT_STARTED: { description: "It starts after today." },
    NEED_BAND_UNKNOWN: { description: "The school supported has no need band." },
    NEED_NOT_LOW: { description: "The school supported is in need band 3 or 4." },
    NOT_DISADVANTAGED: {
      description:
        "The school is not in IDACI decile 1 to 3 (nor, without a decile, above the free-school-meals threshold).",
    },
    UNDER_A_MONTH: { description: "It has lasted less than a whole month." },
  },
});

@ObjectType({ description: "The rule recognition applies, in plain words, with its version." })
export class RecognitionRule {
  @Field(() => Int)
  version!: number;

  @Field(() => String)
  description!: string;
}

@ObjectType({
  description:
    "A supported school's change in KS2 reading, writing and maths (% reaching the expected standard) across the support, against all schools.",
})
export class RecognitionOutcome {
  @Field(() => String, { description: "The last KS2 year before the support started." })
  beforeYear!: string;

  @Field(() => String, {
    description: "The first KS2 year after it ended; the latest year while it continues.",
  })
  afterYear!: string;

  @Field(() => Float, { description: "Percentage points." })
  schoolChange!: number;

  @Field(() => Float, { description: "Mean change of every school with results in both years." })
  nationalChange!: number;

  @Field(() => Float, { description: "schoolChange − nationalChange: what the factor rests on." })
  relativeChange!: number;
}

@ObjectType({
  description:
    "One support engagement as the recognition rule scored it. Which school was supported reveals its weakness, so it is named only to callers who may read the engagement (the school itself, the leader, oversight of its region, admins). For anyone else `schoolWithheld` is true; `school`, `fsmPercent`, `outcome`, `start` and `end` are null; and `reason` leaves out the school's own figures. Need band, IDACI decile, months, outcome factor and points are the same for every caller: the rule steps the factor by 0.25, so they give away no more than a 2.5-point band of KS2 change, and they add up to the leader's total.",
})
export class RecognitionContribution {
  @Field(() => ID)
  engagementId!: string;

  @Field(() => Boolean, {
    description:
      "True when the caller may not read the engagement, so the school supported and the figures that would identify it are withheld.",
  })
  schoolWithheld!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: "Null when withheld." })
  start!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Null while it continues, and when withheld.",
  })
  end!: string | null;

  @Field(() => Boolean)
  open!: boolean;

  @Field(() => Boolean, { description: "Whether it earns points under the rule." })
  counted!: boolean;

  @Field(() => RecognitionExclusionEnum, { nullable: true, description: "Null when counted." })
  exclusion!: Exclusion | null;

  @Field(() => Int, { nullable: true, description: "The supported school's need band, 1 to 4." })
  needBand!: number | null;

  @Field(() => Int, { nullable: true, description: "1 = most deprived." })
  idaciDecile!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Percent of pupils eligible for free school meals; null when withheld.",
  })
  fsmPercent!: number | null;

  @Field(() => Int, { description: "Whole months of support, to today while it continues." })
  months!: number;

  @Field(() => Int, { description: "The months that earn points, after the cap." })
  countedMonths!: number;

  @Field(() => Float, { description: "0 when not counted." })
  needWeight!: number;

  @Field(() => Float, { description: "0 when not counted." })
  deprivationWeight!: number;

  @Field(() => RecognitionOutcome, {
    nullable: true,
    description:
      "Null when the outcome is not yet measurable (a KS2 year before or after is missing), or when the school is withheld: its KS2 change would identify it.",
  })
  outcome!: OutcomeMeasure | null;

  @Field(() => Float, {
    description:
      "0.5 to 2 in steps of 0.25: 1 + relativeChange / 10 to the nearest 0.25; 1 when the outcome is not yet measurable.",
  })
  outcomeFactor!: number;

  @Field(() => Float, {
    description:
      "needWeight × deprivationWeight × countedMonths × outcomeFactor, rounded to 2 decimals; 0 when not counted.",
  })
  points!: number;

  @Field(() => String, {
    description:
      "How the points were reached, or why none were; without the school's own figures when it is withheld.",
  })
  reason!: string;
}

@ObjectType({ description: "A system leader recognised for support where need is greatest." })
export class RecognisedLeader {
  @Field(() => Int, { description: "1 = most points; ties by id." })
  rank!: number;

  @Field(() => Float, {
    description:
      "The sum of its contributions' points, rounded to 2 decimals; the same for every caller.",
  })
  points!: number;

  @Field(() => Int)
  engagementsCounted!: number;

  @Field(() => Int)
  engagementsNotCounted!: number;

  @Field(() => [RecognitionContribution], {
    description:
      "Its engagements in scope: counted ones by points, then the rest. All are listed; the school supported is named only to callers who may read the engagement.",
  })
  contributions!: RecognitionContribution[];
}

@ObjectType({ description: "A school whose system leaders are recognised for supporting others." })
export class RecognisedSchool {
  @Field(() => Int, { description: "1 = most points; ties by URN." })
  rank!: number;

  @Field(() => Float, { description: "The points of the recognised leaders based here." })
  points!: number;
}

@ObjectType({
  description:
    "System leaders, and the schools they work from, ranked for supporting under-performing schools in disadvantaged areas.",
})
export class SupportRecognition {
  @Field(() => RecognitionRule)
  rule!: RecognitionRule;

  @Field(() => String, { nullable: true, description: "Null for all of England." })
  regionCode!: string | null;

  @Field(() => [RecognisedLeader], { description: "Leaders with points, most first." })
  leaders!: RecognisedLeader[];

  @Field(() => [RecognisedSchool], { description: "Their base schools, most points first." })
  schools!: RecognisedSchool[];

  @Field(() => Int, { description: "Support engagements for schools in scope." })
  engagementsConsidered!: number;

  @Field(() => Int, { description: "Those that earn points." })
  engagementsCounted!: number;

  @Field(() => String, {
    nullable: true,
    description: "Why the lists are empty or what limits them; null when there is nothing to add.",
  })
  note!: string | null;
}
