import { DateTimeResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionTypes } from "../common/connection.types.js";
import type { Phase, SchoolRecord } from "../schools/school.model.js";
import { PhaseEnum, School } from "../schools/school.types.js";
import { FEATURE_API_NAMES } from "./feature-names.js";
import {
  FEATURES,
  OUTCOME_FEATURES,
  type FeatureName,
  type OutcomeFeature,
  type PresetName,
} from "./features.js";

/** A GraphQL enum object: each feature's API name mapped to its domain name. */
function featureEnum<F extends FeatureName>(features: readonly F[]): Record<string, F> {
  return Object.fromEntries(features.map((feature) => [FEATURE_API_NAMES[feature], feature]));
}

const FEATURE_DESCRIPTIONS: { [F in FeatureName]: string } = {
  pupils: "Pupils on roll (context).",
  fsmPercent: "Percentage eligible for free school meals (context).",
  ealPercent: "Percentage with English as an additional language (context).",
  senPercent: "Percentage with special educational needs (context).",
  idaciScore: "IDACI score of the school's LSOA, 0..1 (context).",
  rurality:
    "Rurality from 0 (major conurbation) to 1 (sparse village and dispersed), from the ONS 2011 rural-urban class (context).",
  ks2PriorAttainment:
    "Average KS2 scaled score of the school's KS4 cohort, 2023/24 KS4 school information (context: the intake's prior attainment; secondary and all-through schools).",
  ks2ReadingProgress: "KS2 reading progress score (outcome, higher is better).",
  ks2WritingProgress: "KS2 writing progress score (outcome, higher is better).",
  ks2MathsProgress: "KS2 maths progress score (outcome, higher is better).",
  ks2RwmExpected:
    "Percentage reaching the expected standard in reading, writing and maths (outcome, higher is better).",
  ks4Progress8: "Progress 8 (outcome, higher is better).",
  ks4Attainment8: "Attainment 8 (outcome, higher is better).",
  ofstedGrade: "Ofsted grade, 1 outstanding to 4 inadequate (outcome, lower is better).",
};

function featureDescriptions(features: readonly FeatureName[]) {
  return Object.fromEntries(
    features.map((feature) => [
      FEATURE_API_NAMES[feature],
      { description: FEATURE_DESCRIPTIONS[feature] },
    ]),
  );
}

/** Resolvers receive and return the domain names; clients see the API names. */
export const SimilarityFeatureEnum = featureEnum(FEATURES);

registerEnumType(SimilarityFeatureEnum, {
  name: "SimilarityFeature",
  description:
    "A figure schools are compared on. Context features describe intake and setting; outcome features, results. Outcomes apply only to phases that sit the assessment (KS2 for primary, KS4 for secondary).",
  valuesConfig: featureDescriptions(FEATURES),
});

export const OutcomeFeatureEnum = featureEnum(OUTCOME_FEATURES);

registerEnumType(OutcomeFeatureEnum, {
  name: "OutcomeFeature",
  description:
    "An outcome a school can do better or worse on. Every outcome is better when higher except OFSTED_GRADE.",
  valuesConfig: featureDescriptions(OUTCOME_FEATURES),
});

export const SimilarityPresetEnum = {
  CONTEXT: "CONTEXT",
  FAMILIES: "FAMILIES",
  ALIKE_IN_RESULTS: "ALIKE_IN_RESULTS",
} as const satisfies Record<PresetName, PresetName>;

registerEnumType(SimilarityPresetEnum, {
  name: "SimilarityPreset",
  description: "A named weighting of features.",
  valuesConfig: {
    CONTEXT: {
      description:
        "Alike in size and need, whatever their results (DfE benchmarking weights): pupils 0.5, FSM 0.4, SEN 0.1.",
    },
    FAMILIES: {
      description:
        "Alike in intake, never in results (EEF families of schools): what families are clustered on. FSM 1, EAL 1, KS2 prior attainment 1 (secondary and all-through), IDACI 0.5, SEN 0.5, pupils 0.25, rurality 0.25.",
    },
    ALIKE_IN_RESULTS: {
      description:
        "Alike in intake and in results: FSM, EAL, SEN, attainment and progress for the phase's key stage, 1 each (KS2 progress shares 1 across its three scores). For finding schools that get results like yours; not what families or 'doing better' use.",
    },
  },
});

@InputType({ description: "A feature's weight; weights are relative to each other." })
export class FeatureWeightInput {
  @Field(() => SimilarityFeatureEnum)
  feature!: FeatureName;

