/**
 * The 2025/26 picture laid over the 2022/23 census list. Pure: no files, no database.
 *
 * - Which schools are open: those in Ofsted's August 2025 file or GIAS's July 2025 list. A
 *   state-funded census school in neither has closed (mostly academy conversions to a new URN).
 * - Schools opened since the census become schools, with LA, phase and type from the Ofsted
 *   file, a town from the GIAS list and context figures carried from their predecessor.
 * - Each school's LA is the Ofsted file's LAESTAB; a school it does not list, in an authority
 *   abolished since the census (Cumbria, 909), is placed by its district.
 * - The newest Ofsted inspection wins; KS4 2023/24 replaces 2018/19 as the headline figures.
 * - Multi-academy trust membership is the Ofsted file's; a school that left its 2022 trust keeps
 *   it as a former membership.
 */
import { governanceOf, isStateFunded, ofstedRatingOf, type Phase } from "./domain/classify.js";
import type { BundleProperties, OfstedJudgement, SchoolRecord } from "./domain/school.js";
import { SkipCounter } from "./rejections.js";
import type { OpenSchool } from "./sources/giasOpen.js";
import type { FormerMembership, Membership, Partnership } from "./sources/groups.js";
import { partnershipId } from "./sources/groups.js";
import type { Ks4Results2024 } from "./sources/ks4Secondary.js";
import type { LocalAuthority, LocalAuthorityListing } from "./sources/geography.js";
import {
  headlineGrade,
  type InspectionRecord,
  type Ofsted2025School,
} from "./sources/ofsted2025.js";
import type { SpcSchool } from "./sources/spc.js";
import { DEPRIVATION_PROPERTIES } from "../src/modules/schools/school.model.js";

/** The date the 2025 picture describes: Ofsted's snapshot. */
export const CURRENT_AS_OF = "2025-08-31";
/** The academic year of the Ofsted file's pupil numbers. */
export const CURRENT_PUPILS_YEAR = "2024/25";

export interface CurrentSources {
  ofsted: ReadonlyMap<number, Ofsted2025School>;
  ofstedSource: string;
  giasOpen: ReadonlyMap<number, OpenSchool>;
  giasOpenSource: string;
  ks4: ReadonlyMap<number, Ks4Results2024>;
  ks4Source: string;
  ks4Year: string;
  contacts: ReadonlyMap<number, { address: string | null; phone: string | null }>;
  contactSource: string;
  /** District (LAD) code -> upper-tier authority code. */
  upperTierOfDistrict: ReadonlyMap<string, string>;
  laListing: readonly LocalAuthorityListing[];
}

/** Ofsted "Type of education" names that differ from GIAS's. */
const OFSTED_TYPE_NAMES: Record<string, string> = {
  "la nursery school": "Local authority nursery school",
};

export function establishmentTypeOf(ofstedType: string): string {
  return OFSTED_TYPE_NAMES[ofstedType.trim().toLowerCase()] ?? ofstedType.trim();
}

/** Phase from the Ofsted file's coarse phase, refined by type and ages. */
export function phaseFromOfsted(
  ofstedPhase: string,
  establishmentType: string,
  lowAge: number | null,
): Phase {
  const type = establishmentType.toLowerCase();
  const phase = ofstedPhase.trim().toLowerCase();
  if (phase === "special" || type.includes("special")) return "SPECIAL";
  if (phase === "pru" || type.includes("alternative provision") || type === "pupil referral unit")
    return "ALTERNATIVE_PROVISION";
  if (phase === "nursery") return "NURSERY";
  if (phase === "primary") return "PRIMARY";
  if (phase === "secondary") {
    if (lowAge !== null && lowAge >= 16) return "SIXTEEN_PLUS";
    if (lowAge !== null && lowAge <= 7) return "ALL_THROUGH";
    return "SECONDARY";
  }
  return "NOT_APPLICABLE";
}

/**
 * Census-shaped entries for state-funded schools the Ofsted file lists and the census does not:
 * opened since January 2023. They go through the same join (location, deprivation, coast, KS2
 * series across predecessors) as census schools.
 */
