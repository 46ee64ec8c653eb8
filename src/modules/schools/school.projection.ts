import type { ApolloServerPlugin } from "@apollo/server";
import {
  TypeInfo,
  getArgumentValues,
  getNamedType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
} from "graphql";
import { MAX_PAGE_SIZE } from "../common/pagination.js";
import { DEPRIVATION_PROPERTIES } from "./school.model.js";

/**
 * Which School node properties an operation needs. A school node holds about a hundred
 * properties, KS2 and KS4 series lists among them; a list of a hundred schools' names needs two
 * of them. Reading only the properties the operation's School fields need cuts what Neo4j sends
 * and the driver decodes by an order of magnitude.
 *
 * Each School field names the node properties its value (or its resolver) reads; see toSchool in
 * school.repository.ts. A field that needs only the URN maps to []. The projection is the union
 * over every School field anywhere in the operation's document, so every school a request reads
 * carries the same properties and one request's loaders can share them.
 */
const measure = (key: string) => [key, `${key}Year`, `${key}Source`];

export const SCHOOL_FIELD_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  urn: [],
  name: [],
  laestab: ["laestab"],
  status: ["status"],
  detailsAsOf: ["detailsAsOf"],
  detailsSource: ["detailsSource"],
  phase: ["phase"],
  establishmentType: ["establishmentType"],
  stateFunded: ["stateFunded"],
  governance: ["governance"],
  gender: ["gender"],
  religiousCharacter: ["religiousCharacter"],
  statutoryLowAge: ["statutoryLowAge"],
  statutoryHighAge: ["statutoryHighAge"],
  localAuthority: ["laCode"],
  region: ["regionCode"],
  district: ["districtCode", "districtName"],
  ward: ["wardCode", "wardName"],
  constituencyCode: ["constituencyCode"],
  postcode: ["postcode"],
  town: ["town"],
  location: ["location", "locationPrecision", "locationSource"],
  lsoa: ["lsoa"],
  ruralUrban: ["ruralUrbanCode", "ruralUrban", "ruralUrbanSource"],
  rural: ["rural"],
  sparse: ["sparse"],
  coastal: ["coastal"],
  coastDistanceKm: ["coastDistanceKm"],
  coastalDefinition: ["coastalDefinition"],
  coastalSource: ["coastal", "coastDistanceKm", "coastalSource"],
  pupils: measure("pupils"),
  fsmPercent: measure("fsmPercent"),
  ealPercent: measure("ealPercent"),
  senPercent: measure("senPercent"),
  senSupportPercent: measure("senSupportPercent"),
  ehcpPercent: measure("ehcpPercent"),
  ofsted: [
    "ofstedRating",
    "ofstedGrade",
    "ofstedDate",
    "ofstedGradeBasis",
    "ofstedInspectionType",
    "ofstedUrnAtInspection",
    "ofstedOverall",
    "ofstedQualityOfEducation",
    "ofstedBehaviourAndAttitudes",
    "ofstedPersonalDevelopment",
    "ofstedLeadershipAndManagement",
    "ofstedEarlyYears",
    "ofstedSixthForm",
    "ofstedSafeguardingEffective",
    "ofstedCategoryOfConcern",
    "ofstedSource",
  ],
  deprivation: DEPRIVATION_PROPERTIES,
  ks2: ["ks2Year", "ks2ReadingProgress", "ks2WritingProgress", "ks2MathsProgress", "ks2Source"],
  ks2Attainment: measure("ks2RwmExpected"),
  ks4: [
    "ks4Year",
    "ks4Progress8",
    "ks4Progress8Lower",
    "ks4Progress8Upper",
    "ks4Attainment8",
    "ks4EnglishMathsGrade5Percent",
    "ks4Pupils",
    "ks4Source",
  ],
  ks4History: [
    "ks4SeriesYears",
    "ks4SeriesSources",
    "ks4SeriesProgress8",
    "ks4SeriesAttainment8",
    "ks4SeriesGrade5",
    "ks4Year",
    "ks4Progress8Lower",
    "ks4Progress8Upper",
    "ks4Pupils",
  ],
  ks2History: [
    "ks2RwmSeriesYears",
    "ks2RwmSeriesValues",
    "ks2RwmSeriesUrns",
    "ks2RwmSeriesCohorts",
    "ks2RwmSeriesDisadvantaged",
    "ks2RwmSeriesSource",
  ],
  newSinceCensus: ["newSinceCensus"],
  openedOn: ["openedOn"],
  contextFromUrn: ["contextFromUrn"],
  contact: ["address", "phone", "contactSource"],
  ks4Progress8Band: measure("ks4Progress8Band"),
  offers: ["offers"],
  seeks: ["seeks"],
  offerUpdatedAt: ["offerUpdatedAt"],
  offersFromUrn: ["offersFromUrn"],
  // Resolved from the URN by other statements.
  memberships: [],
  formerMemberships: [],
  ofstedHistory: [],
  giasUrl: [],
  ofstedReportsUrl: [],
  leaders: [],
  predecessors: [],
  successors: [],
  need: [],
  systemLeaders: [],
  supportEngagements: [],
  advisers: [],
  grants: [],
  __typename: [],
};

