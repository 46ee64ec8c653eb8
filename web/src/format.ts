/** Words and numbers as people in schools read them. */
import type { Phase } from "./__generated__/graphql";

const PHASES: Record<Phase, string> = {
  ALL_THROUGH: "All-through",
  ALTERNATIVE_PROVISION: "Alternative provision",
  NOT_APPLICABLE: "Not applicable",
  NURSERY: "Nursery",
  PRIMARY: "Primary",
  SECONDARY: "Secondary",
  SIXTEEN_PLUS: "16 plus",
  SPECIAL: "Special",
};

export function phaseName(phase: Phase | null | undefined): string | null {
  return phase ? PHASES[phase] : null;
}

/** Ofsted's four-point scale, as its reports word it. */
const JUDGEMENTS = ["Outstanding", "Good", "Requires improvement", "Inadequate"];

export function judgement(grade: number | null | undefined): string | null {
  return grade ? (JUDGEMENTS[grade - 1] ?? null) : null;
}

export function date(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? iso
    : parsed.toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
}

export function words(upperSnake: string | null | undefined): string | null {
  if (!upperSnake) return null;
  const text = upperSnake.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function figure(value: number, percent: boolean): string {
  return percent ? `${value.toFixed(1)}%` : Math.round(value).toLocaleString("en-GB");
}

/** What each similarity feature and outcome is called on screen. */
const FEATURES: Record<string, string> = {
  EAL_PERCENT: "English as an additional language",
  FSM_PERCENT: "Free school meals",
  IDACI_SCORE: "Income deprivation (IDACI)",
  KS2_MATHS_PROGRESS: "KS2 maths progress",
  KS2_PRIOR_ATTAINMENT: "Prior attainment at KS2",
  KS2_READING_PROGRESS: "KS2 reading progress",
  KS2_RWM_EXPECTED: "KS2 reading, writing and maths at the expected standard",
  KS2_WRITING_PROGRESS: "KS2 writing progress",
  KS4_ATTAINMENT8: "KS4 Attainment 8",
  KS4_PROGRESS8: "KS4 Progress 8",
  OFSTED_GRADE: "Ofsted grade",
  PUPILS: "Number of pupils",
  RURALITY: "Rurality",
  SEN_PERCENT: "Special educational needs",
  CAPACITY: "Room to take on more",
  CONTEXT_SIMILARITY: "Similar intake",
  FOCUS_STRENGTH: "Stronger on the focus outcome",
  NETWORK_BRIDGE: "A way into a network",
  OFFERS_WHAT_IS_SOUGHT: "Offers what is sought",
  PROXIMITY: "Close by",
};

export function featureName(feature: string): string {
  return FEATURES[feature] ?? words(feature) ?? feature;
}

const DESIGNATIONS: Record<string, string> = {
  NLE: "National leader of education",
  LLE: "Local leader of education",
  SLE: "Specialist leader of education",
  NLG: "National leader of governance",
  TEACHING_SCHOOL_HUB: "Teaching school hub",
};

export function designationName(designation: string): string {
  return DESIGNATIONS[designation] ?? words(designation) ?? designation;
}

/** A specialism in words; SEND stays an acronym. */
export function specialismName(specialism: string): string {
  return specialism === "SEND" ? "SEND" : (words(specialism) ?? specialism);
}