export function newSchoolEntries(
  census: readonly SpcSchool[],
  sources: Pick<CurrentSources, "ofsted" | "giasOpen">,
  knownLaCodes: ReadonlySet<number>,
  skipped: SkipCounter,
): SpcSchool[] {
  const known = new Set(census.map((school) => school.urn));
  const entries: SpcSchool[] = [];
  for (const school of sources.ofsted.values()) {
    if (known.has(school.urn)) continue;
    const establishmentType = establishmentTypeOf(school.establishmentType);
    const governance = governanceOf(establishmentType);
    if (!isStateFunded(governance)) {
      skipped.add(
        "Ofsted 2025: non-maintained special schools opened since the census (not state-funded)",
      );
      continue;
    }
    if (!knownLaCodes.has(school.laCode)) {
      skipped.add("Ofsted 2025: new schools in an LA the hierarchy does not know");
      continue;
    }
    const gias = sources.giasOpen.get(school.urn);
    entries.push({
      urn: school.urn,
      name: school.name,
      laestab: school.laestab,
      laCode: school.laCode,
      laGssCode: null,
      year: CURRENT_PUPILS_YEAR,
      phase: phaseFromOfsted(school.ofstedPhase, establishmentType, school.statutoryLowAge),
      establishmentType,
      governance,
      stateFunded: true,
      gender: null,
      religiousCharacter: school.religiousCharacter,
      districtCode: null,
      districtName: null,
      wardCode: null,
      wardName: null,
      constituencyCode: null,
      urbanRuralText: null,
      postcode: school.postcode ?? gias?.postcode ?? null,
      pupils: school.pupils,
      fsmPercent: null,
      ealPercent: null,
    });
  }
  return entries;
}

/** The LA numbers of upper-tier authority codes, from the LA list (single-code rows only). */
function laNumberOfUpperTier(listing: readonly LocalAuthorityListing[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const entry of listing) numbers.set(entry.gssCode, entry.laCode);
  return numbers;
}

/** Inspection history: older sources' judgements the 2025 file does not already hold. */
function mergeInspections(
  older: readonly InspectionRecord[],
  current: readonly InspectionRecord[],
): InspectionRecord[] {
  const held = new Set(current.map((inspection) => `${inspection.kind}:${inspection.date}`));
  const kept = older.filter((inspection) => !held.has(`${inspection.kind}:${inspection.date}`));
  return [...current, ...kept].sort((a, b) => b.date.localeCompare(a.date));
}

/** The school's headline judgement from its latest graded inspection in the 2025 file. */
export function judgementOf(inspection: InspectionRecord): OfstedJudgement | null {
  const headline = headlineGrade(inspection);
  if (headline === null) return null;
  return {
    rating: ofstedRatingOf(headline.grade),
    grade: headline.grade,
    date: inspection.date,
    source: inspection.source,
    gradeBasis: headline.basis,
    overall: inspection.overall,
    qualityOfEducation: inspection.qualityOfEducation,
    behaviourAndAttitudes: inspection.behaviourAndAttitudes,
    personalDevelopment: inspection.personalDevelopment,
    leadershipAndManagement: inspection.leadershipAndManagement,
    earlyYears: inspection.earlyYears,
    sixthForm: inspection.sixthForm,
    safeguardingEffective: inspection.safeguardingEffective,
    categoryOfConcern: inspection.categoryOfConcern,
    inspectionType: inspection.type,
    inspectionId: inspection.id,
    urnAtInspection: inspection.urnAtInspection,
  };
}

export interface CurrentPicture {
  schools: SchoolRecord[];
  localAuthorities: LocalAuthority[];
  counts: { closed: number; opened: number; movedLa: number };
}

/**
 * Lays the 2025 sources over the joined records. `newUrns` are the schools built from
 * `newSchoolEntries`; `predecessorsOf` carries context figures to them.
 */
