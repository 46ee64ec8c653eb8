/**
 * How a school search is scored: which fields count for how much, when a word may be misspelt,
 * and which short forms people type for words school names spell out. Version 1.
 *
 * Lucene scores each clause by BM25 and adds them up, so a school matching more of the query's
 * words ranks higher, and a word matched in a heavily boosted field counts for more. The name
 * counts most (it is what people call a school); a postcode is nearly as telling; a town or local
 * authority narrows without identifying; predecessors' names identify but are the past.
 */
export const SEARCH_RULE_VERSION = 1;

/** Boosts per indexed field (see cypher/seed/writeSearchFields.cypher for what each holds). */
export const FIELD_BOOSTS = {
  searchName: 4,
  searchPostcode: 3,
  searchPlace: 1.5,
  searchFormer: 1,
} as const;

export type SearchField = keyof typeof FIELD_BOOSTS;

/** A misspelt word counts for this share of the exact word's boost. */
export const FUZZY_SHARE = 0.5;
/** A word the school's word only starts with ("john" for "johns") counts for this share. */
export const PREFIX_SHARE = 0.3;
/**
 * A school that matches every part of the query (each word, number or postcode, in any field)
 * scores this much more again: without it a short name matching one word can outrank a long name
 * matching them all, as BM25 weighs a word in a short field more.
 */
export const ALL_PARTS_BOOST = 1;
/** Extra boost when the query's words appear close together in the name, or in former names. */
export const PHRASE_BOOSTS = { searchName: 3, searchFormer: 2 } as const;
/** How far the query's words may sit apart (or out of order) in that phrase. */
export const PHRASE_SLOP = 4;
/** Edits tolerated per word: none below 5 letters, one from 5, two from 9 (Damerau-Levenshtein). */
export const FUZZY_EDITS: readonly { minLength: number; edits: 1 | 2 }[] = [
  { minLength: 9, edits: 2 },
  { minLength: 5, edits: 1 },
];
/** Prefix matching needs this many letters, so "a" does not match every word in England. */
export const PREFIX_MIN_LENGTH = 3;

/** Words after the first MAX_QUERY_WORDS are ignored; names are rarely longer. */
export const MAX_QUERY_WORDS = 12;
export const MAX_SEARCH_TEXT_LENGTH = 200;
export const DEFAULT_SEARCH_RESULTS = 10;
export const MAX_SEARCH_RESULTS = 50;

/**
 * Short forms people type, each searched in the name as well as itself: "st" finds "Saint ...",
 * "ce" and "cofe" find "Church of England". Applied to whole words of the normalised query.
 */
export const NAME_SYNONYMS: Readonly<Record<string, string>> = {
  st: "saint",
  saint: "st",
  ce: "church of england",
  cofe: "church of england",
  rc: "roman catholic",
  jnr: "junior",
  jun: "junior",
  inf: "infant",
  prim: "primary",
  sch: "school",
  acad: "academy",
};
