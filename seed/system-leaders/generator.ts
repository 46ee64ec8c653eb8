/**
 * Synthetic National and Local Leaders of Education, Specialist Leaders of Education and National
 * Leaders of Governance. No public list names individual designated leaders with their schools,
 * so this generator applies DfE's published eligibility criteria to the real schools in the graph
 * and designates a seeded share of the eligible ones. Every designation it makes is marked
 * `synthetic: true` with GENERATOR's name, version and seed; a real list loaded with
 * `npm run seed -- --system-leaders FILE` replaces them all.
 *
 * ## Criteria
 *
 * DfE's criteria (National leaders of education: guidance for applicants, 2014-2021; local
 * leaders of education and specialist leaders of education alike) ask for an Outstanding or
 * Good school, strong pupil progress and results sustained over time. The graph holds the latest
 * Ofsted grade, 2018/19 KS2 progress scores and KS4 Progress 8, the latest KS2 results (mostly
 * 2024/25) and the 2023/24 Progress 8 band, so "sustained" means a later result confirming the
 * 2018/19 progress:
 *
 * | designation | Ofsted      | progress (2018/19)                          | sustained (later)                 |
 * |-------------|-------------|---------------------------------------------|-----------------------------------|
 * | NLE         | Outstanding | KS2: reading, writing, maths all > 0, mean ≥ +1.5; KS4: P8 ≥ +0.3 | KS2 RWM ≥ 70 %; KS4 band above average or better |
 * | LLE         | Good or better | KS2 mean ≥ 0; KS4 P8 ≥ 0                 | KS2 RWM ≥ 62 % (about the national figure); KS4 band average or better |
 * | SLE         | Good or better | a strength: a KS2 subject ≥ +2, or KS4 P8 ≥ +0.5 | -                          |
 * | NLG         | Outstanding | -                                           | -                                 |
 *
 * All-through schools qualify on either key stage. Special schools have no comparable progress
 * measures, so Ofsted alone decides for them (and their strength is SEND). A school with no
 * Ofsted grade, no location or that is not state-funded is never eligible. A headteacher holds
 * one of NLE and LLE: an NLE-eligible school is not also offered LLE.
 *
 * ## Who is designated
 *
 * Not every eligible head applied. A school is designated when its draw is below the
 * designation's take-up (NLE 0.7, LLE 0.4, SLE 0.5, NLG 0.15), giving about as many of each as
 * DfE had in the late 2010s (about 1,000 NLEs, 2,000 LLEs, 5,000 SLEs, 400 NLGs, fewer here as
 * the criteria are applied strictly). The draw is a hash of (seed, designation, URN), not a
 * sequence, so a school's designation does not change when other schools come or go.
 *
 * ## What a designation carries
 *
 * Specialisms: the school's strengths (MATHEMATICS for KS2 maths progress ≥ +2, ENGLISH for
 * reading or writing ≥ +2, CURRICULUM for P8 ≥ +0.5, SEND for special schools), plus LEADERSHIP
 * for NLEs and LLEs and GOVERNANCE for NLGs. Capacity: the designation's default (reach.ts).
 * Holder: for NLE and LLE the school's headteacher when a GIAS extract names one, otherwise a
 * placeholder Leader "Headteacher of <school>"; for SLE "Specialist leader at <school>"; for NLG
 * "Governor of <school>". Placeholders are `synthetic: true` and never given invented names.
 */
import { DEFAULT_CAPACITY } from "../../src/modules/support/support.rules.js";
import type { Designation, Specialism } from "../../src/modules/support/system-leader.model.js";
import type { Phase } from "../../src/modules/schools/school.model.js";

export const GENERATOR = { name: "dfe-criteria-system-leaders", version: 1, seed: 2024 } as const;

export const TAKE_UP: { readonly [D in Exclude<Designation, "TEACHING_SCHOOL_HUB">]: number } = {
  NLE: 0.7,
  LLE: 0.4,
  SLE: 0.5,
  NLG: 0.15,
};