  @Field(() => Float, { description: "0 or more; at least one weight must be above 0." })
  weight!: number;
}

@ObjectType({ description: "How much one feature adds to the distance between two schools." })
export class FeatureContribution {
  @Field(() => SimilarityFeatureEnum)
  feature!: FeatureName;

  @Field(() => Float, {
    nullable: true,
    description: "The similar school's figure; null when it had none (imputed).",
  })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The asking school's figure, for comparison; null when it had none (imputed).",
  })
  referenceValue!: number | null;

  @Field(() => Boolean, {
    description:
      "True when the similar school lacked this figure and was compared at its phase median.",
  })
  imputed!: boolean;

  @Field(() => Float, { description: "The feature's weight in this comparison." })
  weight!: number;

  @Field(() => Float, {
    description:
      "Share of the squared distance this feature explains, 0..1; the shares of a result add up to 1 (all 0 for identical schools).",
  })
  share!: number;

  @Field(() => Float, {
    description:
      "share × distance: the part of the distance this feature accounts for; the contributions of a result add up to its distance.",
  })
  contribution!: number;
}

@ObjectType({ description: "A school of the same phase, with why it is similar." })
export class SimilarSchool {
  @Field(() => Int, { description: "The school's URN, from the in-memory index." })
  urn!: number;

  @Field(() => String, {
    description: "The school's name, from the in-memory index: no database read, unlike `school`.",
  })
  name!: string;

  @Field(() => Float, {
    description:
      "Weighted distance: √Σ weight × (difference in robust z-scores)². 0 is identical; 1 is about one typical spread on a feature of weight 1.",
  })
  distance!: number;

  @Field(() => [FeatureContribution], {
    description: "Every weighted feature of the phase, in a fixed order.",
  })
  contributions!: FeatureContribution[];
}

@ObjectType({ description: "A feature's figure in its own units." })
export class FeatureFigure {
  @Field(() => SimilarityFeatureEnum)
  feature!: FeatureName;

  @Field(() => Float, { nullable: true, description: "Null when no member has the figure." })
  value!: number | null;
}

@ObjectType({ description: "How well schools fit their families." })
export class FamilyQuality {
  @Field(() => Float, {
    description:
      "Mean weighted distance of schools to their family's centre (within-family spread); lower is tighter.",
  })
  meanDistanceToCentroid!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Mean silhouette over a seeded sample, −1..1: near 1 families are tight and apart, near 0 they overlap, below 0 schools sit closer to another family. Null with a single family.",
  })
  silhouette!: number | null;

  @Field(() => Int, { description: "Schools the silhouette was averaged over." })
  silhouetteSampleSize!: number;
}

@ObjectType({ description: "A feature's weight in a clustering." })
export class FeatureWeight {
  @Field(() => SimilarityFeatureEnum)
  feature!: FeatureName;

  @Field(() => Float)
  weight!: number;
}

@ObjectType({ description: "How one phase was clustered in a run." })
export class FamilyRunPhase {
  @Field(() => PhaseEnum)
  phase!: Phase;

  @Field(() => Int)
  schools!: number;

  @Field(() => Int, {
    description: "k: round(schools / target size), fewer when schools have fewer distinct values.",
  })
  families!: number;

  @Field(() => Int, { description: "k-means iterations run." })
  iterations!: number;

  @Field(() => Boolean, {
    description: "False when the iteration cap stopped k-means before the centres settled.",
  })
  converged!: boolean;

  @Field(() => [FeatureWeight], { description: "Features clustered on, with their weights." })
  features!: { feature: FeatureName; weight: number }[];

  @Field(() => FamilyQuality)
  quality!: FamilyQuality;
}

@ObjectType({ description: "The settings a run was made with." })
export class FamilyRunParameters {
  @Field(() => Int, { description: "Seed of the k-means++ start and the silhouette sample." })
  seed!: number;

  @Field(() => Int, { description: "Schools per family aimed for." })
  targetSize!: number;

  @Field(() => SimilarityPresetEnum)
  preset!: PresetName;

  @Field(() => Int, { description: "k-means iterations allowed per phase." })
  maxIterations!: number;

  @Field(() => Int, { description: "Schools sampled per phase for the silhouette." })
  silhouetteSampleSize!: number;

  @Field(() => [FamilyRunPhase])
  phases!: FamilyRunPhase[];
}

@ObjectType({
  description:
    "One computation of families. Runs are versioned: a new run leaves earlier ones in place.",
})
export class FamilyRun {
  @Field(() => Int, { description: "1, 2, ... in the order runs were made." })
  version!: number;

