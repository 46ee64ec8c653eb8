/**
 * Provenance of every file the importer reads, and of the figures it derives. Each entry becomes a
 * `Dataset` node, and every `xSource` property on a school names one of these ids.
 */
import path from "node:path";
import { projectRoot } from "../src/config.js";
import { GENERATOR } from "./system-leaders/generator.js";

export const SEED_DATA_DIR = path.join(projectRoot, "seed", "data");

export const OGL = "Open Government Licence v3.0";
export const OGL_ATTRIBUTION =
  "Contains public sector information licensed under the Open Government Licence v3.0.";

export interface Origin {
  repository: string;
  path: string;
  commit: string;
}

export interface DatasetInfo {
  id: string;
  title: string;
  publisher: string;
  /** The academic year, calendar year or date the figures describe. */
  period: string;
  licence: string;
  attribution: string;
  origin: Origin;
  description: string;
  /** Paths under seed/data without the .gz suffix; empty for derived datasets. */
  files: readonly string[];
}

const DFE = "Department for Education";
const GIAS = "Department for Education (Get Information About Schools)";

/** A bundled dataset; the file list keeps its tuple type so `files[0]` is known to exist. */
const bundle = <const Files extends readonly string[]>(
  info: Omit<DatasetInfo, "licence" | "attribution" | "files"> & { files: Files },
) => ({ ...info, licence: OGL, attribution: OGL_ATTRIBUTION });

/** A dataset this project derives from the loaded ones; `code` is the file that derives it. */
const derived = (
  code: string,
  info: Pick<DatasetInfo, "id" | "title" | "period" | "description">,
) => ({
  ...info,
  publisher: "Derived in this project",
  licence: OGL,
  attribution: OGL_ATTRIBUTION,
  origin: { repository: "this project", path: code, commit: "" },
  files: [],
});

