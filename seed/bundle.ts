/**
 * Reads the bundled open data under seed/data and joins it into what the graph needs.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { DataFileError } from "../src/errors/index.js";
import { parseCsv, type CsvOptions, type CsvTable } from "./csv/table.js";
import { readTextFile } from "./csv/text.js";
import { DATASETS, dataFile } from "./datasets.js";
import type { SchoolRecord } from "./domain/school.js";
import { coastalFacts, loadCoastIndex } from "./geo/coast.js";
import {
  COASTAL_TOWN_COLUMNS,
  COASTAL_TOWN_DEFINITION,
  coastalTown,
  parseCoastalTowns,
  townKey,
} from "./geo/coastal-towns.js";
import {
  applyCurrentPicture,
  currentMemberships,
  currentPartnerships,
  newSchoolEntries,
  type CurrentPicture,
} from "./current.js";
import { joinSchools } from "./join.js";
import { GIAS_OPEN_COLUMNS, parseGiasOpenSchools } from "./sources/giasOpen.js";
import { KS4_2024_COLUMNS, parseKs4Secondary } from "./sources/ks4Secondary.js";
import { OFSTED_2025_COLUMNS, parseOfsted2025 } from "./sources/ofsted2025.js";
import { SkipCounter, type Parsed, type Rejection } from "./rejections.js";
import { CENSUS_COLUMNS, parseCensus } from "./sources/census.js";
import {
  ESTABLISHMENT_LINK_COLUMNS,
  formerEstablishments,
  normaliseEstablishmentLinks,
  type FormerEstablishment,
  type Succession,
} from "./sources/establishmentLinks.js";
import {
  buildLocalAuthorities,
  DEPRIVATION_COLUMNS,
  DISTRICT_LOOKUP_COLUMNS,
  HIERARCHY_COLUMNS,
  LOCAL_AUTHORITY_COLUMNS,
  parseDeprivation,
  parseDistrictLookup,
  parseLaHierarchy,
  parseLocalAuthorityList,
  parseRegions,
  parseRuralUrban,
  REGION_COLUMNS,
  RURAL_URBAN_COLUMNS,
  type LocalAuthority,
  type Region,
} from "./sources/geography.js";
import {
  GROUP_COLUMNS,
  GROUP_LINK_COLUMNS,
  parseGroupClosures,
  parseGroupLinks,
  parseGroups,
  type FormerMembership,
  type Membership,
  type Partnership,
  type PartnershipHead,
} from "./sources/groups.js";
import { OFSTED_COLUMNS, parseOfstedManagementInformation } from "./sources/ofsted.js";
import {
  KS2_HISTORY_COLUMNS,
  KS4_CONTACT_COLUMNS,
  KS4_INFORMATION_COLUMNS,
  KS4_PRIOR_ATTAINMENT_COLUMNS,
  parseKs2History,
  parseKs4Contacts,
  parseKs4Information,
  parseKs4PriorAttainment,
  predecessorIndex,
} from "./sources/outcomes.js";
import { KS2_COLUMNS, KS4_COLUMNS, parseKs2, parseKs4 } from "./sources/performance.js";
import { parseSpc, SPC_COLUMNS } from "./sources/spc.js";

export interface Bundle {
  regions: Region[];
  localAuthorities: LocalAuthority[];
  schools: SchoolRecord[];
  partnerships: Partnership[];
  partnershipHeads: PartnershipHead[];
  memberships: Membership[];
  /** Memberships that ended by 31 August 2025 (left the trust, or the school closed). */
  formerMemberships: FormerMembership[];
  /** What the 2025 sources changed: schools closed, opened and moved to another LA. */
  current: CurrentPicture["counts"];
  formerEstablishments: FormerEstablishment[];
  successions: Succession[];
  rejections: Rejection[];
  skipped: SkipCounter;
}

function readTable(relative: string, options: CsvOptions): CsvTable {
  const file = dataFile(relative);
  if (!existsSync(file)) {
    throw new DataFileError(
      `${file} is missing: run \`npx tsx seed/copy-bundle.ts\` to copy the open-data bundle into seed/data.`,
    );
  }
  return parseCsv(readTextFile(file), relative, options);
}

const Manifest = z.object({ datasets: z.array(z.object({ id: z.string().min(1) })).min(1) });

