/**
 * The Cypher-only baseline for bench/matching.bench.ts: a bare HTTP server answering the same
 * questions as similarSchools and partnerSuggestions by running a query in Neo4j on every
 * request, with the same scaling and scoring rules (see cypher/similarity/baselineSimilarSchools
 * and cypher/matching/baselinePartnerSuggestions). It runs as its own process, like the real
 * server, so neither shares an event loop with the load generator.
 *
 *   POST /similar   {"urn": 100000, "first": 20}
 *   POST /partners  {"urn": 100000, "focus": "ks2MathsProgress", "maxDistanceKm": 15, "first": 10}
 *
 * Prints `listening <url>` on stdout once it is ready.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { Database } from "../src/db/driver.js";
import { cypherInt } from "../src/modules/common/params.js";
import {
  FEATURES,
  HIGHER_IS_BETTER,
  IQR_PER_STANDARD_DEVIATION,
  isOutcomeFeature,
  PRESETS,
} from "../src/modules/similarity/features.js";
import {
  FACTOR_WEIGHTS,
  FOCUS_SATURATION,
  URBAN_REACH_KM,
} from "../src/modules/matching/matching.rules.js";

type Scales = Record<string, Record<string, { median: number; scale: number }>>;

/** Every phase's robust scale per feature, as features.ts defines it, computed by Neo4j. */
async function loadScales(db: Database): Promise<Scales> {
  const rows = await db.read("similarity/baselineFeatureScales", {
    features: FEATURES.filter((feature) => feature !== "rurality"),
  });
  const scales: Scales = {};
  for (const row of rows) {
    const phase = row["phase"] as string;
    const iqr = (row["q3"] as number) - (row["q1"] as number);
    const sd = row["sd"] as number;
    const spread = iqr > 0 ? iqr / IQR_PER_STANDARD_DEVIATION : sd;
    (scales[phase] ??= {})[row["feature"] as string] = {
      median: row["median"] as number,
      scale: spread > 0 ? spread : 1,
    };
  }
  return scales;
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const c = config();
  const db = connectConfigured(c);
  const scales = await loadScales(db);

  const server = http.createServer((request, response) => {
    const answer = async () => {
      const body = await readJson(request);
      const urn = cypherInt(Number(body["urn"]));
      const first = cypherInt(Number(body["first"] ?? 20));
      if (request.url === "/similar") {
        return db.read("similarity/baselineSimilarSchools", {
          urn,
          first,
          scales,
          weights: PRESETS.CONTEXT,
        });
      }
      if (request.url === "/partners") {
        const focus = String(body["focus"]);
        if (!isOutcomeFeature(focus)) throw new Error(`not an outcome: ${focus}`);
        return db.read("matching/baselinePartnerSuggestions", {
          urn,
          first,
          focus,
          direction: cypherInt(HIGHER_IS_BETTER[focus] ? 1 : -1),
          reachKm: Number(body["maxDistanceKm"] ?? URBAN_REACH_KM),
          scales,
          weights: FACTOR_WEIGHTS,
          contextWeights: PRESETS.CONTEXT,
          focusSaturation: FOCUS_SATURATION,
        });
      }
      return null;
    };
    answer().then(
      (rows) => {
        response.writeHead(rows === null ? 404 : 200, { "content-type": "application/json" });
        response.end(JSON.stringify(rows ?? { error: "not found" }));
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: String(error) }));
      },
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    console.log(`listening http://127.0.0.1:${port}`);
  });
  process.on("SIGTERM", () => {
    server.close();
    void db.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