export const DATASETS = {
  spc: bundle({
    id: "dfe-spc-2022-23",
    title: "Schools, pupils and their characteristics 2022/23: school-level data",
    publisher: DFE,
    period: "2022/23",
    origin: { repository: "mrc-ide/helios", path: "data/schools_uk.rda", commit: "ad065317" },
    description:
      "One row per school open at the January 2023 census (24,442 incl. independent schools): URN, " +
      "LA, phase grouping, type, denomination, district, ward, constituency, urban/rural class, " +
      "postcode, academy flag, pupil headcount, FSM % and first language not English %.",
    files: ["schools/spc_school_level_2022-23.csv"],
  }),
  census: bundle({
    id: "dfe-census-2020-21",
    title: "School performance tables census data, January 2021",
    publisher: DFE,
    period: "2020/21",
    origin: {
      repository: "Juan-Mateos/comp_sci_gender_bias",
      path: "inputs/data/dfe_school_info/2020-2021/england_census.csv",
      commit: "c8133560",
    },
    description:
      "Pupils on roll, SEN support and EHC plan counts and percentages, EAL and FSM-ever per " +
      "school; PSENELSE is the EHC plan percentage and PSENELK the SEN support percentage " +
      "(see the accompanying meta file).",
    files: ["schools/census_2020-21.csv", "schools/census_2020-21_meta.csv"],
  }),
  ks2: bundle({
    id: "dfe-ks2-2018-19",
    title: "Key stage 2 performance tables 2018/19",
    publisher: DFE,
    period: "2018/19",
    origin: { repository: "waiky8/eng-schools", path: "england_ks2final.csv", commit: "fe3b64b8" },
    description:
      "Reading, writing and maths progress scores, Ofsted rating and inspection date, town and " +
      "latitude/longitude for schools with key stage 2 results in the last pre-pandemic year.",
    files: ["performance/ks2_2018-19.csv"],
  }),
  ks4: bundle({
    id: "dfe-ks4-2018-19",
    title: "Key stage 4 performance tables 2018/19",
    publisher: DFE,
    period: "2018/19",
    origin: { repository: "waiky8/eng-schools", path: "england_ks4final.csv", commit: "fe3b64b8" },
    description:
      "Progress 8, Attainment 8, grade 5 or above in English and maths, Ofsted rating and " +
      "inspection date, town and latitude/longitude for schools with key stage 4 results.",
    files: ["performance/ks4_2018-19.csv"],
  }),
  ofsted: bundle({
    id: "ofsted-mi-2022-02",
    title: "Ofsted state-funded schools management information at 28 February 2022",
    publisher: "Ofsted",
    period: "2022-02-28",
    origin: { repository: "ajb1970/School-governance", path: "output/*.xlsx", commit: "9b0bb90f" },
    description:
      "Each school's latest and previous full inspection (overall effectiveness 1-4, start " +
      "date, URN at the time), grouped by governance change; only inspections of the school's " +
      "current URN are used.",
    files: [
      "outcomes/ofsted_governance_pairs_2022-02/maintained_to_mat.csv",
      "outcomes/ofsted_governance_pairs_2022-02/maintained_to_sat.csv",
      "outcomes/ofsted_governance_pairs_2022-02/multi-academy_trusts.csv",
      "outcomes/ofsted_governance_pairs_2022-02/sat_and_mat_to_new_mat.csv",
      "outcomes/ofsted_governance_pairs_2022-02/single-academy_trusts.csv",
    ],
  }),
  ks2History: bundle({
    id: "dfe-ks2-history-2015-16-to-2024-25",
    title: "Key stage 2 attainment panel 2015/16 to 2024/25",
    publisher: DFE,
    period: "2015/16-2024/25",
    origin: {
      repository: "jamiefuller320/Comparison-tool",
      path: "public/data/ks2-history/u00..u99.json",
      commit: "cbf09bc0",
    },
    description:
      "Per school and year, the percentage of pupils reaching the expected standard in reading, " +
      "writing and maths combined (PTRWM_EXP); no tests were taken 2019/20 to 2021/22.",
    files: ["outcomes/ks2_history_2015-16_to_2024-25.csv"],
  }),
  ks4Information: bundle({
    id: "dfe-ks4-school-information-2023-24",
    title: "Key stage 4 school information 2023/24",
    publisher: DFE,
    period: "2023/24",
    origin: {
      repository: "pvhee/schools",
      path: "data/ks4_school_info_2024.csv",
      commit: "40641068",
    },
    description:
      "School characteristics, the KS4 cohort's average KS2 scaled score (avg_ks2_scaledscore) and the Progress 8 band (p8_banding) for 2023/24.",
    files: ["outcomes/ks4_school_information_2023-24.csv"],
  }),
  deprivation: bundle({
    id: "mhclg-imd-2019-school-postcodes",
    title: "English Indices of Deprivation 2019 for school postcodes",
    publisher: "Ministry of Housing, Communities and Local Government",
    period: "2019",
    origin: {
      repository: "saqibsafdar11/DfE_P8_Project",
      path: "data/deprivation-by-postcode (1..3).csv",
      commit: "5832bd14",
    },
    description:
      "Each school postcode with its LSOA (2011) and the IMD, income and IDACI ranks, deciles " +
      "and scores of that LSOA.",
    files: ["geography/school_postcode_lsoa11_imd2019.csv"],
  }),
  ruralUrban: bundle({
    id: "ons-ruc-2011-lsoa",
    title: "Rural-urban classification (2011) of lower layer super output areas",
    publisher: "Office for National Statistics",
    period: "2011",
    origin: { repository: "mysociety/uk_ruc", path: "data/raw/ruc_2011.csv", commit: "2011efc9" },
    description:
      "The 2011 rural-urban class (A1..E2) of every LSOA in England and Wales; D1, D2, E1 and " +
      "E2 are rural, classes 'in a sparse setting' are sparse.",
    files: ["geography/ruc2011_lsoa11.csv"],
  }),
  geography: bundle({
    id: "dfe-geography-2023",
    title: "DfE region and local authority code lists",
    publisher: DFE,
    period: "2023",
    origin: {
      repository: "dfe-analytical-services/dfe-published-data-qa",
      path: "data/",
      commit: "bcc7ca54",
    },
    description:
      "Regions, local authorities (old 3-digit and new E-codes) and the region to LA hierarchy, " +
      "including the 2023 local government changes.",
    files: [
      "geography/regions.csv",
      "geography/region_la_hierarchy.csv",
      "geography/local_authorities.csv",
    ],
  }),
  groups: bundle({
    id: "gias-groups-2022-03",
    title: "GIAS groups (trusts, federations, sponsors), March 2022",
    publisher: GIAS,
    period: "2022-03",
    origin: {
      repository: "ajb1970/exams-by-governance",
      path: "csv/edubase/groups.csv",
      commit: "defd81aa",
    },
    description:
      "Every GIAS group with type, status, dates, Companies House number and head of group; " +
      "open multi-academy trusts, single-academy trusts, federations, trusts and umbrella " +
      "trusts are loaded as partnerships.",
    files: ["partnerships/gias_groups_2022-03.csv"],
  }),
  groupLinks: bundle({
    id: "gias-group-links-2022-03",
    title: "GIAS group links, March 2022",
    publisher: GIAS,
    period: "2022-03",
    origin: {
      repository: "ajb1970/exams-by-governance",
      path: "csv/edubase/group_links.csv",
      commit: "defd81aa",
    },
    description: "Which establishment (URN) belongs to which group, with the date it joined.",
    files: ["partnerships/gias_group_links_2022-03.csv"],
  }),
  establishmentLinks: bundle({
    id: "gias-establishment-links-2025-04-22",
    title: "GIAS establishment links, 22 April 2025",
    publisher: GIAS,
    period: "2025-04-22",
    origin: {
      repository: "MastodonC/witan.gias",
      path: "resources/links_edubasealldata20250422.csv",
      commit: "763874c4",
    },
    description:
      "Predecessor and successor links between URNs (academy conversions, mergers, " +
      "amalgamations, splits), used to join a school's history across URN changes.",
    files: ["partnerships/gias_establishment_links_2025-04-22.csv"],
  }),
  ofsted2025: bundle({
    id: "ofsted-mi-2025-08-31",
    title: "Ofsted state-funded schools inspections and outcomes, as at 31 August 2025",
    publisher: "Ofsted",
    period: "2025-08-31",
    origin: {
      repository: "benjamintee/CASA_UDV_Final",
      path: "data/ofsted.parquet",
      commit: "c45696e9",
    },
    description:
      "Every open state-funded school's latest graded inspection (date, type, overall " +
      "effectiveness, which is 'Not judged' from September 2024, the key judgements, early years, " +
      "sixth form, safeguarding, category of concern), its latest ungraded inspection and outcome, " +
      "its previous graded inspection, its current multi-academy trust, LAESTAB, phase, type, " +
      "postcode and pupils. The newest source of each school's LA, trust and inspections.",
    files: ["ofsted/state_funded_school_inspections_2025-08-31.csv"],
  }),
  groups2026: bundle({
    id: "gias-groups-2026-02-17",
    title: "GIAS all groups, 17 February 2026",
    publisher: GIAS,
    period: "2026-02-17",
    origin: {
      repository: "benmtw/CompaniesHouse",
      path: "SourceData/allgroupsdata20260217.csv",
      commit: "c1aff794",
    },
    description:
      "Every GIAS group (trusts, federations, sponsors) with type, status, open and closed dates, " +
      "Companies House number, address and head of group; the newest source of trusts' names, " +
      "status and heads.",
    files: ["partnerships/gias_groups_2026-02-17.csv"],
  }),
  giasOpen2025: bundle({
    id: "gias-open-state-funded-2025-07-11",
    title: "GIAS open state-funded schools, 11 July 2025",
    publisher: GIAS,
    period: "2025-07-11",
    origin: {
      repository: "DFE-Digital/register-trainee-teachers",
      path: "data/schools_gias.csv",
      commit: "aee5e45e",
    },
    description:
      "URN, name, open date, town and postcode of every open state-funded school, including " +
      "schools opened since the January 2023 census.",
    files: ["schools/gias_open_state_funded_schools_2025-07-11.csv"],
  }),
  ks4Secondary2024: bundle({
    id: "dfe-ks4-2023-24",
    title: "Key stage 4 performance 2023/24: state-funded mainstream secondaries",
    publisher: DFE,
    period: "2023/24",
    origin: {
      repository: "benjamintee/CASA_UDV_Final",
      path: "england_secondary_schools.csv",
      commit: "c45696e9",
    },
    description:
      "Progress 8 with its 95% confidence interval, Attainment 8, grade 4+ and 5+ in English and " +
      "maths, EBacc and pupils at the end of key stage 4, from the DfE 2023/24 performance tables.",
    files: ["performance/ks4_2023-24_secondary.csv"],
  }),
  districtLookup: bundle({
    id: "ons-lad-utla-region-lookup",
    title:
      "Local authority districts to upper-tier authorities and regions (with 2019-2023 changes)",
    publisher: "Office for National Statistics",
    period: "2023",
    origin: { repository: "drkane/geo-lookups", path: "la_all_codes.csv", commit: "43536744" },
    description:
      "Every English local authority district, past and current, with its active successor, its " +
      "upper-tier (education) authority and region; places schools the 2025 Ofsted file does " +
      "not list in the authorities made in 2023 (Cumberland, Westmorland and Furness).",
    files: ["geography/lad_utla_region_lookup.csv"],
  }),
  laBoundaries: bundle({
    id: "ons-lad-boundaries-2024-05",
    title: "Local authority district boundaries, May 2024 (ultra-generalised, 500 m)",
    publisher: "Office for National Statistics",
    period: "2024-05",
    origin: {
      repository: "a-b-street/ltn",
      path: "data_prep/england/boundaries.geojson",
      commit: "72f99f1",
    },
    description:
      "England's 296 local authority districts with the upper-tier (education) authority and " +
      "region of each; dissolved into the 153 education authorities for the web app's maps " +
      "(scripts/la-shapes.ts). Contains OS data (c) Crown copyright and database right 2024.",
    files: ["geography/lad_boundaries_2024-05_buc.geojson"],
  }),
  giasSample: bundle({
    id: "gias-edubasealldata-2022-04-20",
    title: "GIAS establishment extract (edubasealldata), 20 April 2022: Hampshire and Surrey",
    publisher: GIAS,
    period: "2022-04-20",
    origin: {
      repository: "clarelgibson/2022-school-admissions-dashboard",
      path: "data-in/info/retired/20220420_gias.csv",
      commit: "6fc42e35",
    },
    description:
      "A genuine GIAS download with all 111 columns for LAs 850 and 936: status, type, phase, " +
      "ages, census pupils and FSM, last Ofsted inspection and the headteacher's name.",
    files: ["samples/gias_edubasealldata_2022-04-20_hampshire_surrey.csv"],
  }),
  teachingSchoolHubs: {
    id: "dfe-teaching-school-hubs",
    title: "Teaching School Hubs and their lead schools",
    publisher: DFE,
    period: "2021-2024",
    licence: "MIT (code); values Crown copyright, Open Government Licence v3.0",
    attribution: OGL_ATTRIBUTION,
    origin: {
      repository: "DFE-Digital/register-early-career-teachers-public",
      path: "db/scripts/award_region_to_lead_school.rb",
      commit: "bc6736bc",
    },
    description:
      "The 87 Teaching School Hubs DfE designated: hub area code (e.g. EE1), lead school URN and " +
      "name, and hub name. Each hub is a system leader held by its lead school.",
    files: ["system-leaders/teaching_school_hubs.csv"],
  },
  syntheticSystemLeaders: derived("seed/system-leaders/generator.ts", {
    id: "derived:synthetic-system-leaders",
    title: "Synthetic system leaders (NLE, LLE, SLE, NLG) from DfE's eligibility criteria",
    period: "2018/19-2024/25",
    description:
      `Not a list of real people: generator ${GENERATOR.name} v${GENERATOR.version}, seed ` +
      `${GENERATOR.seed}, designates a seeded share of the schools meeting DfE's published ` +
      "criteria (Outstanding or Good, strong and sustained progress) as the base of a " +
      "National, Local or Specialist Leader of Education or National Leader of Governance. " +
      "Every such node is synthetic: true; a list loaded with --system-leaders replaces them.",
  }),
  placeholderLeaders: derived("seed/system-leaders/generator.ts", {
    id: "derived:placeholder-leaders",
    title: "Placeholder holders of system-leader designations",
    period: "",
    description:
      "A designation belongs to a person, but no loaded source names them (GIAS headteachers " +
      "are loaded for the Hampshire and Surrey sample only): a synthetic Leader named after " +
      'the post, e.g. "Headteacher of <school>", stands in. No names are invented.',
  }),
  postcodeSectorCentroid: derived("seed/geo/location.ts", {
    id: "derived:postcode-sector-centroid",
    title: "School locations estimated from postcode sector centroids",
    period: "2018/19",
    description:
      "For a school with no published coordinates: the mean latitude and longitude of the " +
      "schools with published coordinates (KS2/KS4 2018/19) in the same postcode sector, e.g. " +
      "'EC3A 5'. Accurate to roughly a kilometre.",
  }),
  postcodeDistrictCentroid: derived("seed/geo/location.ts", {
    id: "derived:postcode-district-centroid",
    title: "School locations estimated from postcode district centroids",
    period: "2018/19",
    description:
      "As the sector centroid, for schools whose sector holds no school with published " +
      "coordinates: the mean over the postcode district, e.g. 'EC3A'. Accurate to a few km.",
  }),
  coastalTowns: {
    id: "ons-coastal-towns-2023",
    title:
      "English towns classified coastal or non-coastal (educational attainment of young people)",
    publisher: "Office for National Statistics",
    period: "2023",
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
    origin: {
      repository: "rfordatascience/tidytuesday",
      path: "data/2024/2024-01-23/english_education.csv",
      commit: "2c423bac",
    },
    description:
      "ONS's 1,104 English towns (built-up areas) with their coastal / non-coastal flag, from " +
      "'Why do children and young people in smaller towns do better academically than those in " +
      "larger towns?' (2023); columns renamed. A school whose town and region match a classified " +
      "town takes its flag; the rest keep the distance to the coastline.",
    files: ["geography/towns_education_coastal_2023.csv"],
  },
  coastline: {
    id: "derived:coastline-natural-earth-10m",
    title: "Distance to the coastline from Natural Earth 1:10m land polygons",
    publisher: "Derived in this project from Natural Earth (via the world-atlas package)",
    period: "Natural Earth 4.1.0",
    licence: "Public domain (Natural Earth); world-atlas packaging ISC",
    attribution: "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
    origin: { repository: "topojson/world-atlas", path: "land-10m.json", commit: "v2.0.2" },
    description:
      "Distance from a school's location to the nearest edge of the Natural Earth 1:10m land " +
      "polygons (GB bounding box); estuaries are closed near their mouths at that scale (the " +
      "Thames near Gravesend, the Severn below Gloucester), so inner London is not coastal.",
    files: [],
  },
} as const satisfies Record<string, DatasetInfo>;

