/**
 * Search text, from what a person types to a Lucene query for the `school_search` full-text index,
 * and back from a hit to which of its fields the query matched. Pure: no database.
 *
 * The index holds fields the seed normalised with the same rule as `normaliseSearchText`
 * (cypher/seed/writeSearchFields.cypher), so "St John's", "st johns" and "ST. JOHNS" all become
 * the words "st johns" on both sides. Neo4j's analysers cannot be configured to do this
 * themselves: the standard one keeps "john's" as one word.
 */
import {
  FIELD_BOOSTS,
  FUZZY_EDITS,
  FUZZY_SHARE,
  ALL_PARTS_BOOST,
  MAX_QUERY_WORDS,
  NAME_SYNONYMS,
  PHRASE_BOOSTS,
  PHRASE_SLOP,
  PREFIX_MIN_LENGTH,
  PREFIX_SHARE,
  type SearchField,
} from "./search.rules.js";

const APOSTROPHES = /['’‘`]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-cased, apostrophes dropped ("john's" → "johns"), "&" read as "and", and every run of
 * other characters that are not letters or digits one space, trimmed.
 */
export function normaliseSearchText(text: string): string {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(/&/g, " and ")
    .replace(NOT_LETTER_OR_DIGIT, " ")
    .trim();
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** A word with Lucene's query syntax characters escaped, so input is only ever searched for. */
export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, "\\$&");
}

const FULL_POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/;
const OUTWARD_CODE = /^[a-z]{1,2}\d[a-z\d]?$/;
const INWARD_CODE = /^\d[a-z]{2}$/;
const PARTIAL_INWARD_CODE = /^\d[a-z]?$/;
const PARTIAL_POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]?$/;
const NUMBER = /^\d+$/;

/** A query split by what each word looks like. */
export interface SearchTerms {
  /** Words searched in the name, the place and former names, misspellings tolerated. */
  words: string[];
  /** Numbers, e.g. a URN: searched as they are in the name and among URNs. */
  numbers: string[];
  /** Postcode parts searched exactly: outward codes ("fy1"), inward codes, whole postcodes ("fy13nx"). */
  postcodes: string[];
  /** The start of a postcode ("fy13n"): any postcode beginning with it. */
  postcodePrefixes: string[];
}

/**
 * Splits normalised text into words and sorts them: postcode-like words ("FY1", "FY1 3NX",
 * "fy13nx") are searched among postcodes only, numbers exactly, other words everywhere.
 * An outward code followed by an inward code is also searched as one postcode, without the space.
 */
export function searchTerms(text: string): SearchTerms {
  const all = normaliseSearchText(text).split(" ").filter(Boolean);
  const terms: SearchTerms = { words: [], numbers: [], postcodes: [], postcodePrefixes: [] };
  const add = (list: string[], word: string) => {
    if (!list.includes(word)) list.push(word);
  };
  for (let i = 0; i < all.length && i < MAX_QUERY_WORDS; i += 1) {
    const word = all[i] as string;
    const next = all[i + 1];
    if (OUTWARD_CODE.test(word)) {
      add(terms.postcodes, word);
      if (next !== undefined && INWARD_CODE.test(next)) {
        add(terms.postcodes, word + next);
        i += 1;
      } else if (next !== undefined && PARTIAL_INWARD_CODE.test(next)) {
        add(terms.postcodePrefixes, word + next);
        i += 1;
      }
    } else if (FULL_POSTCODE.test(word) || INWARD_CODE.test(word)) {
      add(terms.postcodes, word);
    } else if (PARTIAL_POSTCODE.test(word)) {
      add(terms.postcodePrefixes, word);
    } else if (NUMBER.test(word)) {
      add(terms.numbers, word);
    } else {
      add(terms.words, word);
    }
  }
  return terms;
}

/** True when the text has nothing left to search for once normalised (e.g. "?!"). */
export function isEmptySearch(terms: SearchTerms): boolean {
  return (
    terms.words.length +
      terms.numbers.length +
      terms.postcodes.length +
      terms.postcodePrefixes.length ===
    0
  );
}

/** Edits a word of this length may differ by and still match (see FUZZY_EDITS). */
export function fuzzyEdits(word: string): 0 | 1 | 2 {
  return FUZZY_EDITS.find((rule) => word.length >= rule.minLength)?.edits ?? 0;
}

function boost(value: number): string {
  return `^${Number(value.toFixed(2))}`;
}

function exact(field: SearchField, word: string, share = 1): string {
  return `${field}:${escapeLucene(word)}${boost(FIELD_BOOSTS[field] * share)}`;
}

function phrase(field: SearchField, words: string, slop: number, weight: number): string {
  return `${field}:"${escapeLucene(words)}"${slop > 0 ? `~${slop}` : ""}${boost(weight)}`;
}