/** Read by toSchool whatever is selected. */
const ALWAYS = ["urn", "name"];

/** null: read every property (a School field this table does not know). */
export type SchoolProperties = readonly string[] | null;

/**
 * What a request reads with each school, set once its operation is known: its properties (null,
 * all of them, until then), and whether its LA and region come in the same statement.
 */
export interface SchoolSelection {
  properties: SchoolProperties;
  areas: boolean;
  /** Whether its current memberships come in the same statement as each school. */
  memberships: boolean;
  /**
   * With `memberships`: the size of the first page of members read with each partnership named,
   * when every `Partnership.members` of the operation asks for a first page of that size; null
   * when it asks for none or for pages of different sizes or positions (they are read apart).
   */
  memberPage: number | null;
}

/** Whole records, nothing alongside: the selection before an operation is known, and for scripts. */
export function wholeSchools(): SchoolSelection {
  return { properties: null, areas: false, memberships: false, memberPage: null };
}

/** School fields answered from the school's LA or region. */
const AREA_FIELDS = new Set(["localAuthority", "region"]);

/** What a document asks of schools whatever its variables, and its `Partnership.members` fields. */
interface DocumentSelection {
  properties: SchoolProperties;
  areas: boolean;
  memberships: boolean;
  members: FieldNode[];
}

const cache = new WeakMap<DocumentNode, DocumentSelection>();

function documentSelection(schema: GraphQLSchema, document: DocumentNode): DocumentSelection {
  const cached = cache.get(document);
  if (cached !== undefined) return cached;
  const wanted = new Set<string>(ALWAYS);
  let whole = false;
  let areas = false;
  let memberships = false;
  const members: FieldNode[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const parentName = parent ? getNamedType(parent).name : null;
        if (parentName === "Partnership" && node.name.value === "members") members.push(node);
        if (parentName !== "School") return;
        if (AREA_FIELDS.has(node.name.value)) areas = true;
        if (node.name.value === "memberships") memberships = true;
        const properties = SCHOOL_FIELD_PROPERTIES[node.name.value];
        if (properties === undefined) whole = true;
        else for (const property of properties) wanted.add(property);
      },
    }),
  );
  const result = { properties: whole ? null : [...wanted].sort(), areas, memberships, members };
  cache.set(document, result);
  return result;
}

/**
 * The one page size every `Partnership.members` field asks for, when all ask for a first page
 * (no `after`) of the same size with these variables; null otherwise, or when there are none.
 */
function firstMemberPage(
  schema: GraphQLSchema,
  fields: readonly FieldNode[],
  variables: Readonly<Record<string, unknown>>,
): number | null {
  const partnership = schema.getType("Partnership");
  const definition = isObjectType(partnership) ? partnership.getFields()["members"] : undefined;
  if (definition === undefined || fields.length === 0) return null;
  const sizes = new Set<unknown>();
  for (const field of fields) {
    try {
      const args = getArgumentValues(definition, field, variables);
      if (args["after"] != null) return null;
      sizes.add(args["first"]);
    } catch {
      return null; // a bad argument: the field itself reports it when resolved
    }
  }
  const [size] = sizes;
  const valid = typeof size === "number" && Number.isInteger(size) && size >= 1;
  return sizes.size === 1 && valid && size <= MAX_PAGE_SIZE ? size : null;
}

/**
 * What any operation in `document` can need of a school: its properties (null for all of them),
 * whether it asks for a school's LA or region, or its memberships, and the first page of
 * members it asks of their partnerships. The document's part is cached per parsed document,
 * which Apollo reuses for a repeated query string.
 */
export function schoolSelectionFor(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> = {},
): SchoolSelection {
  const { properties, areas, memberships, members } = documentSelection(schema, document);
  return {
    properties,
    areas,
    memberships,
    memberPage: memberships ? firstMemberPage(schema, members, variables) : null,
  };
}

/**
 * The statements' two ways of returning a school: its whole property map (with `properties`
 * null), or the list of the values of `properties` in that order. Gives the property map either way.
 */
export function projectedProperties(value: unknown, properties: SchoolProperties): unknown {
  if (properties === null) return value;
  const values = Array.isArray(value) ? (value as unknown[]) : [];
  const school: Record<string, unknown> = {};
  for (let index = 0; index < properties.length; index += 1) {
    school[properties[index]!] = values[index] ?? null;
  }
  return school;
}

/**
 * Sets each request's `schoolSelection` from its operation before execution starts. Without it
 * (or with `enabled` false) every school is read whole.
 */
export function schoolProjectionPlugin(
  schema: GraphQLSchema,
  enabled = true,
): ApolloServerPlugin<{ schoolSelection: SchoolSelection }> {
  return {
    async requestDidStart() {
      if (!enabled) return;
      return {
        async didResolveOperation({ document, contextValue, request }) {
          Object.assign(
            contextValue.schoolSelection,
            schoolSelectionFor(schema, document, request.variables ?? {}),
          );
        },
      };
    },
  };
}
