/**
 * Council records imported in bulk against the real database, by a council the test makes in
 * the East Midlands, holding copies of Derbyshire (830) schools: a file of advisers with good,
 * bad and duplicate rows gives the exact report and leaves only its good rows in the graph;
 * importing it again changes nothing; a dry run writes nothing; assignments name the imported
 * advisers by reference; oversight of the East Midlands is refused, row by row, a grant to a copy
 * of a Northumberland (929) school in a North East council of the test's own; a leader's capacity
 * holds across the rows of one file; and an anonymous caller is refused before the file is read.
 * Every reference is unique to the run; everything made is removed at the end.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("imports");
/** References unique to this run, so reruns and other runs never share a key. */
const RUN = `t${randomUUID().slice(0, 8)}`;
const EAST_MIDLANDS = "E12000004";
const AWARDED_ON = "1997-06-16";

const IMPORT = `mutation ($kind: ImportKind!, $csv: String!, $dryRun: Boolean) {
  importRecords(kind: $kind, csv: $csv, dryRun: $dryRun) {
    kind dryRun rows imported updated unchanged
    accepted { line reference outcome }
    rejected { line reference reason code }
  }
}`;

interface Report {
  kind: string;
  dryRun: boolean;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  accepted: { line: number; reference: string; outcome: string }[];
  rejected: { line: number; reference: string | null; reason: string; code: string }[];
}

const admin = (): Promise<string> => testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
const oversight = (regionCodes: string[]): Promise<string> =>
  testToken({ role: "OVERSIGHT", sub: `${SUBJECT}-oversight`, regionCodes });

function importRecords(
  kind: string,
  lines: string[],
  token: string | undefined,
  dryRun = false,
): Promise<OperationResult<unknown>> {
  return api().executeText(IMPORT, { kind, csv: lines.join("\n") + "\n", dryRun }, { token });
}

async function report(
  kind: string,
  lines: string[],
  token: string,
  dryRun = false,
): Promise<Report> {
  const result = await importRecords(kind, lines, token, dryRun);
  return (dataOf(result) as { importRecords: Report }).importRecords;
}

function codeOf(result: OperationResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.["code"];
}

/** Every property of what this run imported of a kind, and its audit events, for comparison. */
async function graphState(): Promise<unknown> {
  const [row] = await query<Record<string, unknown>>(
    api().db,
    `CALL () {
       MATCH (a:Adviser) WHERE a.importKey STARTS WITH $advisers
       OPTIONAL MATCH (a)-[:WORKS_FOR]->(la:LocalAuthority)
       WITH a, la ORDER BY a.importKey
       RETURN collect([properties(a), la.code]) AS advisers
     }
     CALL () {
       MATCH (:Adviser)-[r:ADVISES]->(s:School) WHERE r.importKey STARTS WITH $assignments
       WITH r, s ORDER BY r.importKey
       RETURN collect([properties(r), s.urn]) AS assignments
     }
     CALL () {
       MATCH (e:AuditEvent) WHERE e.actorSub STARTS WITH $subject
       RETURN count(e) AS events
     }
     RETURN advisers, assignments, events`,
    {
      advisers: `ADVISERS|${councilCode}|${RUN}-`,
      assignments: `ADVISER_ASSIGNMENTS|${councilCode}|${RUN}-`,
      subject: SUBJECT,
    },
  );
  return JSON.parse(
    JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? Number(value) : value)),
  );
}

/** The codes of the test's two councils (East Midlands, North East). */
let councilCode = 0;
let northEastCode = 0;
/** Four schools of the East Midlands council, with no adviser, and one of the North East one. */
let schools: number[] = [];
let northEastSchool = 0;

