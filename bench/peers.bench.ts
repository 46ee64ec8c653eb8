/**
 * npm run bench:peers [-- --duration S]
 *
 * This service against two peers over the same Neo4j, same indexes, driver defaults and
 * production mode: @neo4j/graphql 7 serving type definitions generated from the database
 * (bench/peers/peer-server.ts, bench/peers/introspect.ts) and a naive server resolving every
 * object field with its own statement, no DataLoader (bench/peers/naive-server.ts). Two
 * workloads: (a) nested, Kent's (LA 886) first 100 schools by name with their LA, its region,
 * their memberships and each partnership's first 10 members; (b) one school with its LA and
 * region, rotating over those schools. First checks that the three answer the same data (lists
 * sorted by key), then runs autocannon for each workload at 1, 8 and 32 connections, the three
 * servers taking turns in each cell, `--duration` seconds each. Statements per request are
 * counted by each server (this one with STATEMENT_COUNT_ROUTE=true).
 * Prints req/s, p95 and the ratios; asserts nothing.
 */
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { ms, percentile, startScript, table, type Child, startCompiledServer } from "./support.js";
import { numberOptions } from "./options.js";
import { writePeerTypeDefs } from "./peers/introspect.js";

const LA_CODE = 886;
const CONNECTIONS = [1, 8, 32];

const OURS_NESTED = `query ($la: Int!) {
  schools(filter: { localAuthorityCode: $la }, first: 100) {
    edges { node { urn name
      localAuthority { code name region { code name } }
      memberships { partnership { id name
        members(first: 10) { edges { node { school { urn name } } } } } } } }
  }
}`;
const OURS_SINGLE = `query ($urn: Int!) {
  school(urn: $urn) { urn name localAuthority { code name region { code name } } }
}`;
const PEER_NESTED = `query ($la: BigInt!) {
  establishment2s(where: { laCode: { eq: $la } }, sort: [{ name: ASC }, { urn: ASC }], limit: 100) {
    urn name
    inLocalAuthorityLocalAuthorities { code name inRegionRegions { code name } }
    memberOfPartnerships { id name
      establishment2SMemberOf(sort: [{ name: ASC }, { urn: ASC }], limit: 10) { urn name } }
  }
}`;
const PEER_SINGLE = `query ($urn: BigInt!) {
  establishment2s(where: { urn: { eq: $urn } }) {
    urn name inLocalAuthorityLocalAuthorities { code name inRegionRegions { code name } }
  }
}`;

interface School {
  urn: number;
  name: string;
  la: { code: number; name: string; region: { code: string; name: string } | null } | null;
  partnerships?: { id: string; name: string; members: { urn: number; name: string }[] }[];
}

type Json = Record<string, unknown>;
type Edge = { node: Json };

/** This service's and the naive server's answers (one schema) as plain schools. */
function fromOurs(data: Json): School[] {
  const schools = data["schools"]
    ? ((data["schools"] as { edges: Edge[] }).edges.map((e) => e.node) as Json[])
    : data["school"]
      ? [data["school"] as Json]
      : [];
  return schools.map((s) => {
    const la = s["localAuthority"] as Json | null;
    const school: School = {
      urn: Number(s["urn"]),
      name: String(s["name"]),
      la: la && {
        code: Number(la["code"]),
        name: String(la["name"]),
        region: la["region"] as { code: string; name: string } | null,
      },
    };
    if (s["memberships"]) {
      school.partnerships = (s["memberships"] as { partnership: Json }[]).map(
        ({ partnership }) => ({
          id: String(partnership["id"]),
          name: String(partnership["name"]),
          members: (partnership["members"] as { edges: { node: { school: Json } }[] }).edges.map(
            (e) => ({ urn: Number(e.node.school["urn"]), name: String(e.node.school["name"]) }),
          ),
        }),
      );
    }
    return school;
  });
}