export const NLE_KS2_MEAN_PROGRESS = 1.5;
export const NLE_KS4_PROGRESS8 = 0.3;
export const NLE_KS2_RWM_EXPECTED = 70;
export const LLE_KS2_RWM_EXPECTED = 62;
export const STRENGTH_KS2_PROGRESS = 2;
export const STRENGTH_KS4_PROGRESS8 = 0.5;

const ABOVE_BANDS = ["above average", "well above average"];
const AVERAGE_OR_BETTER_BANDS = ["average", ...ABOVE_BANDS];

/** What the generator reads about a school. */
export interface GeneratorSchool {
  urn: number;
  name: string;
  phase: Phase | null;
  stateFunded: boolean;
  hasLocation: boolean;
  ofstedGrade: number | null;
  ks2ReadingProgress: number | null;
  ks2WritingProgress: number | null;
  ks2MathsProgress: number | null;
  ks2RwmExpected: number | null;
  ks4Progress8: number | null;
  ks4Progress8Band: string | null;
  /** The headteacher a GIAS extract names, if any. */
  head: { id: string; name: string } | null;
}

/** Who holds a generated designation: a real Leader, or a placeholder to create. */
export type Holder =
  | { kind: "LEADER"; id: string; name: string }
  | { kind: "PLACEHOLDER"; id: string; name: string; role: string };

export interface GeneratedDesignation {
  id: string;
  designation: Exclude<Designation, "TEACHING_SCHOOL_HUB">;
  urn: number;
  phase: Phase | null;
  specialisms: Specialism[];
  capacity: number;
  holder: Holder;
}

