import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { connectionTypes } from "../common/connection.types.js";
import {
  CATEGORIES_OF_CONCERN,
  GOVERNANCES,
  GRADE_BASES,
  INSPECTION_KINDS,
  LOCATION_PRECISIONS,
  PHASES,
  type Governance,
  type LocationPrecision,
  type Phase,
} from "./school.model.js";
import { graphqlEnum } from "../common/enums.js";

export const PhaseEnum = graphqlEnum(PHASES, { name: "Phase", description: "Phase of education." });

export const GovernanceEnum = graphqlEnum(GOVERNANCES, {
  name: "Governance",
  description: "How a school is run and funded.",
});

export const LocationPrecisionEnum = graphqlEnum(LOCATION_PRECISIONS, {
  name: "LocationPrecision",
  description:
    "How a location was found: the school's own coordinates, or the centroid of its postcode sector or district.",
});

@ObjectType({ description: "A named area by its ONS code." })
export class Area {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType({ description: "One figure, with the year it describes and the dataset it came from." })
export class Measure {
  @Field(() => Float)
  value!: number;

  @Field(() => String, { description: 'Academic or calendar year, e.g. "2022/23".' })
  year!: string;
}

@ObjectType({ description: "Where a school is (WGS-84) and how exactly that is known." })
export class Location {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field(() => LocationPrecisionEnum, { nullable: true })
  precision!: LocationPrecision | null;
}

@ObjectType({ description: "ONS 2011 rural-urban classification of the school's LSOA." })
export class RuralUrban {
  @Field(() => String, { description: "A1..E2." })
  code!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

export const GradeBasisEnum = graphqlEnum(GRADE_BASES, {
  name: "GradeBasis",
  description: "How a school's headline Ofsted grade was reached.",
  valuesConfig: {
    OVERALL_EFFECTIVENESS: {
      description: "The overall effectiveness grade (before September 2024).",
    },
    LOWEST_KEY_JUDGEMENT: {
      description:
        "The lowest of the four key judgements: graded inspections from September 2024 give no overall grade.",
    },
  },
});

export const CategoryOfConcernEnum = graphqlEnum(CATEGORIES_OF_CONCERN, {
  name: "CategoryOfConcern",
  description: "Ofsted's categories of concern, both within an inadequate judgement.",
});

export const InspectionKindEnum = graphqlEnum(INSPECTION_KINDS, {
  name: "InspectionKind",
  description: "GRADED (full, section 5) or UNGRADED (section 8) inspection.",
});

/**
 * Ofsted's judgements, 1 outstanding .. 4 inadequate; shared by the latest and the history. No
 * field returns the base, so it is not emitted.
 */
@ObjectType()
abstract class KeyJudgements {
  @Field(() => Int, {
    nullable: true,
    description:
      "Overall effectiveness, 1 (outstanding) to 4 (inadequate); null when not judged, as for graded inspections from September 2024.",
  })
  overall!: number | null;

  @Field(() => Int, { nullable: true, description: "Quality of education, 1 to 4." })
  qualityOfEducation!: number | null;

  @Field(() => Int, { nullable: true, description: "Behaviour and attitudes, 1 to 4." })
  behaviourAndAttitudes!: number | null;

  @Field(() => Int, { nullable: true, description: "Personal development, 1 to 4." })
  personalDevelopment!: number | null;

  @Field(() => Int, { nullable: true, description: "Leadership and management, 1 to 4." })
  leadershipAndManagement!: number | null;

  @Field(() => Int, { nullable: true, description: "Early years provision, where it applies." })
  earlyYears!: number | null;

  @Field(() => Int, { nullable: true, description: "Sixth form provision, where it applies." })
  sixthForm!: number | null;

  @Field(() => Boolean, { nullable: true })
  safeguardingEffective!: boolean | null;

  @Field(() => CategoryOfConcernEnum, { nullable: true })
  categoryOfConcern!: string | null;
}

@ObjectType({
  description:
    "The latest graded Ofsted inspection. Older sources give only the overall grade, so the key judgements are null for inspections they alone hold.",
})
export class Ofsted extends KeyJudgements {
  @Field(() => String, {
    nullable: true,
    description: "The headline grade in words, e.g. Good (see gradeBasis).",
  })
  rating!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The headline grade need bands and matching read, 1 (outstanding) to 4 (inadequate): overall effectiveness, or from September 2024 the lowest key judgement.",
  })
  grade!: number | null;

  @Field(() => GradeBasisEnum, { nullable: true })
  gradeBasis!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  inspectedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'As Ofsted names it, e.g. "S5 Inspection".' })
  inspectionType!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The URN inspected: a predecessor's when the school has not been inspected since it converted.",
  })
  urnAtInspection!: number | null;
}