export function applyCurrentPicture(
  records: readonly SchoolRecord[],
  localAuthorities: readonly LocalAuthority[],
  sources: CurrentSources,
  newUrns: ReadonlySet<number>,
  predecessorsOf: ReadonlyMap<number, readonly number[]>,
  regionOfLa: ReadonlyMap<number, string>,
): CurrentPicture {
  const live = new Set(sources.laListing.filter((la) => la.live).map((la) => la.laCode));
  const laOfUpperTier = laNumberOfUpperTier(sources.laListing.filter((la) => la.live));
  const byUrn = new Map(records.map((record) => [record.urn, record]));
  const movedFrom = new Map<number, Set<number>>();
  const counts = { closed: 0, opened: 0, movedLa: 0 };

  const schools = records.map((record) => {
    const ofsted = sources.ofsted.get(record.urn);
    const gias = sources.giasOpen.get(record.urn);
    const stateFunded = record.details.stateFunded === true;
    const open = !stateFunded || ofsted !== undefined || gias !== undefined;
    const isNew = newUrns.has(record.urn);
    const next: SchoolRecord = {
      ...record,
      details: { ...record.details },
      properties: { ...record.properties },
      open,
    };
    const p = next.properties;

    // Local authority: LAESTAB first, then the district for schools in an abolished authority.
    let laCode = ofsted?.laCode ?? record.laCode;
    if (!live.has(laCode) && record.properties.districtCode) {
      const upperTier = sources.upperTierOfDistrict.get(record.properties.districtCode);
      const successor = upperTier ? laOfUpperTier.get(upperTier) : undefined;
      if (successor !== undefined) laCode = successor;
    }
    if (laCode !== record.laCode && regionOfLa.has(laCode)) {
      const from = movedFrom.get(record.laCode) ?? new Set<number>();
      from.add(laCode);
      movedFrom.set(record.laCode, from);
      next.laCode = laCode;
      next.regionCode = regionOfLa.get(laCode) ?? null;
      counts.movedLa += 1;
    }

    if (!open) {
      counts.closed += 1;
      next.details.status = "Closed";
      p.closedBy = CURRENT_AS_OF;
      p.closedSource = sources.giasOpenSource;
    } else if (stateFunded) {
      next.details.status = "Open";
      p.closedBy = null;
      p.closedSource = null;
    }

    if (ofsted) {
      // Details as Ofsted lists them on 31 August 2025; census-only facts are kept.
      next.detailsAsOf = CURRENT_AS_OF;
      next.detailsSource = sources.ofstedSource;
      next.details.name = ofsted.name;
      next.details.laestab = ofsted.laestab;
      next.details.postcode = ofsted.postcode ?? record.details.postcode;
      next.details.statutoryLowAge = ofsted.statutoryLowAge;
      next.details.statutoryHighAge = ofsted.statutoryHighAge;
      next.details.religiousCharacter =
        ofsted.religiousCharacter ?? record.details.religiousCharacter;
      if (ofsted.pupils !== null) {
        next.pupils = {
          value: ofsted.pupils,
          year: CURRENT_PUPILS_YEAR,
          source: sources.ofstedSource,
        };
      }
      const graded = ofsted.inspections
        .filter((inspection) => inspection.kind === "GRADED")
        .sort((a, b) => b.date.localeCompare(a.date))[0];
      const judgement = graded ? judgementOf(graded) : null;
      if (judgement && (next.ofsted === null || next.ofsted.date <= judgement.date)) {
        next.ofsted = judgement;
      }
      next.inspections = mergeInspections(record.inspections ?? [], ofsted.inspections);
      p.openedOn = ofsted.openedOn;
      p.openedOnSource = ofsted.openedOn ? sources.ofstedSource : null;
    }
    if (gias) {
      next.details.town = next.details.town ?? gias.town;
      if (p.openedOn === null && gias.openedOn !== null) {
        p.openedOn = gias.openedOn;
        p.openedOnSource = sources.giasOpenSource;
      }
    }
    p.newSinceCensus = isNew;

    const ks4 = sources.ks4.get(record.urn);
    applyKs4(p, ks4, sources.ks4Source, sources.ks4Year);
    const contact = sources.contacts.get(record.urn);
    p.address = contact?.address ?? null;
    p.phone = contact?.phone ?? null;
    p.contactSource = contact ? sources.contactSource : null;

    if (isNew) {
      counts.opened += 1;
      carryContext(next, predecessorsOf, byUrn);
    }
    return next;
  });

  const listing = new Map<number, LocalAuthorityListing>();
  for (const entry of sources.laListing) if (!entry.live) listing.set(entry.laCode, entry);
  const authorities = localAuthorities.map((la) => {
    if (live.has(la.code)) return la;
    const successors = [...(movedFrom.get(la.code) ?? [])].sort((a, b) => a - b);
    return {
      ...la,
      closedOn: listing.get(la.code)?.terminatedOn ?? null,
      successorCodes: successors,
    };
  });
  return { schools, localAuthorities: authorities, counts };
}

type PropertyKey = keyof BundleProperties;