/** A number in [0, 1) from (seed, designation, URN): FNV-1a, then a murmur3 finaliser. */
export function draw(seed: number, designation: string, urn: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${designation}:${urn}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

const KS2_PHASES: readonly Phase[] = ["PRIMARY", "ALL_THROUGH"];
const KS4_PHASES: readonly Phase[] = ["SECONDARY", "ALL_THROUGH"];

function ks2Progress(school: GeneratorSchool): number[] | null {
  const scores = [school.ks2ReadingProgress, school.ks2WritingProgress, school.ks2MathsProgress];
  return scores.every((score): score is number => score !== null) ? scores : null;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function bandIn(band: string | null, allowed: readonly string[]): boolean {
  return band !== null && allowed.includes(band.trim().toLowerCase());
}

function isSpecial(school: GeneratorSchool): boolean {
  return school.phase === "SPECIAL";
}

function teaches(school: GeneratorSchool, phases: readonly Phase[]): boolean {
  return school.phase !== null && phases.includes(school.phase);
}

function atLeast(value: number | null, threshold: number): boolean {
  return value !== null && value >= threshold;
}

/** Secondary results: Progress 8 of at least `progress8`, banded as one of `bands`. */
function ks4ResultsMeet(
  school: GeneratorSchool,
  progress8: number,
  bands: readonly string[],
): boolean {
  return (
    teaches(school, KS4_PHASES) &&
    atLeast(school.ks4Progress8, progress8) &&
    bandIn(school.ks4Progress8Band, bands)
  );
}

/** Outstanding, strong progress and sustained results (the NLE row of the table). */
export function meetsNleCriteria(school: GeneratorSchool): boolean {
  if (school.ofstedGrade !== 1) return false;
  if (isSpecial(school)) return true;
  const progress = ks2Progress(school);
  const ks2 =
    teaches(school, KS2_PHASES) &&
    progress !== null &&
    progress.every((score) => score > 0) &&
    mean(progress) >= NLE_KS2_MEAN_PROGRESS &&
    atLeast(school.ks2RwmExpected, NLE_KS2_RWM_EXPECTED);
  return ks2 || ks4ResultsMeet(school, NLE_KS4_PROGRESS8, ABOVE_BANDS);
}

/** Good or better with results at least about average (the LLE row of the table). */
export function meetsLleCriteria(school: GeneratorSchool): boolean {
  if (school.ofstedGrade === null || school.ofstedGrade > 2) return false;
  if (isSpecial(school)) return true;
  const progress = ks2Progress(school);
  const ks2 =
    teaches(school, KS2_PHASES) &&
    progress !== null &&
    mean(progress) >= 0 &&
    atLeast(school.ks2RwmExpected, LLE_KS2_RWM_EXPECTED);
  return ks2 || ks4ResultsMeet(school, 0, AVERAGE_OR_BETTER_BANDS);
}

/** The specialisms a school's results show it is strong in. */
export function strengths(school: GeneratorSchool): Specialism[] {
  const found: Specialism[] = [];
  if (isSpecial(school)) found.push("SEND");
  if (
    atLeast(school.ks2ReadingProgress, STRENGTH_KS2_PROGRESS) ||
    atLeast(school.ks2WritingProgress, STRENGTH_KS2_PROGRESS)
  ) {
    found.push("ENGLISH");
  }
  if (atLeast(school.ks2MathsProgress, STRENGTH_KS2_PROGRESS)) found.push("MATHEMATICS");
  if (atLeast(school.ks4Progress8, STRENGTH_KS4_PROGRESS8)) found.push("CURRICULUM");
  return found;
}

function eligible(school: GeneratorSchool): boolean {
  return (
    school.stateFunded && school.hasLocation && school.phase !== null && school.ofstedGrade !== null
  );
}

export function syntheticLeaderId(designation: Designation, urn: number): string {
  return `synthetic-${designation.toLowerCase()}-${urn}`;
}

/** The placeholder for a post no source names; one per school and post. */
export function placeholderHolder(
  designation: Designation,
  urn: number,
  schoolName: string,
  occurrence = 1,
): Extract<Holder, { kind: "PLACEHOLDER" }> {
  switch (designation) {
    case "NLE":
    case "LLE":
      return {
        kind: "PLACEHOLDER",
        id: `placeholder-head-${urn}`,
        name: `Headteacher of ${schoolName}`,
        role: "Headteacher",
      };
    case "SLE":
      return {
        kind: "PLACEHOLDER",
        id: `placeholder-sle-${urn}-${occurrence}`,
        name: `Specialist leader at ${schoolName}`,
        role: "Specialist leader of education",
      };
    default:
      return {
        kind: "PLACEHOLDER",
        id: `placeholder-governor-${urn}-${occurrence}`,
        name: `Governor of ${schoolName}`,
        role: "Governor",
      };
  }
}

/** The holder of a person designation: the named head for NLE and LLE, else a placeholder. */
export function holderFor(
  designation: Designation,
  school: Pick<GeneratorSchool, "urn" | "name" | "head">,
  occurrence = 1,
): Holder {
  if ((designation === "NLE" || designation === "LLE") && school.head !== null) {
    return { kind: "LEADER", id: school.head.id, name: school.head.name };
  }
  return placeholderHolder(designation, school.urn, school.name, occurrence);
}

/** Every synthetic designation for these schools, in URN then designation order. */
export function generateDesignations(
  schools: readonly GeneratorSchool[],
  seed: number = GENERATOR.seed,
): GeneratedDesignation[] {
  const generated: GeneratedDesignation[] = [];
  const sorted = [...schools].sort((a, b) => a.urn - b.urn);
  for (const school of sorted) {
    if (!eligible(school)) continue;
    const schoolStrengths = strengths(school);
    const designate = (
      designation: GeneratedDesignation["designation"],
      specialisms: Specialism[],
    ) => {
      if (draw(seed, designation, school.urn) >= TAKE_UP[designation]) return;
      generated.push({
        id: syntheticLeaderId(designation, school.urn),
        designation,
        urn: school.urn,
        phase: designation === "NLG" ? null : school.phase,
        specialisms,
        capacity: DEFAULT_CAPACITY[designation],
        holder: holderFor(designation, school),
      });
    };
    const head: Specialism[] = ["LEADERSHIP", ...schoolStrengths];
    if (meetsNleCriteria(school)) designate("NLE", head);
    else if (meetsLleCriteria(school)) designate("LLE", head);
    if (school.ofstedGrade !== null && school.ofstedGrade <= 2 && schoolStrengths.length > 0) {
      designate("SLE", schoolStrengths);
    }
    if (school.ofstedGrade === 1) designate("NLG", ["GOVERNANCE"]);
  }
  return generated;
}
