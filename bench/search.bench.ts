/**
 * npm run bench:search [-- --rounds N] [-- --warmup N]
 *
 * Latency of searchSchools through the service (normalising, building the Lucene query, the
 * full-text index, mapping and matchedOn) against a baseline that scans every school's name for
 * the lower-cased text (`toLower(s.name) CONTAINS $text`, cypher/search/baselineNameScan.cypher),
 * in the same run against the configured Neo4j. Real queries take turns, one request at a time,
 * for `--rounds` rounds after `--warmup` untimed ones. Also reports how often each puts the school
 * the query means among its first three. Prints p50/p95 and the baseline/ours ratio; asserts
 * nothing.
 */
import neo4j from "neo4j-driver";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import type { Database } from "../src/db/driver.js";
import { SearchRepository } from "../src/modules/search/search.repository.js";
import { SearchService } from "../src/modules/search/search.service.js";
import { ms, percentile, ratio, table } from "./support.js";
import { numberOptions } from "./options.js";

const FIRST = 10;

/** What people type, and the school they mean (picked from the graph; see tests/api/search.test.ts). */
const QUERIES: [text: string, urn: number][] = [
  ["st johns blackpool", 119595],
  ["aldgte", 100000],
  ["The Aldgate School", 100000],
  ["blakpool st jhons", 119595],
  ["fitzjohns primary school", 100026],
  ["kings oak school", 100204],
  ["central foundation boys school", 100458],
  ["Kate Greenway nursery", 100385],
  ["st marys hampstead", 100067],
  ["revoe blackpool", 140673],
  ["gateway academy blackpool", 142175],
  ["FY1 3NX", 119595],
  ["ec3a5de", 100000],
  ["NW3 6NP", 100026],
  ["east hoathly east sussex", 114501],
  ["farnham royal buckinghamshire", 110435],
  ["royal school hampstead", 100074],
  ["savio salesian college", 149486],
  ["100083", 100074],
  ["primary school", 0],
];

interface Measured {
  times: number[];
  found: number;
}

async function timeEach(
  ask: (text: string) => Promise<number[]>,
  rounds: number,
  warmup: number,
): Promise<Measured> {
  const times: number[] = [];
  let found = 0;
  for (let round = -warmup; round < rounds; round += 1) {
    for (const [text, urn] of QUERIES) {
      const started = performance.now();
      const urns = await ask(text);
      const elapsed = performance.now() - started;
      if (round < 0) continue;
      times.push(elapsed);
      if (round === 0 && urn !== 0 && urns.slice(0, 3).includes(urn)) found += 1;
    }
  }
  return { times, found };
}

function baseline(db: Database) {
  return async (text: string): Promise<number[]> => {
    const rows = await db.read("search/baselineNameScan", {
      text: text.toLowerCase().trim(),
      limit: neo4j.int(FIRST),
    });
    return rows.map((row) => Number((row["school"] as { urn: number }).urn));
  };
}

async function main(): Promise<void> {
  const { rounds, warmup } = numberOptions({
    rounds: { default: 20, min: 1 },
    warmup: { default: 2, min: 0 },
  });

  const db = connectConfigured(config(), { queryTimeoutMs: 120_000 });
  try {
    const service = new SearchService(new SearchRepository(db));
    const ours = async (text: string) =>
      (await service.searchSchools(text, FIRST)).map((hit) => hit.school.urn);

    // Each runs twice, in alternating halves, so a burst of other load on the machine falls on both.
    const half = Math.max(1, Math.floor(rounds / 2));
    const a1 = await timeEach(ours, half, warmup);
    const b1 = await timeEach(baseline(db), half, warmup);
    const a2 = await timeEach(ours, rounds - half, warmup);
    const b2 = await timeEach(baseline(db), rounds - half, warmup);
    const results = [
      { name: "searchSchools: service + full-text index", ...merge(a1, a2) },
      { name: "baseline: name CONTAINS scan", ...merge(b1, b2) },
    ];
    const meant = QUERIES.filter(([, urn]) => urn !== 0).length;

    console.log(
      `\n${QUERIES.length} real queries, ${rounds} rounds after ${warmup} warm-up, one request at a time, first ${FIRST}.\n`,
    );
    console.log(
      table(
        ["scenario", "requests", "p50", "p95", "p99", "meant school in top 3"],
        results.map((r) => {
          const sorted = Float64Array.from(r.times).sort();
          return [
            r.name,
            String(sorted.length),
            ms(percentile(sorted, 0.5)),
            ms(percentile(sorted, 0.95)),
            ms(percentile(sorted, 0.99)),
            `${r.found}/${meant}`,
          ];
        }),
      ),
    );
    const [search, scan] = results.map((r) => Float64Array.from(r.times).sort()) as [
      Float64Array,
      Float64Array,
    ];
    console.log(
      "\n" +
        table(
          ["ratio", "baseline/ours"],
          [
            ["p50", ratio(percentile(scan, 0.5), percentile(search, 0.5))],
            ["p95", ratio(percentile(scan, 0.95), percentile(search, 0.95))],
          ],
        ),
    );
  } finally {
    await db.close();
  }
}

function merge(first: Measured, second: Measured): Measured {
  return { times: [...first.times, ...second.times], found: first.found };
}

await main();
