/**
 * npm run bench:import [-- --rows N] [-- --seed N] [-- --baseline N]
 *
 * Times importRecords on a council-sized file against the configured Neo4j. Generates a file of
 * N (default 5,000) grants with seeded randomness over real open state-funded schools and real
 * trusts with members (each row's council is its school's LA, or the LA of the trust's first
 * member), imports it through ImportService as an admin, then imports it again (every row must
 * come back unchanged). Baseline, in the same run: the same kind of record made one at a time
 * by recordGrant (FundingService), for the first --baseline rows (default 100), as rows a second.
 * Removes every grant and audit event it made. Prints a table; asserts nothing.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import type { AdminPrincipal } from "../src/auth/principal.js";
import { commandLineArguments, config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import type { Database } from "../src/db/driver.js";
import { applySchema } from "../src/db/schema.js";
import { createFundingLoaders } from "../src/modules/funding/funding.loaders.js";
import { FUNDS, type RecordGrantRequest } from "../src/modules/funding/funding.model.js";
import { FundingRepository } from "../src/modules/funding/funding.repository.js";
import { FundingService } from "../src/modules/funding/funding.service.js";
import { GeographyRepository } from "../src/modules/geography/geography.repository.js";
import { ImportRepository } from "../src/modules/imports/import.repository.js";
import { ImportService } from "../src/modules/imports/import.service.js";
import { seededRandom } from "../src/modules/similarity/stats.js";
import { ratio, table } from "./support.js";

const HEADER =
  "reference,council,fund,fundName,amountPence,matchedPence,matchedBy,funder,awardedOn,startsOn,endsOn,purpose,recipientUrn,recipientPartnershipId";
const PURPOSES = [
  "Early reading and phonics",
  "Maths mastery across the trust",
  "Attendance and inclusion",
  "SEND provision and training",
  "Leadership development for middle leaders",
  "Curriculum design in the foundation subjects",
];
const FUNDERS = ["Department for Education", "The council", "Education Endowment Foundation"];

interface Recipient {
  urn: number | null;
  partnershipId: string | null;
  laCode: number;
}

async function recipients(db: Database): Promise<{ schools: Recipient[]; trusts: Recipient[] }> {
  const schools = await db.driver.executeQuery(
    `MATCH (s:School) WHERE s.stateFunded = true AND s.laCode IS NOT NULL
     RETURN s.urn AS urn, s.laCode AS laCode ORDER BY urn`,
  );
  const trusts = await db.driver.executeQuery(
    `MATCH (p:Partnership {type: "MULTI_ACADEMY_TRUST"})<-[m:MEMBER_OF]-(s:School)
     WHERE m.leavingOn IS NULL AND s.laCode IS NOT NULL
     WITH p, min(s.laCode) AS laCode RETURN p.id AS id, laCode ORDER BY id`,
  );
  return {
    schools: schools.records.map((r) => ({
      urn: Number(r.get("urn")),
      partnershipId: null,
      laCode: Number(r.get("laCode")),
    })),
    trusts: trusts.records.map((r) => ({
      urn: null,
      partnershipId: String(r.get("id")),
      laCode: Number(r.get("laCode")),
    })),
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function isoDate(day: number): string {
  return new Date(Date.UTC(1995, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** N grant requests with references unique to the run; one in twenty goes to a trust. */