  @Field(() => DateTimeResolver)
  createdAt!: string;

  @Field(() => Boolean, {
    description: "True for the run `family` answers from when no version is asked for.",
  })
  current!: boolean;

  @Field(() => Int, {
    description:
      "Version of the features and weights the run clustered on (FAMILY_FEATURES_VERSION in src/modules/similarity/features.ts): 1 clustered on intake and results, 2 on intake only. `npm run families -- --if-missing` recomputes when it is not the current one.",
  })
  featuresVersion!: number;

  @Field(() => Int)
  schools!: number;

  @Field(() => Int)
  families!: number;

  @Field(() => [SimilarityFeatureEnum], { description: "Features clustered on in some phase." })
  features!: FeatureName[];

  @Field(() => FamilyQuality, { description: "Over all phases." })
  quality!: FamilyQuality;

  @Field(() => FamilyRunParameters, {
    nullable: true,
    description: "Null only for a run written by an incompatible version of this service.",
  })
  parameters!: FamilyRunParameters | null;

  @Field(() => Int, {
    nullable: true,
    description: "From reading the schools to writing the last family, in milliseconds.",
  })
  durationMs!: number | null;
}

@ObjectType({ description: "A school in a family." })
export class FamilyMember {
  @Field(() => School)
  school!: SchoolRecord;

  @Field(() => Float, {
    description: "Weighted distance to the family's centre when the run was made.",
  })
  distanceToCentroid!: number;

  @Field(() => [SimilarityFeatureEnum], {
    description: "Features the school had no figure for; the run used the phase median.",
  })
  imputed!: FeatureName[];
}

export const { Edge: FamilyMemberEdge, Connection: FamilyMemberConnection } = connectionTypes(
  "FamilyMember",
  FamilyMember,
  "The family's size.",
);

@ObjectType({
  description:
    "How a school does on one outcome next to the school the family was looked up for, on today's figures.",
})
export class OutcomeComparison {
  @Field(() => OutcomeFeatureEnum)
  outcome!: OutcomeFeature;

  @Field(() => Float, {
    nullable: true,
    description: "This school's figure; null when it has none.",
  })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The figure of the school the family was looked up for; null when it has none.",
  })
  referenceValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "How much better this school does, in the outcome's units (negative: worse; for Ofsted grades, grades better). Null unless both figures exist.",
  })
  difference!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when this school does better; null unless both figures exist.",
  })
  better!: boolean | null;
}

@ObjectType({
  description:
    "A school among the 50 most alike (on intake) the school the family was looked up for, doing better on an outcome.",
})
export class BetterSchool {
  @Field(() => Float, { description: "Its figure for the outcome." })
  value!: number;

  @Field(() => Float, {
    description:
      "How much better than the school the family was looked up for, in the outcome's units; always above 0.",
  })
  difference!: number;

  @Field(() => Float, {
    description:
      "Weighted distance between the two schools on the FAMILIES (intake-only) features: how alike; 0 is identical.",
  })
  distance!: number;

  @Field(() => Int, {
    description: "1 for the most alike school, up to 50: where it stands among the alike schools.",
  })
  alikeRank!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Great-circle distance in km; null when either school has no location.",
  })
  distanceKm!: number | null;

  @Field(() => Boolean, { description: "True when it is in this family too." })
  inFamily!: boolean;
}

@ObjectType({
  description:
    "A family of similar schools in one run, as seen from the school it was looked up for.",
})
export class Family {
  @Field(() => ID, { description: "`<version>:<PHASE>:<number>`." })
  id!: string;

  @Field(() => Int, { description: "The run's version." })
  version!: number;

  @Field(() => PhaseEnum)
  phase!: Phase;

  @Field(() => Int, { description: "Families of a phase are numbered from 1 within a run." })
  number!: number;

  @Field(() => Int)
  size!: number;

  @Field(() => Float, { description: "Mean weighted distance of members to the centre." })
  meanDistanceToCentroid!: number;

  @Field(() => [FeatureFigure], {
    description: "Members' medians of the figures they have, every feature of the phase.",
  })
  medians!: FeatureFigure[];

  @Field(() => Float, {
    description: "The looked-up school's weighted distance to the centre.",
  })
  distanceToCentroid!: number;

  @Field(() => [SimilarityFeatureEnum], {
    description: "Features the looked-up school had no figure for when the run was made.",
  })
  imputed!: FeatureName[];
}