const ADVISER_HEADER = "reference,council,name,kind,organisation,localAuthorityCode,partnershipId";
const adviserFile = (): string[] => [
  ADVISER_HEADER,
  `${RUN}-A1,${councilCode},Pat Example,SCHOOL_IMPROVEMENT_PARTNER,Test County Council,${councilCode},`,
  `${RUN}-A2,${councilCode},Sam Officer,COUNCIL_IMPROVEMENT_OFFICER,Test County Council,${councilCode},`,
  `${RUN}-A3,${councilCode},Kim Partner,SIP,Test County Council,${councilCode},`,
  `${RUN}-D,${councilCode},Dee One,SCHOOL_IMPROVEMENT_PARTNER,Test County Council,,`,
  `${RUN}-D,${councilCode},Dee Two,SCHOOL_IMPROVEMENT_PARTNER,Test County Council,,`,
  `${RUN}-A4,${councilCode},Lee Nowhere,SCHOOL_IMPROVEMENT_PARTNER,Nowhere Council,999,`,
  `${RUN}-A5,${councilCode},P,SCHOOL_IMPROVEMENT_PARTNER,Test County Council,${councilCode},`,
  `${RUN}-A6,${councilCode},Short Row`,
];
const adviserRejections = () => [
  {
    line: 4,
    reference: `${RUN}-A3`,
    reason:
      '`kind`: must be one of COUNCIL_IMPROVEMENT_OFFICER, SCHOOL_IMPROVEMENT_PARTNER, TRUST_SCHOOL_IMPROVEMENT_LEAD (got "SIP").',
    code: "BAD_USER_INPUT",
  },
  ...[5, 6].map((line) => ({
    line,
    reference: `${RUN}-D`,
    reason: `\`reference\`: "${RUN}-D" of council ${councilCode} is on lines 5, 6; give each record its own reference.`,
    code: "BAD_USER_INPUT",
  })),
  {
    line: 7,
    reference: `${RUN}-A4`,
    reason: "`localAuthorityCode`: no local authority has code 999.",
    code: "NOT_FOUND",
  },
  {
    line: 8,
    reference: `${RUN}-A5`,
    reason: "`name`: must be 2 to 120 characters",
    code: "BAD_USER_INPUT",
  },
  {
    line: 9,
    reference: `${RUN}-A6`,
    reason: "has 3 fields; the header has 7.",
    code: "BAD_USER_INPUT",
  },
];