/** Each census figure with its year and source, copied together. */
const FIGURE_GROUPS: readonly (readonly PropertyKey[])[] = (
  ["ealPercent", "senPercent", "senSupportPercent", "ehcpPercent"] as const
).map((key) => [key, `${key}Year`, `${key}Source`] as const);

const PLACE: readonly PropertyKey[] = [
  "districtCode",
  "districtName",
  "wardCode",
  "wardName",
  "constituencyCode",
];
const DEPRIVATION: readonly PropertyKey[] = DEPRIVATION_PROPERTIES;
const RURAL_URBAN: readonly PropertyKey[] = [
  "ruralUrbanCode",
  "ruralUrban",
  "rural",
  "sparse",
  "ruralUrbanSource",
];
const COAST: readonly PropertyKey[] = [
  "coastal",
  "coastDistanceKm",
  "coastalDefinition",
  "coastalSource",
  "coastalBasis",
];

/** Copies a group of properties when the school lacks its first and the source has it. */
function copyGroup(
  to: BundleProperties,
  from: BundleProperties,
  keys: readonly PropertyKey[],
): boolean {
  const [first] = keys;
  if (first === undefined || to[first] !== null || from[first] === null) return false;
  Object.assign(to, Object.fromEntries(keys.map((key) => [key, from[key]])));
  return true;
}

/**
 * A school opened since the census (an academy conversion, mostly) has no census figures of its
 * own: it takes its nearest predecessor's, each with that figure's own year and source, and
 * `contextFromUrn` says whose they are. Its own figures, where it has any, win.
 */
function carryContext(
  school: SchoolRecord,
  predecessorsOf: ReadonlyMap<number, readonly number[]>,
  byUrn: ReadonlyMap<number, SchoolRecord>,
): void {
  const predecessor = (predecessorsOf.get(school.urn) ?? [])
    .map((urn) => byUrn.get(urn))
    .filter((record): record is SchoolRecord => record !== undefined)
    .sort((a, b) => a.urn - b.urn)[0];
  if (!predecessor) return;
  const to = school.properties;
  const from = predecessor.properties;
  let carried = false;
  for (const group of [...FIGURE_GROUPS, DEPRIVATION])
    carried = copyGroup(to, from, group) || carried;
  if (school.fsmPercent === null && predecessor.fsmPercent !== null) {
    school.fsmPercent = predecessor.fsmPercent;
    carried = true;
  }
  for (const key of PLACE) copyGroup(to, from, [key]);
  copyGroup(to, from, RURAL_URBAN);
  // The same site keeps its published coordinates; a move keeps the postcode estimate.
  if (
    predecessor.location?.precision === "EXACT" &&
    predecessor.details.postcode === school.details.postcode &&
    school.location?.precision !== "EXACT"
  ) {
    school.location = predecessor.location;
    to.locationPrecision = "EXACT";
    to.locationSource = predecessor.location.source;
    Object.assign(to, Object.fromEntries(COAST.map((key) => [key, from[key]])));
  }
  if (carried) to.contextFromUrn = predecessor.urn;
}

function applyKs4(
  p: BundleProperties,
  ks4: Ks4Results2024 | undefined,
  source: string,
  year: string,
): void {
  // The 2018/19 figures stay as history beside the newest.
  const history =
    p.ks4Year && p.ks4Year !== year
      ? [
          {
            year: p.ks4Year,
            source: p.ks4Source ?? "",
            progress8: p.ks4Progress8,
            attainment8: p.ks4Attainment8,
            grade5: p.ks4EnglishMathsGrade5Percent,
          },
        ]
      : [];
  p.ks4Progress8Lower = null;
  p.ks4Progress8Upper = null;
  p.ks4Pupils = null;
  if (ks4) {
    history.push({
      year,
      source,
      progress8: ks4.progress8,
      attainment8: ks4.attainment8,
      grade5: ks4.englishMathsGrade5Percent,
    });
    p.ks4Progress8 = ks4.progress8;
    p.ks4Attainment8 = ks4.attainment8;
    p.ks4EnglishMathsGrade5Percent = ks4.englishMathsGrade5Percent;
    p.ks4Progress8Lower = ks4.progress8Lower;
    p.ks4Progress8Upper = ks4.progress8Upper;
    p.ks4Pupils = ks4.pupils;
    p.ks4Year = year;
    p.ks4Source = source;
  }
  // Neo4j lists hold no nulls: a year without a figure holds NaN.
  const some = history.length > 0;
  p.ks4SeriesYears = some ? history.map((h) => h.year) : null;
  p.ks4SeriesSources = some ? history.map((h) => h.source) : null;
  p.ks4SeriesProgress8 = some ? history.map((h) => h.progress8 ?? Number.NaN) : null;
  p.ks4SeriesAttainment8 = some ? history.map((h) => h.attainment8 ?? Number.NaN) : null;
  p.ks4SeriesGrade5 = some ? history.map((h) => h.grade5 ?? Number.NaN) : null;
}