/** The dataset ids a release's MANIFEST.json names (seed/data's, or an earlier release's). */
export function manifestDatasetIds(file: string): Set<string> {
  if (!existsSync(file)) throw new DataFileError(`${file}: no such manifest`);
  let parsed: z.infer<typeof Manifest>;
  try {
    parsed = Manifest.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    throw new DataFileError(
      `${file} is not a data manifest (a JSON object whose "datasets" lists { "id": ... }): ` +
        (error instanceof Error ? error.message.split("\n")[0] : String(error)),
    );
  }
  return new Set(parsed.datasets.map((dataset) => dataset.id));
}

/** How many times readBundle reports progress: once per file, and once for the coastline. */
export const BUNDLE_STEPS = 21 + DATASETS.ofsted.files.length;

/** The datasets of the 2025/26 picture, which a release without them (before 2025/26) lacks. */
const CURRENT_PICTURE = [
  DATASETS.ofsted2025,
  DATASETS.giasOpen2025,
  DATASETS.ks4Secondary2024,
  DATASETS.districtLookup,
  DATASETS.groups2026,
] as const;

export interface BundleOptions {
  /**
   * The ids of the datasets to read, e.g. an earlier release's manifest; every dataset when
   * absent. Without the 2025/26 datasets the bundle is the picture as at the 2023 census.
   */
  datasets?: ReadonlySet<string>;
}

/**
 * Reads and joins the bundle. `onFile` is told as each file is read, for progress.
 * The 2025/26 picture applies only when all its datasets are wanted; some without the rest is
 * an error, since they correct one another (LAESTAB with the district lookup, the Ofsted file's
 * trusts with GIAS 2026).
 */
