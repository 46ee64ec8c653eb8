/**
 * Synthetic schools for scale benchmarks, drawn from the real ones. Not schools: every record it
 * makes is `synthetic: true` and names this generator, its seed and the real school it was drawn
 * from, and it is only ever loaded into the scale benchmark's own Neo4j (bench/scale/), never the
 * main instance.
 *
 * The rule, for copy c (1, 2, ...) of England:
 *
 * - **one synthetic school per open real school**, in the real schools' order, so copy c has as
 *   many schools as England, and England plus copies 1..k-1 is k× England;
 * - its **donor** is a real open school drawn at random from the same local authority and phase
 *   (the real school's own group), so the mix of phases, types, governance, Ofsted grades,
 *   rurality and coastal flags is each LA's own;
 * - its **figures** are the donor's, each continuous one (pupils, FSM, EAL, SEN, EHCP,
 *   deprivation, results, prior attainment) moved by Gaussian noise with a standard deviation of
 *   JITTER × that figure's spread in the LA and phase (the phase's spread when the LA has one such
 *   school), and percentages kept within 0..100; missing figures stay missing, so the share of
 *   imputed figures is the real one;
 * - its **position** is the donor's moved by Gaussian noise of POSITION_KM on each axis, so it
 *   stays in the donor's neighbourhood and, but for schools on a boundary, its LA;
 * - its **trusts** are the donor's, so the share of schools in a trust is the real one and a
 *   trust at k× England has about k times its members;
 * - its **URN** is SYNTHETIC_URN_BASE + c × URNS_PER_COPY + the real school's position: real URNs
 *   have six digits (100000..999999), so no synthetic URN is or will be a real one;
 * - its **name** is "Synthetic school <URN>"; no postcode, address, telephone, LAESTAB or
 *   inspection history.
 *
 * Draws come from one generator seeded with `seed` and `c`, so a seed and a copy number always
 * give the same schools, whichever other copies exist.
 */
import { seededRandom } from "../../src/modules/similarity/stats.js";
import type { Figure, SchoolRecord } from "../domain/school.js";
import type { Membership } from "../sources/groups.js";

export const SYNTHETIC_GENERATOR = { name: "scale-synthetic-schools", version: 1 } as const;
export const DEFAULT_SYNTHETIC_SEED = 20_261_206;
/** Above every six-digit URN DfE issues. */
export const SYNTHETIC_URN_BASE = 10_000_000;
/** Room for one copy of England (about 25,000 open schools) and growth. */
export const URNS_PER_COPY = 100_000;
/** A figure's noise, as a share of its spread in the school's LA and phase. */
export const JITTER = 0.1;
/** A position's noise on each axis, in kilometres. */
export const POSITION_KM = 1;
const KM_PER_DEGREE_LATITUDE = 111.32;

/** The continuous figures moved by noise, and whether each is a percentage. */
export const JITTERED_PROPERTIES = {
  ealPercent: true,
  senPercent: true,
  senSupportPercent: true,
  ehcpPercent: true,
  idaciScore: false,
  incomeScore: false,
  ks2ReadingProgress: false,
  ks2WritingProgress: false,
  ks2MathsProgress: false,
  ks2RwmExpected: true,
  ks4Progress8: false,
  ks4Attainment8: false,
  ks4EnglishMathsGrade5Percent: true,
  ks2PriorAttainment: false,
} as const;
type JitteredProperty = keyof typeof JITTERED_PROPERTIES;
const JITTERED = Object.keys(JITTERED_PROPERTIES) as JitteredProperty[];

export interface SyntheticCopy {
  schools: SchoolRecord[];
  memberships: Membership[];
}

export interface SyntheticOptions {
  seed?: number;
}

/** The URN of copy `copy`'s school drawn for the real school at `position`. */
export function syntheticUrn(copy: number, position: number): number {
  if (!Number.isInteger(copy) || copy < 1)
    throw new RangeError(`copy must be 1 or more; got ${copy}`);
  if (position >= URNS_PER_COPY) throw new RangeError(`more than ${URNS_PER_COPY} schools a copy`);
  return SYNTHETIC_URN_BASE + copy * URNS_PER_COPY + position;
}