beforeAll(async () => {
  const [council, northEast] = await Promise.all([
    TestArea.create(api().db, SUBJECT, 830),
    TestArea.create(api().db, SUBJECT, 929),
  ]);
  councilCode = council.laCode;
  northEastCode = northEast.laCode;
  schools = await council.schools({ count: 4, where: "t.stateFunded = true" });
  const [north] = await northEast.schools({ count: 1, where: "t.stateFunded = true" });
  northEastSchool = north!;
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe("importRecords: advisers", () => {
  it("when a file has good, bad and duplicate rows, then the report is exact and the graph holds only the good rows", async () => {
    const result = await report("ADVISERS", adviserFile(), await admin());

    expect(result).toEqual({
      kind: "ADVISERS",
      dryRun: false,
      rows: 8,
      imported: 2,
      updated: 0,
      unchanged: 0,
      accepted: [
        { line: 2, reference: `${RUN}-A1`, outcome: "IMPORTED" },
        { line: 3, reference: `${RUN}-A2`, outcome: "IMPORTED" },
      ],
      rejected: adviserRejections(),
    });
    const advisers = await query<{ key: string; name: string; kind: string; la: unknown }>(
      api().db,
      `MATCH (a:Adviser) WHERE a.importKey CONTAINS $run
       OPTIONAL MATCH (a)-[:WORKS_FOR]->(la:LocalAuthority)
       RETURN a.importKey AS key, a.name AS name, a.kind AS kind, la.code AS la ORDER BY key`,
      { run: RUN },
    );
    expect(advisers.map((a) => [a.key, a.name, a.kind, Number(a.la)])).toEqual([
      [
        `ADVISERS|${councilCode}|${RUN}-A1`,
        "Pat Example",
        "SCHOOL_IMPROVEMENT_PARTNER",
        councilCode,
      ],
      [
        `ADVISERS|${councilCode}|${RUN}-A2`,
        "Sam Officer",
        "COUNCIL_IMPROVEMENT_OFFICER",
        councilCode,
      ],
    ]);
    const [events] = await query<{ n: unknown }>(
      api().db,
      `MATCH (e:AuditEvent {action: "importRecords"}) WHERE e.actorSub = $sub AND e.targetType = "Adviser"
       RETURN count(e) AS n`,
      { sub: `${SUBJECT}-admin` },
    );
    expect(Number(events?.n)).toBe(2);
  });

  it("when the same file is imported again, then every good row is unchanged and the graph is identical", async () => {
    const before = await graphState();

    const again = await report("ADVISERS", adviserFile(), await admin());

    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    expect(again.accepted.map((row) => [row.line, row.outcome])).toEqual([
      [2, "UNCHANGED"],
      [3, "UNCHANGED"],
    ]);
    expect(again.rejected).toEqual(adviserRejections());
    expect(await graphState()).toEqual(before);
  });

  it("when a known reference comes with a changed field, then it is updated in place", async () => {
    const changed = [
      ADVISER_HEADER,
      `${RUN}-A1,${councilCode},Pat Example-Jones,SCHOOL_IMPROVEMENT_PARTNER,Test County Council,${councilCode},`,
    ];

    const result = await report("ADVISERS", changed, await admin());

    expect(result).toMatchObject({
      imported: 0,
      updated: 1,
      unchanged: 0,
      accepted: [{ line: 2, reference: `${RUN}-A1`, outcome: "UPDATED" }],
      rejected: [],
    });
    const rows = await query<{ name: string }>(
      api().db,
      "MATCH (a:Adviser {importKey: $key}) RETURN a.name AS name",
      { key: `ADVISERS|${councilCode}|${RUN}-A1` },
    );
    expect(rows.map((row) => row.name)).toEqual(["Pat Example-Jones"]);
  });

  it("when a file is imported as a dry run, then it reports what would happen and writes nothing", async () => {
    const before = await graphState();
    const file = [
      ADVISER_HEADER,
      `${RUN}-N1,${councilCode},Nat New,SCHOOL_IMPROVEMENT_PARTNER,Test County Council,${councilCode},`,
      `${RUN}-A2,${councilCode},Sam Officer,COUNCIL_IMPROVEMENT_OFFICER,Test County Council,${councilCode},`,
    ];

    const result = await report("ADVISERS", file, await admin(), true);

    expect(result).toEqual({
      kind: "ADVISERS",
      dryRun: true,
      rows: 2,
      imported: 1,
      updated: 0,
      unchanged: 1,
      accepted: [
        { line: 2, reference: `${RUN}-N1`, outcome: "IMPORTED" },
        { line: 3, reference: `${RUN}-A2`, outcome: "UNCHANGED" },
      ],
      rejected: [],
    });
    expect(await graphState()).toEqual(before);
  });
});

describe("importRecords: adviser assignments", () => {
  it("when rows name imported advisers by reference, then good rows are assigned and unknown names are NOT_FOUND", async () => {
    const file = [
      "reference,council,adviserReference,urn,since",
      `${RUN}-S1,${councilCode},${RUN}-A1,${schools[0]},2024-09-01`,
      `${RUN}-S2,${councilCode},${RUN}-A2,${schools[1]},`,
      `${RUN}-S3,${councilCode},${RUN}-NOPE,${schools[2]},2024-09-01`,
      `${RUN}-S4,${councilCode},${RUN}-A1,9999998,2024-09-01`,
      `${RUN}-S5,${councilCode},${RUN}-A2,${northEastSchool},2024-09-01`,
    ];

    const result = await report("ADVISER_ASSIGNMENTS", file, await admin());

    expect(result).toEqual({
      kind: "ADVISER_ASSIGNMENTS",
      dryRun: false,
      rows: 5,
      imported: 2,
      updated: 0,
      unchanged: 0,
      accepted: [
        { line: 2, reference: `${RUN}-S1`, outcome: "IMPORTED" },
        { line: 3, reference: `${RUN}-S2`, outcome: "IMPORTED" },
      ],
      rejected: [
        {
          line: 4,
          reference: `${RUN}-S3`,
          reason: `\`adviserReference\`: council ${councilCode} has imported no adviser with reference ${RUN}-NOPE; import it first (kind ADVISERS).`,
          code: "NOT_FOUND",
        },
        {
          line: 5,
          reference: `${RUN}-S4`,
          reason: "`urn`: no open school has URN 9999998.",
          code: "NOT_FOUND",
        },
        {
          line: 6,
          reference: `${RUN}-S5`,
          reason: `\`urn\`: a council improvement officer advises only its council's (${councilCode}) schools; not ${northEastSchool}.`,
          code: "BAD_USER_INPUT",
        },
      ],
    });
    const rows = await query<{ urn: unknown; since: string; key: string }>(
      api().db,
      `MATCH (:Adviser)-[r:ADVISES]->(s:School) WHERE r.importKey CONTAINS $run
       RETURN s.urn AS urn, toString(r.since) AS since, r.key AS key ORDER BY r.importKey`,
      { run: RUN },
    );
    expect(rows.map((row) => [Number(row.urn), row.key])).toEqual([
      [schools[0], `${schools[0]}|SCHOOL_IMPROVEMENT_PARTNER`],
      [schools[1], `${schools[1]}|COUNCIL_IMPROVEMENT_OFFICER`],
    ]);
    expect(rows[0]?.since).toBe("2024-09-01");

    const again = await report("ADVISER_ASSIGNMENTS", file, await admin());
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    expect(again.accepted.map((row) => [row.line, row.outcome])).toEqual([
      [2, "UNCHANGED"],
      [3, "UNCHANGED"],
    ]);
  });
});

describe("importRecords: authorisation", () => {
  it("when oversight of the East Midlands imports a grant to a North East school, then that row is FORBIDDEN and only the other lands", async () => {
    const file = [
      "reference,council,fund,amountPence,funder,awardedOn,startsOn,endsOn,purpose,recipientUrn",
      `${RUN}-G1,${councilCode},STRATEGIC_SCHOOL_IMPROVEMENT_FUND,150000,Department for Education,${AWARDED_ON},${AWARDED_ON},1998-06-15,Reading recovery,${schools[0]}`,
      `${RUN}-G2,${northEastCode},STRATEGIC_SCHOOL_IMPROVEMENT_FUND,90000,Department for Education,${AWARDED_ON},${AWARDED_ON},1998-06-15,Maths mastery,${northEastSchool}`,
    ];

    const result = await report("GRANTS", file, await oversight([EAST_MIDLANDS]));

    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      {
        line: 3,
        reference: `${RUN}-G2`,
        reason: `Oversight may recordGrant only in its own regions: the row concerns council ${northEastCode} and regions E12000001.`,
        code: "FORBIDDEN",
      },
    ]);
    const grants = await query<{ key: string; urn: unknown; landed: unknown }>(
      api().db,
      `MATCH (g:Grant)-[l:LANDS_ON]->(s:School) WHERE g.importKey CONTAINS $run
       RETURN g.importKey AS key, s.urn AS urn, l.awardedPence AS landed`,
      { run: RUN },
    );
    expect(grants.map((g) => [g.key, Number(g.urn), Number(g.landed)])).toEqual([
      [`GRANTS|${councilCode}|${RUN}-G1`, schools[0], 150000],
    ]);
  });

  it("when an anonymous caller imports, then it is UNAUTHENTICATED before the file is read", async () => {
    const result = await importRecords("GRANTS", ["not,a,layout", '"unclosed'], undefined);

    expect(result.data).toBeNull();
    expect(codeOf(result)).toBe("UNAUTHENTICATED");
  });

  it("when a school imports, then the whole import is FORBIDDEN", async () => {
    const token = await testToken({
      role: "SCHOOL",
      sub: `${SUBJECT}-school`,
      urn: schools[0]!,
    });

    expect(codeOf(await importRecords("ADVISERS", adviserFile(), token))).toBe("FORBIDDEN");
  });

  it("when a file has more rows than an import may, then it is BAD_USER_INPUT naming csv", async () => {
    const lines = [
      ADVISER_HEADER,
      ...Array.from({ length: 10_001 }, (_, i) => `${RUN}-X${i},${councilCode},,,,,`),
    ];

    const result = await importRecords("ADVISERS", lines, await admin());

    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.["argument"]).toBe("csv");
  });
});