@ObjectType({ description: "One Ofsted inspection, graded or ungraded." })
export class Inspection extends KeyJudgements {
  @Field(() => String, { description: "Ofsted's inspection number, or source:urn:date." })
  id!: string;

  @Field(() => InspectionKindEnum)
  kind!: string;

  @Field(() => LocalDateResolver)
  inspectedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'E.g. "S5 Inspection".' })
  type!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An ungraded inspection\'s outcome, e.g. "School remains Good".',
  })
  outcome!: string | null;

  @Field(() => Int, { nullable: true, description: "The URN inspected." })
  urnAtInspection!: number | null;
}

@ObjectType({ description: "One year of KS2 results." })
export class Ks2Year {
  @Field(() => String)
  year!: string;

  @Field(() => Float, {
    description: "Percentage reaching the expected standard in reading, writing and maths.",
  })
  rwmExpected!: number;

  @Field(() => Int, { nullable: true, description: "Pupils eligible for the tests that year." })
  cohort!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The same percentage for disadvantaged pupils; null when suppressed.",
  })
  disadvantagedRwmExpected!: number | null;

  @Field(() => Int, {
    description: "The URN the figure was published under (a predecessor's before conversion).",
  })
  urn!: number;
}

@ObjectType({ description: "How to reach a school, from a dated source." })
export class SchoolContact {
  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType({ description: "English Indices of Deprivation for the school's LSOA." })
export class Deprivation {
  @Field(() => String, { nullable: true, description: "LSOA (2011) code." })
  lsoa!: string | null;

  @Field(() => Int, { nullable: true, description: "1 is the most deprived LSOA in England." })
  imdRank!: number | null;

  @Field(() => Int, { nullable: true, description: "1 (most deprived tenth) to 10." })
  imdDecile!: number | null;

  @Field(() => Int, { nullable: true })
  idaciRank!: number | null;

  @Field(() => Int, { nullable: true })
  idaciDecile!: number | null;

  @Field(() => Float, { nullable: true })
  idaciScore!: number | null;

  @Field(() => Float, { nullable: true })
  incomeScore!: number | null;

  @Field(() => String)
  year!: string;
}

@ObjectType({ description: "Key stage 2 progress scores (0 is the national average)." })
export class Ks2Progress {
  @Field(() => String)
  year!: string;

  @Field(() => Float, { nullable: true })
  readingProgress!: number | null;

  @Field(() => Float, { nullable: true })
  writingProgress!: number | null;

  @Field(() => Float, { nullable: true })
  mathsProgress!: number | null;
}

@ObjectType({ description: "Key stage 2 attainment." })
export class Ks2Attainment {
  @Field(() => String)
  year!: string;

  @Field(() => Float, {
    description: "Percentage reaching the expected standard in reading, writing and maths.",
  })
  rwmExpected!: number;
}

@ObjectType({ description: "Key stage 4 results." })
export class Ks4Results {
  @Field(() => String)
  year!: string;

  @Field(() => Float, { nullable: true })
  progress8!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Lower end of Progress 8's 95% confidence interval (2023/24 on).",
  })
  progress8Lower!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Upper end of Progress 8's 95% confidence interval (2023/24 on).",
  })
  progress8Upper!: number | null;

  @Field(() => Float, { nullable: true })
  attainment8!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Pupils at the end of key stage 4 (2023/24 on).",
  })
  pupils!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Percentage with grade 5+ in English and maths.",
  })
  englishMathsGrade5Percent!: number | null;
}

@ObjectType({ description: "The published Progress 8 band, where no numeric score is published." })
export class Ks4Progress8Band {
  @Field(() => String)
  year!: string;

  @Field(() => String, { description: 'E.g. "Average", "Well above average".' })
  band!: string;
}

@ObjectType({
  description: "A predecessor or successor establishment (schools change URN when they convert).",
})
export class EstablishmentLink {
  @Field(() => Int)
  urn!: number;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "E.g. merged, amalgamated, split." })
  reason!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  on!: string | null;
}