/** True for a URN this generator gives out. */
export function isSyntheticUrn(urn: number): boolean {
  return urn >= SYNTHETIC_URN_BASE;
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

const groupKey = (school: SchoolRecord) => `${school.laCode}|${school.details.phase ?? "-"}`;

type Spreads = Map<JitteredProperty | "pupils" | "fsmPercent", number>;

function figureOf(school: SchoolRecord, name: JitteredProperty | "pupils" | "fsmPercent") {
  if (name === "pupils") return school.pupils?.value ?? null;
  if (name === "fsmPercent") return school.fsmPercent?.value ?? null;
  return school.properties[name];
}

/** Each jittered figure's spread among `schools`, where at least two have it. */
function spreadsOf(schools: readonly SchoolRecord[]): Spreads {
  const spreads: Spreads = new Map();
  for (const name of ["pupils", "fsmPercent", ...JITTERED] as const) {
    const values = schools
      .map((school) => figureOf(school, name))
      .filter((value): value is number => value !== null && Number.isFinite(value));
    if (values.length >= 2) spreads.set(name, standardDeviation(values));
  }
  return spreads;
}

/**
 * Copy `copy` of England: one synthetic school per open real school (see the file comment), and
 * the memberships of its donor's trusts. `memberships` are the real schools' current ones.
 */
export function generateCopy(
  real: readonly SchoolRecord[],
  memberships: readonly Membership[],
  copy: number,
  options: SyntheticOptions = {},
): SyntheticCopy {
  const seed = options.seed ?? DEFAULT_SYNTHETIC_SEED;
  const random = seededRandom((seed ^ Math.imul(copy, 0x9e3779b1)) >>> 0);
  const open = real.filter((school) => school.open !== false && !isSyntheticUrn(school.urn));

  const groups = new Map<string, SchoolRecord[]>();
  const phases = new Map<string, SchoolRecord[]>();
  for (const school of open) {
    const key = groupKey(school);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)?.push(school);
    const phase = school.details.phase ?? "-";
    if (!phases.has(phase)) phases.set(phase, []);
    phases.get(phase)?.push(school);
  }
  const groupSpreads = new Map([...groups].map(([key, schools]) => [key, spreadsOf(schools)]));
  const phaseSpreads = new Map([...phases].map(([key, schools]) => [key, spreadsOf(schools)]));
  const trustsOf = new Map<number, Membership[]>();
  for (const membership of memberships) {
    if (!trustsOf.has(membership.urn)) trustsOf.set(membership.urn, []);
    trustsOf.get(membership.urn)?.push(membership);
  }

  const schools: SchoolRecord[] = [];
  const joined: Membership[] = [];
  open.forEach((school, position) => {
    const group = groups.get(groupKey(school)) as SchoolRecord[];
    const donor = group[Math.floor(random() * group.length)] as SchoolRecord;
    const urn = syntheticUrn(copy, position);
    const spread = (name: JitteredProperty | "pupils" | "fsmPercent") =>
      group.length >= 2
        ? (groupSpreads.get(groupKey(school))?.get(name) ?? 0)
        : (phaseSpreads.get(school.details.phase ?? "-")?.get(name) ?? 0);
    const moved = (value: number | null, name: JitteredProperty | "pupils" | "fsmPercent") => {
      if (value === null || !Number.isFinite(value)) return value;
      const next = value + gaussian(random) * JITTER * spread(name);
      const percent = name === "fsmPercent" || (name !== "pupils" && JITTERED_PROPERTIES[name]);
      return percent ? Math.min(100, Math.max(0, next)) : next;
    };
    const movedFigure = (figure: Figure | null, name: "pupils" | "fsmPercent"): Figure | null => {
      if (!figure) return null;
      const value = moved(figure.value, name) as number;
      return { ...figure, value: name === "pupils" ? Math.max(1, Math.round(value)) : value };
    };

    const properties = { ...donor.properties };
    for (const name of JITTERED) properties[name] = moved(donor.properties[name], name);
    properties.ks2RwmSeriesUrns =
      donor.properties.ks2RwmSeriesUrns?.map((seriesUrn) =>
        seriesUrn === donor.urn ? urn : seriesUrn,
      ) ?? null;
    Object.assign(properties, {
      address: null,
      phone: null,
      contactSource: null,
      contextFromUrn: null,
      newSinceCensus: false,
      closedBy: null,
      closedSource: null,
      synthetic: true,
      syntheticSource:
        `${SYNTHETIC_GENERATOR.name} v${SYNTHETIC_GENERATOR.version} ` +
        `(seed/synthetic/generator.ts), seed ${seed}, copy ${copy}, drawn from URN ${donor.urn}`,
      syntheticSeed: seed,
      syntheticCopy: copy,
      syntheticDonorUrn: donor.urn,
    });

    const location = donor.location && {
      ...donor.location,
      latitude: donor.location.latitude + (gaussian(random) * POSITION_KM) / KM_PER_DEGREE_LATITUDE,
      longitude:
        donor.location.longitude +
        (gaussian(random) * POSITION_KM) /
          (KM_PER_DEGREE_LATITUDE * Math.cos((donor.location.latitude * Math.PI) / 180)),
    };

    schools.push({
      urn,
      open: true,
      detailsAsOf: donor.detailsAsOf,
      detailsSource: donor.detailsSource,
      details: {
        ...donor.details,
        name: `Synthetic school ${urn}`,
        laestab: null,
        postcode: null,
      },
      pupils: movedFigure(donor.pupils, "pupils"),
      fsmPercent: movedFigure(donor.fsmPercent, "fsmPercent"),
      ofsted: donor.ofsted,
      laCode: donor.laCode,
      regionCode: donor.regionCode,
      location,
      properties,
    });
    for (const membership of trustsOf.get(donor.urn) ?? []) {
      joined.push({ ...membership, urn });
    }
  });
  return { schools, memberships: joined };
}
