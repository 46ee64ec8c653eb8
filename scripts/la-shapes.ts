/**
 * The 153 education local authorities' shapes for the web app's maps, made at build time: ONS's
 * May 2024 district boundaries (ultra-generalised, seed/data/geography) dissolved on the
 * upper-tier authority each district belongs to, and keyed by the DfE 3-digit LA code the API
 * uses. Written as TopoJSON (shared borders stored once, coordinates quantised), which the
 * browser turns back into shapes with topojson-client. The Vite build emits it as
 * `geo/local-authorities.json` (laShapesPlugin, used by web/vite.config.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { merge } from "topojson-client";
import { topology } from "topojson-server";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Plugin } from "vite";

const SEED_GEOGRAPHY = fileURLToPath(new URL("../seed/data/geography/", import.meta.url));
export const BOUNDARIES_FILE = path.join(SEED_GEOGRAPHY, "lad_boundaries_2024-05_buc.geojson.gz");
export const LA_CODES_FILE = path.join(SEED_GEOGRAPHY, "local_authorities.csv.gz");

/** Where the shapes land in the built app, and what the app fetches. */
export const SHAPES_PATH = "geo/local-authorities.json";

/** Enough for a region drawn on a laptop screen: about 10 m at England's scale. */
const QUANTIZATION = 1e5;

export interface DistrictProperties {
  LAD24CD: string;
  UTLACD: string;
  UTLANM: string;
  RGNCD: string;
}

/** What each LA shape carries. */
export interface LaShapeProperties {
  /** DfE 3-digit LA code, as the API's localAuthorityCode. */
  code: number;
  /** ONS code of the upper-tier authority. */
  gssCode: string;
  name: string;
  regionCode: string;
}

export type LaTopology = Topology<{ localAuthorities: GeometryCollection<LaShapeProperties> }>;

/**
 * Dissolves districts into their upper-tier authorities. `laCodes` maps ONS codes to DfE codes;
 * a district whose authority has none is an error, not a silent gap on the map.
 */
export function dissolveDistricts(
  districts: FeatureCollection<Polygon | MultiPolygon, DistrictProperties>,
  laCodes: ReadonlyMap<string, number>,
): LaTopology {
  const byAuthority = new Map<string, Feature<Polygon | MultiPolygon, DistrictProperties>[]>();
  for (const district of districts.features) {
    const list = byAuthority.get(district.properties.UTLACD) ?? [];
    list.push(district);
    byAuthority.set(district.properties.UTLACD, list);
  }
  const missing = [...byAuthority.keys()].filter((code) => !laCodes.has(code));
  if (missing.length > 0) {
    throw new Error(`No DfE LA code for ${missing.join(", ")}: check local_authorities.csv.`);
  }
  const districtTopology = topology({ districts });
  const geometries = (districtTopology.objects["districts"] as GeometryCollection).geometries;
  const indexOf = new Map(districts.features.map((feature, index) => [feature, index]));
  const authorities: Feature<MultiPolygon, LaShapeProperties>[] = [...byAuthority]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([gssCode, members]) => {
      const first = members[0]!.properties;
      const parts = members.map((member) => geometries[indexOf.get(member)!]!);
      return {
        type: "Feature",
        properties: {
          code: laCodes.get(gssCode)!,
          gssCode,
          name: first.UTLANM,
          regionCode: first.RGNCD,
        },
        geometry: merge(districtTopology, parts as Parameters<typeof merge>[1]),
      };
    });
  const collection: FeatureCollection<MultiPolygon, LaShapeProperties> = {
    type: "FeatureCollection",
    features: authorities,
  };
  return topology({ localAuthorities: collection }, QUANTIZATION) as unknown as LaTopology;
}

/** ONS upper-tier code → DfE 3-digit LA code, from the DfE code list. */
export function readLaCodes(file = LA_CODES_FILE): Map<string, number> {
  const rows = parse(gunzipSync(readFileSync(file)), { columns: true, bom: true }) as {
    new_la_code: string;
    old_la_code: string;
  }[];
  return new Map(
    rows
      .filter((row) => /^\d{3}$/.test(row.old_la_code))
      .map((row) => [row.new_la_code, Number(row.old_la_code)]),
  );
}

export function readLaShapes(): LaTopology {
  const districts = JSON.parse(gunzipSync(readFileSync(BOUNDARIES_FILE)).toString("utf8"));
  return dissolveDistricts(districts, readLaCodes());
}

/** Emits the LA shapes into the build, and serves them to the dev server. */
export function laShapesPlugin(): Plugin {
  let json: string | null = null;
  const shapes = () => (json ??= JSON.stringify(readLaShapes()));
  return {
    name: "la-shapes",
    configureServer(server) {
      server.middlewares.use(`/${SHAPES_PATH}`, (_req, res) => {
        res.setHeader("Content-Type", "application/json");
        res.end(shapes());
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: SHAPES_PATH, source: shapes() });
    },
  };
}