export type DatasetKey = keyof typeof DATASETS;

/** The dataset of a user-supplied GIAS extract, named after its extract date. */
export function giasExtractDataset(extractDate: string, fileName: string): DatasetInfo {
  if (extractDate === DATASETS.giasSample.period) return DATASETS.giasSample;
  return {
    id: `gias-edubasealldata-${extractDate}`,
    title: `GIAS establishment extract (edubasealldata), ${extractDate}`,
    publisher: GIAS,
    period: extractDate,
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
    origin: { repository: "get-information-schools.service.gov.uk", path: fileName, commit: "" },
    description: "A GIAS establishment extract loaded with `npm run seed -- --gias FILE`.",
    files: [],
  };
}

/** The dataset of a user's list of system leaders, named after the file. */
export function systemLeaderListDataset(fileName: string, loadedOn: string): DatasetInfo {
  return {
    id: `system-leaders-list:${fileName}`,
    title: `System leaders listed in ${fileName}`,
    publisher: "Loaded by a user",
    period: loadedOn,
    licence: "As the list's publisher states",
    attribution: "",
    origin: {
      repository: "loaded with npm run seed -- --system-leaders",
      path: fileName,
      commit: "",
    },
    description:
      "Designated system leaders (URN, designation, specialisms, capacity) loaded with " +
      "`npm run seed -- --system-leaders FILE`; loading a list replaces the synthetic ones.",
    files: [],
  };
}

/** Where a bundled file lives in the project. */
export function dataFile(relative: string): string {
  return path.join(SEED_DATA_DIR, `${relative}.gz`);
}

/**
 * What a Dataset node and MANIFEST.json say about a dataset, in this order, with the origin on
 * one line.
 */
export function datasetProperties(dataset: DatasetInfo) {
  return {
    id: dataset.id,
    title: dataset.title,
    publisher: dataset.publisher,
    period: dataset.period,
    licence: dataset.licence,
    attribution: dataset.attribution,
    origin: formatOrigin(dataset.origin),
    description: dataset.description,
  };
}

/** One line for a Dataset node's `origin` property: repository, path and commit. */
export function formatOrigin(origin: Origin): string {
  return origin.commit
    ? `${origin.repository} ${origin.path} @${origin.commit}`
    : `${origin.repository} ${origin.path}`;
}
