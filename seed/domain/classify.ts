/**
 * The graph's enumerations (cypher/README.md) and how the sources' wording maps onto them.
 */

export type Phase =
  | "NURSERY"
  | "PRIMARY"
  | "SECONDARY"
  | "ALL_THROUGH"
  | "SPECIAL"
  | "ALTERNATIVE_PROVISION"
  | "SIXTEEN_PLUS"
  | "NOT_APPLICABLE";

export type Governance =
  | "MAINTAINED"
  | "ACADEMY_CONVERTER"
  | "ACADEMY_SPONSOR_LED"
  | "FREE_SCHOOL"
  | "INDEPENDENT"
  | "NON_MAINTAINED_SPECIAL"
  | "OTHER";

export type PartnershipType =
  "MULTI_ACADEMY_TRUST" | "SINGLE_ACADEMY_TRUST" | "FEDERATION" | "TRUST" | "UMBRELLA_TRUST";

const SIXTEEN_TO_NINETEEN = /16[\s-]*(to\s*)?19/i;

/**
 * Governance from the GIAS establishment type name (the same names appear in the DfE school
 * census). University technical colleges and studio schools open through the free school
 * programme, so they count as free schools. City technology colleges are OTHER: state-funded,
 * independent of the LA, but neither academies nor maintained schools.
 */
export function governanceOf(establishmentType: string): Governance {
  const type = establishmentType.trim().toLowerCase();
  if (type.startsWith("academy") && type.includes("converter")) return "ACADEMY_CONVERTER";
  if (type.startsWith("academy") && type.includes("sponsor led")) return "ACADEMY_SPONSOR_LED";
  if (
    type.startsWith("free school") ||
    type.startsWith("university technical college") ||
    type.startsWith("studio school")
  ) {
    return "FREE_SCHOOL";
  }
  if (type.startsWith("non-maintained special")) return "NON_MAINTAINED_SPECIAL";
  if (type.startsWith("other independent")) return "INDEPENDENT";
  if (
    [
      "community school",
      "community special school",
      "voluntary aided school",
      "voluntary controlled school",
      "foundation school",
      "foundation special school",
      "local authority nursery school",
      "pupil referral unit",
    ].includes(type)
  ) {
    return "MAINTAINED";
  }
  return "OTHER";
}

/**
 * State-funded in the DfE's sense: maintained schools, academies, free schools and CTCs.
 * Independent schools are not, and neither are non-maintained special schools: they are run by
 * charities and charge fees (mostly paid by LAs for placed pupils), and DfE statistics count them
 * apart from state-funded schools. This rule gives the 21,980 state-funded schools of 2022/23.
 */
export function isStateFunded(governance: Governance): boolean {
  return governance !== "INDEPENDENT" && governance !== "NON_MAINTAINED_SPECIAL";
}

/** Phase from the DfE census grouping (phase_type_grouping), refined for 16-19 providers. */
export function phaseFromCensusGrouping(grouping: string, establishmentType: string): Phase | null {
  const g = grouping.trim().toLowerCase();
  if (g === "state-funded primary") return "PRIMARY";
  if (g === "state-funded secondary") {
    return SIXTEEN_TO_NINETEEN.test(establishmentType) ? "SIXTEEN_PLUS" : "SECONDARY";
  }
  if (g === "state-funded special school" || g === "non-maintained special school")
    return "SPECIAL";
  if (g === "state-funded nursery") return "NURSERY";
  if (g === "state-funded ap school") return "ALTERNATIVE_PROVISION";
  if (g === "independent school") return "NOT_APPLICABLE";
  return null;
}

/**
 * Phase from a GIAS extract. Special schools and alternative provision are recognised by type
 * first, as the census grouping does, because GIAS gives them a phase of "Not applicable" or the
 * ages they teach.
 */
export function phaseFromGias(phaseOfEducation: string, establishmentType: string): Phase {
  const type = establishmentType.trim().toLowerCase();
  if (type.includes("special")) return "SPECIAL";
  if (type.includes("alternative provision") || type === "pupil referral unit") {
    return "ALTERNATIVE_PROVISION";
  }
  const phase = phaseOfEducation.trim().toLowerCase();
  if (phase === "nursery") return "NURSERY";
  if (phase === "primary" || phase === "middle deemed primary") return "PRIMARY";
  if (phase === "secondary" || phase === "middle deemed secondary") return "SECONDARY";
  if (phase === "all-through") return "ALL_THROUGH";
  if (phase === "16 plus") return "SIXTEEN_PLUS";
  return "NOT_APPLICABLE";
}