function generate(
  n: number,
  seed: number,
  run: string,
  pool: { schools: Recipient[]; trusts: Recipient[] },
): { rows: string[]; requests: RecordGrantRequest[] } {
  const random = seededRandom(seed);
  const rows: string[] = [];
  const requests: RecordGrantRequest[] = [];
  for (let i = 0; i < n; i++) {
    const recipient =
      random() < 0.05 && pool.trusts.length > 0
        ? pick(random, pool.trusts)
        : pick(random, pool.schools);
    const fund = pick(random, FUNDS);
    const amountPence = (5_000 + Math.floor(random() * 495_000)) * 100;
    const matchedPence = random() < 0.3 ? Math.floor(amountPence * random() * 0.5) : 0;
    const start = Math.floor(random() * 300);
    const request: RecordGrantRequest = {
      fund,
      fundName: fund === "OTHER" ? "Local improvement fund" : null,
      amountPence,
      matchedPence,
      matchedBy: matchedPence > 0 ? "The council" : null,
      funder: pick(random, FUNDERS),
      awardedOn: isoDate(start),
      startsOn: isoDate(start + 30),
      endsOn: isoDate(start + 30 + 365),
      purpose: pick(random, PURPOSES),
      recipientUrn: recipient.urn,
      recipientPartnershipId: recipient.partnershipId,
    };
    requests.push(request);
    rows.push(
      [
        `${run}-${i + 1}`,
        recipient.laCode,
        request.fund,
        request.fundName ?? "",
        request.amountPence,
        request.matchedPence,
        request.matchedBy ?? "",
        request.funder,
        request.awardedOn,
        request.startsOn,
        request.endsOn,
        request.purpose,
        request.recipientUrn ?? "",
        request.recipientPartnershipId ?? "",
      ].join(","),
    );
  }
  return { rows, requests };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: commandLineArguments(),
    options: {
      rows: { type: "string", default: "5000" },
      seed: { type: "string", default: "1" },
      baseline: { type: "string", default: "100" },
    },
  });
  const n = Math.max(1, Number(values.rows));
  const baselineRows = Math.max(1, Number(values.baseline));
  const c = config();
  const db = connectConfigured(c, { queryTimeoutMs: 120_000 });
  const run = `bench-${randomUUID().slice(0, 8)}`;
  const principal: AdminPrincipal = { role: "ADMIN", sub: `bench-import-${run}` };
  try {
    await applySchema(db);
    const pool = await recipients(db);
    const { rows, requests } = generate(n, Number(values.seed), run, pool);
    const csv = [HEADER, ...rows].join("\n") + "\n";
    console.log(
      `${n.toLocaleString("en-GB")} grants (${(Buffer.byteLength(csv) / 1e6).toFixed(2)} MB) over ${pool.schools.length.toLocaleString("en-GB")} schools and ${pool.trusts.length.toLocaleString("en-GB")} trusts, seed ${values.seed}`,
    );
    const service = new ImportService(new ImportRepository(db), principal, `${run}-import`);

    const first = await timed(() => service.importRecords({ kind: "GRANTS", csv, dryRun: false }));
    const second = await timed(() => service.importRecords({ kind: "GRANTS", csv, dryRun: false }));
    const dry = await timed(() => service.importRecords({ kind: "GRANTS", csv, dryRun: true }));

    const fundingRepository = new FundingRepository(db);
    const funding = new FundingService(
      fundingRepository,
      createFundingLoaders(fundingRepository),
      new GeographyRepository(db),
      principal,
      `${run}-baseline`,
    );
    const baseline = await timed(async () => {
      for (const request of requests.slice(0, baselineRows)) await funding.record(request);
    });

    const perSecond = (count: number, ms: number) =>
      `${Math.round(count / (ms / 1000)).toLocaleString("en-GB")}/s`;
    const outcome = (report: typeof first.value) =>
      `${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`;
    console.log(
      table(
        ["run", "rows", "time", "rows/s", "outcome"],
        [
          [
            "import",
            String(n),
            `${(first.ms / 1000).toFixed(2)} s`,
            perSecond(n, first.ms),
            outcome(first.value),
          ],
          [
            "same file again",
            String(n),
            `${(second.ms / 1000).toFixed(2)} s`,
            perSecond(n, second.ms),
            outcome(second.value),
          ],
          [
            "dry run",
            String(n),
            `${(dry.ms / 1000).toFixed(2)} s`,
            perSecond(n, dry.ms),
            outcome(dry.value),
          ],
          [
            "baseline: recordGrant each",
            String(baselineRows),
            `${(baseline.ms / 1000).toFixed(2)} s`,
            perSecond(baselineRows, baseline.ms),
            "one transaction a grant",
          ],
        ],
      ),
    );
    const rowMs = first.ms / n;
    const baselineRowMs = baseline.ms / baselineRows;
    console.log(`import vs one mutation a row, per row: ${ratio(baselineRowMs, rowMs)} faster`);
    if (first.value.rejected.length > 0) {
      console.log("rejected (first 5):", first.value.rejected.slice(0, 5));
    }
    if (second.value.unchanged !== first.value.imported) {
      console.log("the second import did not find every row unchanged: check idempotency");
    }
  } finally {
    await db.driver.executeQuery("MATCH (g:Grant) WHERE g.createdBy = $sub DETACH DELETE g", {
      sub: principal.sub,
    });
    await db.driver.executeQuery("MATCH (e:AuditEvent) WHERE e.actorSub = $sub DELETE e", {
      sub: principal.sub,
    });
    const [left] = (
      await db.driver.executeQuery(
        "MATCH (g:Grant) WHERE g.createdBy = $sub RETURN count(g) AS n",
        { sub: principal.sub },
      )
    ).records;
    console.log(`cleaned up: ${Number(left?.get("n"))} grants of this run left`);
    await db.close();
  }
}

await main();