@ObjectType({ description: "An open school in England, identified by its URN." })
export class School {
  @Field(() => Int, { description: "Unique reference number (GIAS)." })
  urn!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true, description: "LA code and establishment number." })
  laestab!: number | null;

  @Field(() => String, { nullable: true, description: "As GIAS records it, e.g. Open." })
  status!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "When the source of the descriptive fields (name, phase, type ...) described it.",
  })
  detailsAsOf!: string | null;

  @Field(() => PhaseEnum, { nullable: true })
  phase!: Phase | null;

  @Field(() => String, { nullable: true, description: "GIAS establishment type." })
  establishmentType!: string | null;

  @Field(() => Boolean, { nullable: true })
  stateFunded!: boolean | null;

  @Field(() => GovernanceEnum, { nullable: true })
  governance!: Governance | null;

  @Field(() => String, { nullable: true })
  gender!: string | null;

  @Field(() => String, { nullable: true })
  religiousCharacter!: string | null;

  @Field(() => Int, { nullable: true })
  statutoryLowAge!: number | null;

  @Field(() => Int, { nullable: true })
  statutoryHighAge!: number | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => String, { nullable: true })
  town!: string | null;

  @Field(() => Area, { nullable: true, description: "Local authority district." })
  district!: Area | null;

  @Field(() => Area, { nullable: true, description: "Electoral ward." })
  ward!: Area | null;

  @Field(() => String, { nullable: true, description: "Parliamentary constituency code." })
  constituencyCode!: string | null;

  @Field(() => Location, { nullable: true })
  location!: Location | null;

  @Field(() => String, { nullable: true, description: "LSOA (2011) code." })
  lsoa!: string | null;

  @Field(() => RuralUrban, { nullable: true })
  ruralUrban!: RuralUrban | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "In a rural town and fringe, village or hamlet (RUC2011 D1, D2, E1, E2).",
  })
  rural!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "In a sparse setting (RUC2011)." })
  sparse!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "See coastalDefinition." })
  coastal!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "How `coastal` was decided; England has no official definition.",
  })
  coastalDefinition!: string | null;

  @Field(() => Float, { nullable: true, description: "Distance to the coastline in km." })
  coastDistanceKm!: number | null;

  @Field(() => Measure, { nullable: true, description: "Pupils on roll (headcount)." })
  pupils!: Measure | null;

  @Field(() => Measure, {
    nullable: true,
    description: "Percentage eligible for free school meals.",
  })
  fsmPercent!: Measure | null;

  @Field(() => Measure, {
    nullable: true,
    description: "Percentage with English as an additional language.",
  })
  ealPercent!: Measure | null;

  @Field(() => Measure, {
    nullable: true,
    description: "Percentage with special educational needs (support or EHC plan).",
  })
  senPercent!: Measure | null;

  @Field(() => Measure, { nullable: true, description: "Percentage on SEN support." })
  senSupportPercent!: Measure | null;

  @Field(() => Measure, {
    nullable: true,
    description: "Percentage with an education, health and care plan.",
  })
  ehcpPercent!: Measure | null;

  @Field(() => Ofsted, { nullable: true })
  ofsted!: Ofsted | null;

  @Field(() => Deprivation, { nullable: true })
  deprivation!: Deprivation | null;

  @Field(() => Ks2Progress, { nullable: true })
  ks2!: Ks2Progress | null;

  @Field(() => Ks2Attainment, { nullable: true })
  ks2Attainment!: Ks2Attainment | null;

  @Field(() => Ks4Results, { nullable: true, description: "The newest KS4 results held." })
  ks4!: Ks4Results | null;

  @Field(() => [Ks4Results], { description: "Every KS4 year held, oldest first." })
  ks4History!: Ks4Results[];

  @Field(() => [Ks2Year], {
    description: "Every KS2 year held, its predecessors' included, oldest first.",
  })
  ks2History!: Ks2Year[];

  @Field(() => Boolean, { description: "Opened since the January 2023 school census." })
  newSinceCensus!: boolean;

  @Field(() => LocalDateResolver, { nullable: true })
  openedOn!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "A school opened since the census carries its predecessor's census figures (FSM, EAL, SEN, deprivation): this is that predecessor's URN.",
  })
  contextFromUrn!: number | null;

  @Field(() => SchoolContact, { nullable: true })
  contact!: SchoolContact | null;

  @Field(() => Ks4Progress8Band, { nullable: true })
  ks4Progress8Band!: Ks4Progress8Band | null;
}

export const { Edge: SchoolEdge, Connection: SchoolConnection } = connectionTypes(
  "School",
  School,
  "How many schools match across all pages; a second query, so select it only when needed.",
);

@InputType({ description: "Schools matching every field given." })
export class SchoolFilter {
  @Field(() => Int, {
    nullable: true,
    description: "3-digit DfE local authority code, e.g. 201; NOT_FOUND when no LA has it.",
  })
  localAuthorityCode?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "ONS region code, E12000001..E12000009; NOT_FOUND when no region has it.",
  })
  regionCode?: string | null;

  @Field(() => PhaseEnum, { nullable: true })
  phase?: Phase | null;

  @Field(() => Boolean, { nullable: true })
  stateFunded?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  rural?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  coastal?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the name, ignoring case; 1 to 100 characters.",
  })
  nameContains?: string | null;
}