/**
 * Trust membership as at 31 August 2025. A multi-academy trust membership stands when the Ofsted
 * file gives the school that trust; otherwise it has ended ("left by 31 August 2025"). A closed
 * school's memberships have all ended. Single-academy trust and federation memberships stay as the
 * 2022 links give them, unless the newest GIAS group list shows the group closed. The file's trust, when the school is not yet linked to it, is a new
 * membership, joined on the school's open date when it opened after the 2022 links were taken.
 */
export function currentMemberships(
  memberships: readonly Membership[],
  partnerships: ReadonlyMap<string, Pick<Partnership, "type" | "status" | "closedOn">>,
  schools: readonly Pick<SchoolRecord, "urn" | "open">[],
  sources: Pick<CurrentSources, "ofsted" | "ofstedSource">,
  linksTakenOn: string,
  groupList: { source: string; asOf: string },
): { current: Membership[]; former: FormerMembership[] } {
  const open = new Map(schools.map((school) => [school.urn, school.open !== false]));
  const current: Membership[] = [];
  const former: FormerMembership[] = [];
  const linked = new Set<string>();
  const newTrust = (urn: number) => {
    const uid = sources.ofsted.get(urn)?.multiAcademyTrustUid;
    return uid ? partnershipId(uid) : null;
  };
  const joinedOnOf = (urn: number) => {
    const opened = sources.ofsted.get(urn)?.openedOn ?? null;
    return opened !== null && opened > linksTakenOn ? opened : null;
  };
  for (const membership of memberships) {
    const { urn } = membership;
    if (!open.has(urn)) continue;
    const end = (reason: string, leftOn: string | null) =>
      former.push({
        ...membership,
        leftOn,
        leftBy: CURRENT_AS_OF,
        leftSource: sources.ofstedSource,
        reason,
      });
    if (open.get(urn) === false) {
      end("The school closed", null);
      continue;
    }
    const partnership = partnerships.get(membership.partnershipId);
    if (partnership?.status === "CLOSED") {
      former.push({
        ...membership,
        leftOn: partnership.closedOn ?? null,
        leftBy: groupList.asOf,
        leftSource: groupList.source,
        reason: "The partnership closed",
      });
      continue;
    }
    if (partnership?.type === "MULTI_ACADEMY_TRUST" && sources.ofsted.has(urn)) {
      const trust = newTrust(urn);
      if (trust !== membership.partnershipId) {
        end(
          trust === null
            ? "No longer in a multi-academy trust"
            : "Moved to another multi-academy trust",
          trust === null ? null : joinedOnOf(urn),
        );
        continue;
      }
    }
    linked.add(`${urn}|${membership.partnershipId}`);
    current.push(membership);
  }
  for (const school of sources.ofsted.values()) {
    const trust = newTrust(school.urn);
    if (trust === null || open.get(school.urn) !== true) continue;
    if (linked.has(`${school.urn}|${trust}`)) continue;
    current.push({
      urn: school.urn,
      partnershipId: trust,
      joinedOn: joinedOnOf(school.urn),
      source: sources.ofstedSource,
    });
  }
  return { current, former };
}

/**
 * The 2022 partnerships with the 2026 list laid over them: a group open in 2026 takes its 2026
 * name, status and dates; one GIAS lists as closed keeps its record, closed; trusts opened since
 * 2022 are added.
 */
export function currentPartnerships(
  older: readonly Partnership[],
  newer: readonly Partnership[],
  closures: ReadonlyMap<string, string | null>,
): Partnership[] {
  const byId = new Map(older.map((p) => [p.id, p]));
  for (const [id, closedOn] of closures) {
    const known = byId.get(id);
    if (known) byId.set(id, { ...known, status: "CLOSED", closedOn });
  }
  for (const partnership of newer) byId.set(partnership.id, { ...partnership, closedOn: null });
  return [...byId.values()];
}