export function readBundle(
  onFile: (file: string) => void = () => {},
  options: BundleOptions = {},
): Bundle {
  const wanted = (id: string) => options.datasets?.has(id) ?? true;
  const currentWanted = CURRENT_PICTURE.filter((dataset) => wanted(dataset.id));
  if (currentWanted.length > 0 && currentWanted.length < CURRENT_PICTURE.length) {
    throw new DataFileError(
      `The 2025/26 picture needs all of ${CURRENT_PICTURE.map((d) => d.id).join(", ")}; ` +
        `the release names only ${currentWanted.map((d) => d.id).join(", ")}.`,
    );
  }
  const withCurrent = currentWanted.length > 0;
  const rejections: Rejection[] = [];
  const skipped = new SkipCounter();
  const take = <T>(parsed: Parsed<T>): T => {
    rejections.push(...parsed.rejections);
    skipped.merge(parsed.skipped);
    return parsed.records;
  };
  const read = (relative: string, options: CsvOptions): CsvTable => {
    onFile(relative);
    return readTable(relative, options);
  };

  const [regionsFile, hierarchyFile, laFile] = DATASETS.geography.files;
  const regions = take(parseRegions(read(regionsFile, { required: REGION_COLUMNS })));
  const hierarchy = take(parseLaHierarchy(read(hierarchyFile, { required: HIERARCHY_COLUMNS })));
  const laListing = take(
    // The list leaves old_la_code off entirely for LAs without one.
    parseLocalAuthorityList(
      read(laFile, { required: LOCAL_AUTHORITY_COLUMNS, allowShortRows: true }),
    ),
  );

  const regionOfLa = new Map(hierarchy.map((entry) => [entry.laCode, entry.regionCode]));
  const spc = take(
    parseSpc(read(DATASETS.spc.files[0], { required: SPC_COLUMNS }), new Set(regionOfLa.keys())),
  );
  const censusCodes = new Map(spc.map((school) => [school.laCode, school.laGssCode]));
  const localAuthorities = buildLocalAuthorities(hierarchy, laListing, censusCodes, skipped);

  const census = take(
    // The census file drops trailing empty fields on independent schools' rows.
    parseCensus(read(DATASETS.census.files[0], { required: CENSUS_COLUMNS, allowShortRows: true })),
  );
  const ks2 = take(
    parseKs2(read(DATASETS.ks2.files[0], { required: KS2_COLUMNS }), DATASETS.ks2.id),
  );
  const ks4 = take(
    parseKs4(read(DATASETS.ks4.files[0], { required: KS4_COLUMNS }), DATASETS.ks4.id),
  );
  const ofsted = take(
    parseOfstedManagementInformation(
      DATASETS.ofsted.files.map((file) => read(file, { required: OFSTED_COLUMNS })),
      DATASETS.ofsted.id,
    ),
  );
  const ks2History = take(
    parseKs2History(read(DATASETS.ks2History.files[0], { required: KS2_HISTORY_COLUMNS })),
  );
  // One read of the KS4 school information: Progress 8 bands, prior attainment and contacts.
  const ks4InformationTable = read(DATASETS.ks4Information.files[0], {
    required: [...KS4_INFORMATION_COLUMNS, ...KS4_PRIOR_ATTAINMENT_COLUMNS, ...KS4_CONTACT_COLUMNS],
  });
  const ks4Bands = take(parseKs4Information(ks4InformationTable));
  const ks4PriorAttainment = take(parseKs4PriorAttainment(ks4InformationTable));
  const deprivation = take(
    parseDeprivation(read(DATASETS.deprivation.files[0], { required: DEPRIVATION_COLUMNS })),
  );
  const ruralUrban = take(
    parseRuralUrban(read(DATASETS.ruralUrban.files[0], { required: RURAL_URBAN_COLUMNS })),
  );

  // Read before the join: a school's KS2 series includes what its predecessor URNs published.
  const links = take(
    normaliseEstablishmentLinks(
      read(DATASETS.establishmentLinks.files[0], { required: ESTABLISHMENT_LINK_COLUMNS }),
      DATASETS.establishmentLinks.id,
    ),
  );

  const ks4Contacts = parseKs4Contacts(ks4InformationTable);
  const predecessorsOf = predecessorIndex(links.successions);
  const read2025 = () => ({
    ofsted: take(
      parseOfsted2025(
        read(DATASETS.ofsted2025.files[0], { required: OFSTED_2025_COLUMNS }),
        DATASETS.ofsted2025.id,
      ),
    ),
    giasOpen: take(
      parseGiasOpenSchools(read(DATASETS.giasOpen2025.files[0], { required: GIAS_OPEN_COLUMNS })),
    ),
    ks4: take(
      parseKs4Secondary(read(DATASETS.ks4Secondary2024.files[0], { required: KS4_2024_COLUMNS })),
    ),
    upperTierOfDistrict: take(
      parseDistrictLookup(
        read(DATASETS.districtLookup.files[0], { required: DISTRICT_LOOKUP_COLUMNS }),
      ),
    ),
  });
  const latest = withCurrent ? read2025() : null;
  const opened = latest
    ? newSchoolEntries(
        spc,
        { ofsted: latest.ofsted, giasOpen: latest.giasOpen },
        new Set(regionOfLa.keys()),
        skipped,
      )
    : [];

  onFile("coastline (world-atlas land-10m)");
  const coast = loadCoastIndex();
  const joined = joinSchools({
    spc: [...spc, ...opened],
    census,
    ks2,
    ks4,
    ofsted,
    ks2History,
    ks4Bands,
    ks4PriorAttainment,
    predecessorsOf,
    deprivation,
    ruralUrban,
    regionOfLa,
    coastal: (latitude, longitude) => coastalFacts(coast, latitude, longitude),
  });
  skipped.merge(joined.skipped);
  const current: Pick<CurrentPicture, "schools" | "localAuthorities" | "counts"> = latest
    ? applyCurrentPicture(
        joined.schools,
        localAuthorities,
        {
          ofsted: latest.ofsted,
          ofstedSource: DATASETS.ofsted2025.id,
          giasOpen: latest.giasOpen,
          giasOpenSource: DATASETS.giasOpen2025.id,
          ks4: latest.ks4,
          ks4Source: DATASETS.ks4Secondary2024.id,
          ks4Year: DATASETS.ks4Secondary2024.period,
          contacts: ks4Contacts,
          contactSource: DATASETS.ks4Information.id,
          upperTierOfDistrict: latest.upperTierOfDistrict,
          laListing,
        },
        new Set(opened.map((school) => school.urn)),
        predecessorsOf,
        regionOfLa,
      )
    : {
        schools: joined.schools,
        localAuthorities,
        counts: { closed: 0, opened: 0, movedLa: 0 },
      };
  if (wanted(DATASETS.coastalTowns.id)) {
    // The ONS towns flag wins where it classifies the school's town (towns are final only now,
    // after the 2025 GIAS list filled the missing ones); the distance stays as a figure.
    const towns = take(
      parseCoastalTowns(read(DATASETS.coastalTowns.files[0], { required: COASTAL_TOWN_COLUMNS })),
    );
    const regionName = new Map(regions.map((region) => [region.code, region.name]));
    // GIAS gives the postal town, and a city's spills over its boundary (41 Knowsley schools
    // are addressed "Liverpool"): a town named like another LA is not the school's own town.
    const laOfTownName = new Map(
      current.localAuthorities.map((la) => [townKey(la.name.split(",")[0]!), la.code]),
    );
    for (const school of current.schools) {
      const namesakeLa = school.details.town
        ? laOfTownName.get(townKey(school.details.town))
        : undefined;
      if (namesakeLa !== undefined && namesakeLa !== school.laCode) continue;
      const flag = coastalTown(
        towns,
        school.details.town,
        school.regionCode === null ? null : (regionName.get(school.regionCode) ?? null),
      );
      if (flag === null) continue;
      school.properties.coastal = flag;
      school.properties.coastalBasis = "ONS_TOWN";
      school.properties.coastalDefinition = COASTAL_TOWN_DEFINITION;
      school.properties.coastalSource = DATASETS.coastalTowns.id;
    }
  }
  const schoolUrns = new Set(current.schools.map((school) => school.urn));

  const groups = take(
    parseGroups(read(DATASETS.groups.files[0], { required: GROUP_COLUMNS }), DATASETS.groups.id),
  );
  const groups2026Table = withCurrent
    ? read(DATASETS.groups2026.files[0], { required: GROUP_COLUMNS })
    : null;
  const groups2026 = groups2026Table
    ? take(parseGroups(groups2026Table, DATASETS.groups2026.id))
    : { partnerships: [], heads: [] };
  const partnerships = groups2026Table
    ? currentPartnerships(
        groups.partnerships,
        groups2026.partnerships,
        parseGroupClosures(groups2026Table),
      )
    : groups.partnerships;
  const partnershipIds = new Set(partnerships.map((p) => p.id));
  const links2022 = take(
    parseGroupLinks(
      read(DATASETS.groupLinks.files[0], { required: GROUP_LINK_COLUMNS }),
      DATASETS.groupLinks.id,
      new Set(groups.partnerships.map((p) => p.id)),
      schoolUrns,
    ),
  );
  const memberships = latest
    ? currentMemberships(
        links2022,
        new Map(partnerships.map((p) => [p.id, p])),
        current.schools,
        { ofsted: latest.ofsted, ofstedSource: DATASETS.ofsted2025.id },
        DATASETS.groupLinks.period,
        { source: DATASETS.groups2026.id, asOf: DATASETS.groups2026.period },
      )
    : { current: links2022, former: [] };
  const knownTrusts = memberships.current.filter((m) => partnershipIds.has(m.partnershipId));
  skipped.add(
    "Ofsted 2025: trust memberships naming a trust GIAS 2026 does not list",
    memberships.current.length - knownTrusts.length,
  );
  // One head per partnership, the newest source's.
  const heads2026 = new Set(groups2026.heads.map((head) => head.partnershipId));
  // GIAS 2026 is a dated extract; the 2022 groups file gives only its month.
  const heads: PartnershipHead[] = [
    ...groups.heads.filter((head) => !heads2026.has(head.partnershipId)),
    ...groups2026.heads.map((head) => ({ ...head, asOf: DATASETS.groups2026.period })),
  ];
  return {
    regions,
    localAuthorities: current.localAuthorities,
    schools: current.schools,
    partnerships,
    partnershipHeads: heads,
    memberships: knownTrusts,
    formerMemberships: memberships.former,
    current: current.counts,
    formerEstablishments: formerEstablishments(links.successions, links.linkNames, schoolUrns),
    successions: links.successions,
    rejections,
    skipped,
  };
}

/**
 * The part of a bundle about the schools of some local authorities (their current LA): those
 * schools, their memberships and successions and the establishments those name. Regions, local
 * authorities and partnerships stay whole, so the codes and groups the schools name exist.
 */
export function bundleForLocalAuthorities(bundle: Bundle, laCodes: ReadonlySet<number>): Bundle {
  const schools = bundle.schools.filter((school) => laCodes.has(school.laCode));
  const urns = new Set(schools.map((school) => school.urn));
  const successions = bundle.successions.filter(
    (link) => urns.has(link.predecessorUrn) || urns.has(link.successorUrn),
  );
  const linked = new Set(successions.flatMap((link) => [link.predecessorUrn, link.successorUrn]));
  return {
    ...bundle,
    schools,
    memberships: bundle.memberships.filter((m) => urns.has(m.urn)),
    formerMemberships: bundle.formerMemberships.filter((m) => urns.has(m.urn)),
    formerEstablishments: bundle.formerEstablishments.filter((e) => linked.has(e.urn)),
    successions,
  };
}