/** The clauses one word contributes: exact, misspelt and begun, in each field words are in. */
function wordClauses(word: string): string[] {
  const fields: SearchField[] = ["searchName", "searchPlace", "searchFormer"];
  const edits = fuzzyEdits(word);
  const clauses = fields.flatMap((field) => [
    exact(field, word),
    ...(edits > 0
      ? [`${field}:${escapeLucene(word)}~${edits}${boost(FIELD_BOOSTS[field] * FUZZY_SHARE)}`]
      : []),
    ...(word.length >= PREFIX_MIN_LENGTH
      ? [`${field}:${escapeLucene(word)}*${boost(FIELD_BOOSTS[field] * PREFIX_SHARE)}`]
      : []),
  ]);
  const synonym = NAME_SYNONYMS[word];
  if (synonym !== undefined) {
    clauses.push(
      synonym.includes(" ")
        ? phrase("searchName", synonym, 0, FIELD_BOOSTS.searchName)
        : exact("searchName", synonym),
    );
  }
  return clauses;
}

/**
 * The Lucene query for a search. Each part of the query (a word, number or postcode) is a group
 * of alternative clauses: for a word, exact, misspelt by up to FUZZY_EDITS, begun, or a synonym,
 * in the name, place and former names. Groups are OR-ed, so every part that matches adds to the
 * score and a part matching nothing (a word the school's name lacks) costs nothing; a school
 * matching every part gets ALL_PARTS_BOOST more, and words close together in the name or former
 * names add PHRASE_BOOSTS. Weights are in search.rules.ts.
 */
export function schoolSearchQuery(terms: SearchTerms): string {
  const groups: string[][] = [
    ...terms.words.map(wordClauses),
    ...terms.numbers.map((number) => [exact("searchName", number), exact("searchFormer", number)]),
    ...terms.postcodes.map((postcode) => [exact("searchPostcode", postcode)]),
    ...terms.postcodePrefixes.map((prefix) => [
      `searchPostcode:${escapeLucene(prefix)}*${boost(FIELD_BOOSTS.searchPostcode)}`,
    ]),
  ];
  const parts = groups.map((clauses) => `(${clauses.join(" OR ")})`);
  const bonuses: string[] = [];
  if (parts.length > 1) bonuses.push(`(${parts.join(" AND ")})${boost(ALL_PARTS_BOOST)}`);
  if (terms.words.length > 1) {
    const words = terms.words.join(" ");
    bonuses.push(phrase("searchName", words, PHRASE_SLOP, PHRASE_BOOSTS.searchName));
    bonuses.push(phrase("searchFormer", words, PHRASE_SLOP, PHRASE_BOOSTS.searchFormer));
  }
  return [...parts, ...bonuses].join(" ");
}

/**
 * Damerau-Levenshtein distance (adjacent swaps count as one edit, as in Lucene's fuzzy queries),
 * giving up once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

function wordMatches(queryWord: string, fieldWord: string): boolean {
  if (queryWord === fieldWord) return true;
  if (queryWord.length >= PREFIX_MIN_LENGTH && fieldWord.startsWith(queryWord)) return true;
  const edits = fuzzyEdits(queryWord);
  return edits > 0 && editDistance(queryWord, fieldWord, edits) <= edits;
}

/** The search fields of one hit, as the seed wrote them (null when the school has none). */
export type SearchFields = Record<SearchField, string | null>;

export const MATCH_LABELS = {
  name: "name",
  place: "town or local authority",
  postcode: "postcode",
  urn: "URN",
  formerName: "former name",
  formerUrn: "former URN",
} as const;

/**
 * Which fields of a hit the query matched, in words ("name", "postcode", "former name" ...), by
 * the rules the query was built with: a word matches a field word it equals, begins, or is
 * within its edits of; a synonym counts for the name.
 */
export function matchedOn(terms: SearchTerms, fields: SearchFields, urn: number): string[] {
  const wordsOf = (field: SearchField) => (fields[field] ?? "").split(" ").filter(Boolean);
  const name = wordsOf("searchName");
  const place = wordsOf("searchPlace");
  const postcode = wordsOf("searchPostcode");
  const former = wordsOf("searchFormer");
  const normalisedName = fields.searchName ?? "";
  const anyWord = (targets: string[]) =>
    terms.words.some((word) => targets.some((target) => wordMatches(word, target)));

  const labels: string[] = [];
  const nameBySynonym = terms.words.some((word) => {
    const synonym = NAME_SYNONYMS[word];
    return synonym !== undefined && ` ${normalisedName} `.includes(` ${synonym} `);
  });
  if (anyWord(name) || nameBySynonym || terms.numbers.some((n) => name.includes(n))) {
    labels.push(MATCH_LABELS.name);
  }
  if (anyWord(place)) labels.push(MATCH_LABELS.place);
  if (
    terms.postcodes.some((code) => postcode.includes(code)) ||
    terms.postcodePrefixes.some((prefix) => postcode.some((code) => code.startsWith(prefix)))
  ) {
    labels.push(MATCH_LABELS.postcode);
  }
  if (terms.numbers.includes(String(urn))) labels.push(MATCH_LABELS.urn);
  const formerWords = former.filter((word) => !NUMBER.test(word));
  if (anyWord(formerWords)) labels.push(MATCH_LABELS.formerName);
  if (terms.numbers.some((n) => n !== String(urn) && former.includes(n))) {
    labels.push(MATCH_LABELS.formerUrn);
  }
  return labels;
}
