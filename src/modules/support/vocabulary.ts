/**
 * Reading designations and specialisms as people write them in a list ("National Leader of
 * Education", "Maths; SEND"), for the `--system-leaders` importer. DfE's published lists used
 * long names and many spellings of the same specialism, so each is matched on its words, ignoring
 * case and punctuation.
 */
import {
  DESIGNATIONS,
  SPECIALISMS,
  type Designation,
  type Specialism,
} from "./system-leader.model.js";

function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const DESIGNATION_NAMES: Readonly<Record<string, Designation>> = {
  nle: "NLE",
  "national leader of education": "NLE",
  "national leaders of education": "NLE",
  lle: "LLE",
  "local leader of education": "LLE",
  "local leaders of education": "LLE",
  nlg: "NLG",
  "national leader of governance": "NLG",
  "national leaders of governance": "NLG",
  sle: "SLE",
  "specialist leader of education": "SLE",
  "specialist leaders of education": "SLE",
  tsh: "TEACHING_SCHOOL_HUB",
  "teaching school hub": "TEACHING_SCHOOL_HUB",
  "teaching school hubs": "TEACHING_SCHOOL_HUB",
};

/** The designation a list names, or null when it names none we know. */
export function parseDesignation(text: string): Designation | null {
  const key = words(text);
  const byName = DESIGNATION_NAMES[key];
  if (byName) return byName;
  const upper = key.replace(/ /g, "_").toUpperCase();
  return (DESIGNATIONS as readonly string[]).includes(upper) ? (upper as Designation) : null;
}

/** Each specialism's other names, as DfE's SLE and NLE lists wrote them. */
const SPECIALISM_SYNONYMS: { readonly [S in Specialism]: readonly string[] } = {
  ENGLISH: ["english", "literacy", "reading", "writing", "phonics", "early reading"],
  MATHEMATICS: ["mathematics", "maths", "math", "numeracy"],
  SCIENCE: ["science", "sciences", "biology", "chemistry", "physics"],
  CURRICULUM: ["curriculum", "assessment", "curriculum and assessment", "leadership of curriculum"],
  EARLY_YEARS: ["early years", "eyfs", "early years foundation stage"],
  SEND: [
    "send",
    "sen",
    "special educational needs",
    "special educational needs and disabilities",
    "inclusion",
  ],
  BEHAVIOUR: ["behaviour", "behavior", "attendance", "behaviour and attendance"],
  LEADERSHIP: ["leadership", "school leadership", "school improvement", "school to school support"],
  GOVERNANCE: ["governance", "governors"],
  DISADVANTAGED_PUPILS: [
    "disadvantaged pupils",
    "disadvantage",
    "pupil premium",
    "closing the gap",
  ],
  TEACHER_DEVELOPMENT: [
    "teacher development",
    "initial teacher training",
    "itt",
    "cpd",
    "professional development",
    "early career teachers",
    "ecf",
  ],
};

const SPECIALISM_BY_WORDS = new Map<string, Specialism>(
  SPECIALISMS.flatMap((specialism) => [
    [words(specialism), specialism] as const,
    ...SPECIALISM_SYNONYMS[specialism].map((name) => [words(name), specialism] as const),
  ]),
);

/** The specialism a list names, or null when it names none we know. */
export function parseSpecialism(text: string): Specialism | null {
  return SPECIALISM_BY_WORDS.get(words(text)) ?? null;
}

/**
 * A cell listing specialisms, separated by semicolons, vertical bars or commas. Returns the known
 * ones (each once, in the order given) and the names not recognised.
 */
export function parseSpecialismList(cell: string): {
  specialisms: Specialism[];
  unknown: string[];
} {
  const specialisms: Specialism[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[;|,]/)) {
    const name = part.trim();
    if (name === "") continue;
    const specialism = parseSpecialism(name);
    if (specialism === null) unknown.push(name);
    else if (!specialisms.includes(specialism)) specialisms.push(specialism);
  }
  return { specialisms, unknown };
}