function fromPeer(data: Json): School[] {
  return (data["establishment2s"] as Json[]).map((s) => {
    const la = (s["inLocalAuthorityLocalAuthorities"] as Json[])[0];
    const region = la ? (la["inRegionRegions"] as { code: string; name: string }[])[0] : undefined;
    const school: School = {
      urn: Number(s["urn"]),
      name: String(s["name"]),
      la: la
        ? { code: Number(la["code"]), name: String(la["name"]), region: region ?? null }
        : null,
    };
    if (s["memberOfPartnerships"]) {
      school.partnerships = (s["memberOfPartnerships"] as Json[]).map((p) => ({
        id: String(p["id"]),
        name: String(p["name"]),
        members: (p["establishment2SMemberOf"] as Json[]).map((m) => ({
          urn: Number(m["urn"]),
          name: String(m["name"]),
        })),
      }));
    }
    return school;
  });
}

/** Lists sorted by key, so only the data is compared, not the order it came in. */
function normalised(schools: School[]): School[] {
  return schools
    .map((s) => ({
      ...s,
      ...(s.partnerships && {
        partnerships: s.partnerships
          .map((p) => ({ ...p, members: [...p.members].sort((a, b) => a.urn - b.urn) }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      }),
    }))
    .sort((a, b) => a.urn - b.urn);
}

async function post(url: string, body: unknown): Promise<Json> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: Json; errors?: unknown };
  if (!response.ok || json.errors || !json.data) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  }
  return json.data;
}

interface Server {
  name: string;
  url: string;
  body: (workload: Workload, i: number) => unknown;
  read: (data: Json) => School[];
  statements?: () => Promise<number>;
}

type Workload = "nested" | "single";

interface Cell {
  perSecond: number;
  p95: number;
  errors: number;
}