export const OFSTED_RATINGS = [
  "Outstanding",
  "Good",
  "Requires improvement",
  "Inadequate",
] as const;
export type OfstedRating = (typeof OFSTED_RATINGS)[number];

/**
 * Ofsted grade 1..4 from a judgement's name. "Satisfactory" was grade 3 before September 2012;
 * "Serious weaknesses" and "Special measures" are the two categories of concern within grade 4.
 */
export function ofstedGradeFromName(name: string): number | null {
  switch (name.trim().toLowerCase()) {
    case "outstanding":
      return 1;
    case "good":
      return 2;
    case "requires improvement":
    case "satisfactory":
      return 3;
    case "inadequate":
    case "serious weaknesses":
    case "special measures":
      return 4;
    default:
      return null;
  }
}

/** Grade 1..4 from Ofsted management information, where 9 means "not applicable". */
export function ofstedGradeFromCode(cell: string): number | null {
  const grade = Number(cell.trim());
  return Number.isInteger(grade) && grade >= 1 && grade <= 4 ? grade : null;
}

export function ofstedRatingOf(grade: number): OfstedRating {
  const rating = OFSTED_RATINGS[grade - 1];
  if (!rating) throw new RangeError(`Ofsted grade must be 1..4, got ${grade}`);
  return rating;
}

/** GIAS group type -> partnership type; null for groups that are not school partnerships. */
export function partnershipTypeOf(groupType: string): PartnershipType | null {
  switch (groupType.trim().toLowerCase()) {
    case "multi-academy trust":
      return "MULTI_ACADEMY_TRUST";
    case "single-academy trust":
      return "SINGLE_ACADEMY_TRUST";
    case "federation":
      return "FEDERATION";
    case "trust":
      return "TRUST";
    case "umbrella trust":
      return "UMBRELLA_TRUST";
    default:
      return null;
  }
}

/** The 2011 rural-urban classes of LSOAs, by code. */
export const RURAL_URBAN_CLASSES: Readonly<Record<string, string>> = {
  A1: "Urban major conurbation",
  B1: "Urban minor conurbation",
  C1: "Urban city and town",
  C2: "Urban city and town in a sparse setting",
  D1: "Rural town and fringe",
  D2: "Rural town and fringe in a sparse setting",
  E1: "Rural village and dispersed",
  E2: "Rural village and dispersed in a sparse setting",
};

export interface RuralUrban {
  code: string;
  name: string;
  rural: boolean;
  sparse: boolean;
}

export function ruralUrbanOf(code: string): RuralUrban | null {
  const name = RURAL_URBAN_CLASSES[code];
  if (!name) return null;
  return { code, name, rural: /^[DE]/.test(code), sparse: name.includes("sparse setting") };
}

/**
 * The census gives each school the class of its output area, which splits "village" from
 * "hamlet and isolated dwellings". LSOA classes merge the two, so both map to E1/E2 to keep one
 * scale across schools.
 */
export function ruralUrbanFromCensusText(text: string): RuralUrban | null {
  const name = text
    .replace(/^\(England\/Wales\)\s*/i, "")
    .trim()
    .toLowerCase();
  const sparse = name.endsWith("in a sparse setting");
  const base = name.replace(/\s*in a sparse setting$/, "");
  const letter: Record<string, string> = {
    "urban major conurbation": "A",
    "urban minor conurbation": "B",
    "urban city and town": "C",
    "rural town and fringe": "D",
    "rural village": "E",
    "rural hamlet and isolated dwellings": "E",
  };
  const prefix = letter[base];
  return prefix ? ruralUrbanOf(`${prefix}${sparse ? 2 : 1}`) : null;
}

/** GIAS says "Does not apply" or "None" where the census says "No religious character". */
export function normaliseReligiousCharacter(text: string | null): string | null {
  if (text === null) return null;
  return /^(does not apply|none)$/i.test(text) ? "No religious character" : text;
}

/** "Mixed", "Boys" or "Girls"; anything else (Unknown, blank) is missing. */
export function normaliseGender(text: string): string | null {
  const value = text.trim().toLowerCase();
  if (value === "mixed") return "Mixed";
  if (value === "boys") return "Boys";
  if (value === "girls") return "Girls";
  return null;
}