describe("importRecords: support engagements", () => {
  it("when a file opens more engagements than the leader has room for, then the rows beyond its capacity are CONFLICT", async () => {
    const designated = await api().executeText(
      `mutation ($input: DesignateSystemLeaderInput!) { designateSystemLeader(input: $input) { id } }`,
      { input: { urn: schools[3], designation: "LLE", specialisms: [], capacity: 1 } },
      { token: await admin() },
    );
    const leaderId = (dataOf(designated) as { designateSystemLeader: { id: string } })
      .designateSystemLeader.id;
    const file = [
      "reference,council,systemLeaderId,urn,focus,startOn",
      `${RUN}-E1,${councilCode},${leaderId},${schools[1]},Early reading,2024-10-01`,
      `${RUN}-E2,${councilCode},${leaderId},${schools[2]},Maths,2024-10-01`,
    ];

    const result = await report("SUPPORT_ENGAGEMENTS", file, await admin());

    expect(result).toMatchObject({
      imported: 1,
      rejected: [
        {
          line: 3,
          reference: `${RUN}-E2`,
          reason: `System leader ${leaderId} is at capacity (1 of 1 open engagements).`,
          code: "CONFLICT",
        },
      ],
    });
    const rows = await query<{ urn: unknown; focus: string }>(
      api().db,
      "MATCH (:SystemLeader {id: $id})-[r:SUPPORTS]->(s:School) RETURN s.urn AS urn, r.focus AS focus",
      { id: leaderId },
    );
    expect(rows.map((row) => [Number(row.urn), row.focus])).toEqual([
      [schools[1], "Early reading"],
    ]);
  });
});