async function measure(
  server: Server,
  workload: Workload,
  connections: number,
  duration: number,
): Promise<Cell> {
  let next = 0;
  let errors = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections,
        duration,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify(server.body(workload, next++)),
            }),
            onResponse: (status, body) => {
              if (status !== 200 || body.startsWith('{"errors"')) errors += 1;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const sorted = Float64Array.from(times).sort();
  return {
    perSecond: times.length / duration,
    p95: percentile(sorted, 0.95),
    errors: errors + result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  const { duration } = numberOptions({ duration: { default: 5, min: 1 } });

  await writePeerTypeDefs();
  const children: Child[] = [];
  try {
    const production = { NODE_ENV: "production" };
    const ours = await startCompiledServer({ STATEMENT_COUNT_ROUTE: "true" });
    children.push(ours);
    const peer = await startScript("bench/peers/peer-server.ts", /^listening (\S+)/, production);
    children.push(peer);
    const naive = await startScript("bench/peers/naive-server.ts", /^listening (\S+)/, production);
    children.push(naive);

    const counter = (url: string) => async () => {
      const response = await fetch(url.replace(/\/graphql$/, "/statements"));
      return ((await response.json()) as { executed: number }).executed;
    };
    // The single-school workload rotates over the nested workload's schools.
    const nested = fromOurs(
      await post(ours.ready, { query: OURS_NESTED, variables: { la: LA_CODE } }),
    );
    const urns = nested.map((s) => s.urn);
    const oursBody = (workload: Workload, i: number) =>
      workload === "nested"
        ? { query: OURS_NESTED, variables: { la: LA_CODE } }
        : { query: OURS_SINGLE, variables: { urn: urns[i % urns.length] } };
    const servers: Server[] = [
      {
        name: "ours",
        url: ours.ready,
        body: oursBody,
        read: fromOurs,
        statements: counter(ours.ready),
      },
      {
        name: "@neo4j/graphql",
        url: peer.ready,
        body: (workload, i) =>
          workload === "nested"
            ? { query: PEER_NESTED, variables: { la: String(LA_CODE) } }
            : { query: PEER_SINGLE, variables: { urn: String(urns[i % urns.length]) } },
        read: fromPeer,
        statements: counter(peer.ready),
      },
      {
        name: "naive",
        url: naive.ready,
        body: oursBody,
        read: fromOurs,
        statements: counter(naive.ready),
      },
    ];
    console.log(servers.map((s) => `${s.name} ${s.url}`).join(", "));

    // Same data, and statements per request, one request at a time.
    const statementsPer: Record<string, Record<Workload, string>> = {};
    for (const workload of ["nested", "single"] as Workload[]) {
      const checks = workload === "nested" ? 1 : 10;
      for (let i = 0; i < checks; i++) {
        const answers = await Promise.all(
          servers.map(async (s) => normalised(s.read(await post(s.url, s.body(workload, i))))),
        );
        for (const [j, answer] of answers.entries()) {
          if (!isDeepStrictEqual(answer, answers[0])) {
            throw new Error(`${workload}: ${servers[j]!.name} answers differently from ours`);
          }
        }
      }
      for (const s of servers) {
        const row = (statementsPer[s.name] ??= { nested: "n/a", single: "n/a" });
        if (!s.statements) continue;
        const before = await s.statements();
        await post(s.url, s.body(workload, 0));
        row[workload] = String((await s.statements()) - before);
      }
    }
    console.log(
      `same data from all three: nested (${nested.length} schools), single (10 schools)\n`,
    );

    // autocannon stops sending at the end of a run, but a server still works through the
    // requests it had taken; the next run starts once every counted server is idle.
    const settle = async () => {
      for (let waited = 0; waited < 60_000; waited += 500) {
        const before = await Promise.all(servers.map((s) => s.statements?.() ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 500));
        const after = await Promise.all(servers.map((s) => s.statements?.() ?? 0));
        if (isDeepStrictEqual(before, after)) return;
      }
    };
    const run = async (s: Server, workload: Workload, connections: number, seconds: number) => {
      const cell = await measure(s, workload, connections, seconds);
      await settle();
      return cell;
    };
    // Each server warms up just before its own run, so none is measured on a database still
    // busy with the aftermath of another's load, and the order turns each cell, so none always
    // follows the naive server's flood of statements.
    const results = new Map<string, Cell>();
    let cellIndex = 0;
    for (const workload of ["nested", "single"] as Workload[]) {
      for (const connections of CONNECTIONS) {
        const turn = cellIndex++ % servers.length;
        for (const s of [...servers.slice(turn), ...servers.slice(0, turn)]) {
          await run(s, workload, connections, 1);
          results.set(
            `${workload}/${connections}/${s.name}`,
            await run(s, workload, connections, duration),
          );
        }
        console.log(`${workload} at ${connections} connections done`);
      }
    }

    const rows: string[][] = [];
    for (const workload of ["nested", "single"] as Workload[]) {
      for (const connections of CONNECTIONS) {
        const cell = (name: string) => results.get(`${workload}/${connections}/${name}`)!;
        const [o, p, n] = [cell("ours"), cell("@neo4j/graphql"), cell("naive")];
        const x = (a: number, b: number) =>
          Number.isFinite(a / b) && a / b > 0 ? `${(a / b).toFixed(2)}x` : "-";
        rows.push([
          `${workload} c=${connections}`,
          o.perSecond.toFixed(0),
          p.perSecond.toFixed(0),
          n.perSecond.toFixed(0),
          ms(o.p95),
          ms(p.p95),
          ms(n.p95),
          x(o.perSecond, p.perSecond),
          x(o.perSecond, n.perSecond),
          x(p.p95, o.p95),
          x(n.p95, o.p95),
          `${o.errors}/${p.errors}/${n.errors}`,
        ]);
      }
    }
    console.log(
      `\n${duration}s per cell after 1s warm-up of the same server, servers taking turns in an order ` +
        `that rotates per cell, each run starting ` +
        `once the peers were idle; req/s and p95 for ours, @neo4j/graphql (peer) and naive; ` +
        `0 req/s: no request finished within the run; errors include timeouts (10 s).\n`,
    );
    console.log(
      table(
        [
          "workload",
          "req/s ours",
          "peer",
          "naive",
          "p95 ours",
          "peer",
          "naive",
          "req/s ours/peer",
          "ours/naive",
          "p95 peer/ours",
          "naive/ours",
          "errors ours/peer/naive",
        ],
        rows,
      ),
    );
    console.log("\nCypher statements per request (one request, nothing else running):\n");
    console.log(
      table(
        ["server", "nested", "single"],
        servers.map((s) => [s.name, statementsPer[s.name]!.nested, statementsPer[s.name]!.single]),
      ),
    );
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

await main();
