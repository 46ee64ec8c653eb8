/**
 * Improvement grants against the real database, on schools and trusts the test makes: councils
 * of its own in the South West holding copies of Dorset (838), Bath and North East Somerset (800)
 * and North Somerset (802) schools. £100,000 of the Strategic School Improvement Fund goes to the
 * Dorset copy and £25,000 matched £25,000 to a trust of Bath and North Somerset copies; each
 * council's report then holds exactly the money that lands on its schools, with the shares,
 * rural and coastal figures recomputed from the graph. A fund to a School Improvement Board lands
 * on the clusters of Devon copies it oversees; a trust's grant keeps the shares stored at award
 * when a copy of a Dudley school joins it later; a grant stored without shares is reported as
 * England's unallocated money; every role is tried against recordGrant, and oversight against a
 * trust spanning two regions. Removes everything it made.
 */
import { randomInt } from "node:crypto";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocateGrant } from "../../src/modules/funding/allocation.js";
import {
  FundingAdoptClustersUnderBoardDocument,
  FundingGrantIdsInLaDocument,
  FundingGrantsOfRecipientsDocument,
  FundingGrantsPageInLaDocument,
  FundingRecordGrantDocument,
  FundingReportForAreaDocument,
  type FundingReportForAreaQuery,
  type FundingReportForAreaQueryVariables,
  type RecordGrantInput,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { regionalWriters } from "../helpers/callers.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";
import type { CypherName } from "../../src/db/cypher.js";

const api = useApi();
const SUBJECT = testSubject("funding");
const REGION = "E12000009";
const WEST_MIDLANDS = "E12000005";
const AWARDED_ON = "1996-04-15";

type Report = FundingReportForAreaQuery["fundingReport"];

interface Member {
  urn: number;
  pupils: number | null;
  laCode: number;
  rural: boolean;
  coastal: boolean;
  needBand: number | null;
}

const admin = (): Promise<string> => testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });

function codeOf(result: OperationResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.["code"];
}

let dorset: TestArea;
let bath: TestArea;
let northSomerset: TestArea;
let dorsetSchool: Member;
let partnershipId = "";
let members: Member[] = [];

function grantInput(overrides: Partial<RecordGrantInput> = {}): RecordGrantInput {
  return {
    fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
    amountPence: 10_000_000,
    funder: "Department for Education",
    awardedOn: AWARDED_ON,
    startsOn: "1996-09-01",
    endsOn: "1998-08-31",
    purpose: "Improving early reading across the school",
    recipientUrn: dorsetSchool.urn,
    ...overrides,
  };
}

async function report(variables: FundingReportForAreaQueryVariables): Promise<Report> {
  const result = await api().execute(FundingReportForAreaDocument, variables);
  return dataOf(result).fundingReport;
}

async function grantsBy(sub: string): Promise<number> {
  const [row] = await query<{ n: unknown }>(
    api().db,
    "MATCH (g:Grant) WHERE g.createdBy = $sub RETURN count(g) AS n",
    { sub },
  );
  return Number(row?.n);
}

/** Pupils of every school of a council, as the report counts them. */
async function pupilsOf(council: TestArea): Promise<number> {
  const [row] = await query<{ pupils: unknown }>(
    api().db,
    "MATCH (s:School {laCode: $la}) RETURN sum(coalesce(s.pupils, 0)) AS pupils",
    { la: neo4j.int(council.laCode) },
  );
  return Number(row?.pupils);
}

function toMember(row: Record<string, unknown>): Member {
  return {
    urn: Number(row["urn"]),
    pupils: row["pupils"] === null ? null : Number(row["pupils"]),
    laCode: Number(row["laCode"]),
    rural: row["rural"] === true,
    coastal: row["coastal"] === true,
    needBand: row["needBand"] === null ? null : Number(row["needBand"]),
  };
}

async function schoolsByUrn(urns: readonly number[]): Promise<Member[]> {
  const rows = await query(
    api().db,
    `UNWIND $urns AS urn
     MATCH (s:School {urn: urn})
     RETURN s.urn AS urn, s.pupils AS pupils, s.laCode AS laCode, s.rural AS rural,
       s.coastal AS coastal, s.needBand AS needBand`,
    { urns: urns.map((urn) => neo4j.int(urn)) },
  );
  return rows.map(toMember);
}

/** The current members of a partnership, as the graph holds them. */
async function membersOf(id: string): Promise<Member[]> {
  const rows = await query(
    api().db,
    `MATCH (s:School)-[m:MEMBER_OF]->(:Partnership {id: $id})
     WHERE m.leavingOn IS NULL OR m.leavingOn > date()
     RETURN DISTINCT s.urn AS urn, s.pupils AS pupils, s.laCode AS laCode, s.rural AS rural,
       s.coastal AS coastal, s.needBand AS needBand`,
    { id },
  );
  return rows.map(toMember);
}

beforeAll(async () => {
  [dorset, bath, northSomerset] = await Promise.all([
    TestArea.create(api().db, SUBJECT, 838),
    TestArea.create(api().db, SUBJECT, 800),
    TestArea.create(api().db, SUBJECT, 802),
  ]);
  const [dorsetUrn] = await dorset.schools({
    governance: "MAINTAINED",
    count: 1,
    where: "t.pupils IS NOT NULL AND t.coastal = true",
  });
  [dorsetSchool] = (await schoolsByUrn([dorsetUrn!])) as [Member];
  // A trust with a rural and an urban school in one council and two coastal ones in another.
  const counted = "t.stateFunded = true AND t.pupils IS NOT NULL";
  const trustUrns = [
    ...(await bath.schools({ count: 1, where: `${counted} AND t.rural = true` })),
    ...(await bath.schools({ count: 1, where: `${counted} AND t.rural = false` })),
    ...(await northSomerset.schools({ count: 2, where: `${counted} AND t.coastal = true` })),
  ];
  partnershipId = await bath.trust(trustUrns);
  members = await membersOf(partnershipId);
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe("recordGrant and fundingReport", () => {
  it("when £100,000 SSIF goes to a Dorset school and £25,000 matched £25,000 to a trust, then each council's report holds exactly the money that lands on its schools", async () => {
    const ssif = await api().execute(
      FundingRecordGrantDocument,
      { input: grantInput() },
      { token: await admin() },
    );
    const chains = await api().execute(
      FundingRecordGrantDocument,
      {
        input: grantInput({
          fund: "PRIMARY_CHAINS_GRANT",
          amountPence: 2_500_000,
          matchedPence: 2_500_000,
          matchedBy: "Bath and North East Somerset Council",
          recipientUrn: null,
          recipientPartnershipId: partnershipId,
        }),
      },
      { token: await admin() },
    );
    const councils = [dorset, bath, northSomerset];
    const [reports, bathInRegion, region] = await Promise.all([
      Promise.all(councils.map((council) => report({ la: council.laCode }))),
      report({ region: REGION, la: bath.laCode }),
      report({ region: REGION }),
    ]);
    const pupils = await Promise.all(councils.map(pupilsOf));

    expect(dataOf(ssif)).toMatchObject({
      recordGrant: {
        fundName: "Strategic School Improvement Fund",
        amountPence: 10_000_000,
        matchedPence: 0,
        awardedOn: AWARDED_ON,
        recipientSchool: { urn: dorsetSchool.urn },
        recipientPartnership: null,
      },
    });
    expect(dataOf(chains)).toMatchObject({
      recordGrant: { matchedPence: 2_500_000, recipientPartnership: { id: partnershipId } },
    });
    // The trust's shares by pupils, recomputed from the graph's members.
    const shares = allocateGrant({ amountPence: 2_500_000, matchedPence: 2_500_000 }, members);
    const memberOf = new Map(members.map((member) => [member.urn, member]));
    /** What lands in a council on schools that `keep` holds for: [awarded, matched]. */
    const landing = (
      council: TestArea,
      keep: (school: Member) => boolean = () => true,
    ): [number, number] => {
      const ssifHere = dorsetSchool.laCode === council.laCode && keep(dorsetSchool);
      return shares
        .filter((share) => {
          const member = memberOf.get(share.urn)!;
          return member.laCode === council.laCode && keep(member);
        })
        .reduce<[number, number]>(
          ([awarded, matched], share) => [
            awarded + share.awardedPence,
            matched + share.matchedPence,
          ],
          [ssifHere ? 10_000_000 : 0, 0],
        );
    };
    const pence = (council: TestArea, keep?: (school: Member) => boolean) =>
      landing(council, keep).reduce((sum, part) => sum + part, 0);
    const bandOf = (school: Member) =>
      school.needBand !== null && school.needBand >= 1 && school.needBand <= 4
        ? school.needBand
        : null;

    const [bathAwarded, bathMatched] = landing(bath);
    expect(bathAwarded).toBeGreaterThan(0);
    expect(bathAwarded).toBeLessThan(2_500_000);
    expect(reports.map((r) => [r.grants, r.awardedPence, r.matchedPence])).toEqual([
      [1, 10_000_000, 0],
      [1, bathAwarded, bathMatched],
      [1, 2_500_000 - bathAwarded, 2_500_000 - bathMatched],
    ]);
    // Between them the three councils hold every penny of both grants.
    expect(reports.reduce((sum, r) => sum + r.totalPence, 0)).toBe(15_000_000);
    councils.forEach((council, i) => {
      const r = reports[i]!;
      expect(r.totalPence).toBe(pence(council));
      expect(r.pupils).toBe(pupils[i]);
      expect(r.byArea).toEqual([
        expect.objectContaining({
          localAuthorityCode: council.laCode,
          pence: r.totalPence,
          pupils: r.pupils,
        }),
      ]);
      expect(r.byArea[0]!.perPupilPence).toBeCloseTo(r.totalPence / r.pupils, 9);
      // Rural and coastal: what lands on schools the graph flags, over the council's total.
      expect(r.rural.pence).toBe(pence(council, (school) => school.rural));
      expect(r.coastal.pence).toBe(pence(council, (school) => school.coastal));
      expect(r.rural.share).toBeCloseTo(r.rural.pence / r.totalPence, 12);
      expect(r.coastal.share).toBeCloseTo(r.coastal.pence / r.totalPence, 12);
      for (const band of [1, 2, 3, 4, null]) {
        expect(r.byNeedBand.find((row) => row.band === band)!.pence).toBe(
          pence(council, (school) => bandOf(school) === band),
        );
      }
    });
    expect(reports[0]!.byFund).toEqual([
      {
        fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
        grants: 1,
        awardedPence: 10_000_000,
        matchedPence: 0,
        pence: 10_000_000,
      },
    ]);
    expect(bathInRegion).toEqual(reports[1]);
    // The region's report gives each council its row with the same money.
    const regionRow = (council: TestArea) =>
      region.byArea.find((row) => row.localAuthorityCode === council.laCode);
    expect(councils.map((council) => regionRow(council)?.pence)).toEqual(
      reports.map((r) => r.totalPence),
    );
    const [stored] = await query<{ n: unknown; amount: unknown; events: unknown }>(
      api().db,
      `MATCH (g:Grant {source: "service"})-[:AWARDED_TO]->(:School {urn: $urn})
       WHERE g.createdBy STARTS WITH $prefix
       RETURN count(g) AS n, sum(g.amountPence) AS amount,
         sum(COUNT { (e:AuditEvent {action: "recordGrant", targetId: g.id}) }) AS events`,
      { urn: neo4j.int(dorsetSchool.urn), prefix: SUBJECT },
    );
    expect([Number(stored?.n), Number(stored?.amount), Number(stored?.events)]).toEqual([
      1, 10_000_000, 1,
    ]);
  });

  it("when a fund goes to a School Improvement Board, then it lands on the schools of the clusters the board oversees", async () => {
    // Four Devon copies in no cluster, adopted as two clusters under one board.
    const devon = await TestArea.create(api().db, SUBJECT, 878);
    const picked = await schoolsByUrn(
      await devon.schools({ count: 4, where: "t.stateFunded = true AND t.pupils IS NOT NULL" }),
    );
    const adopted = await api().execute(
      FundingAdoptClustersUnderBoardDocument,
      {
        input: {
          localAuthorityCode: devon.laCode,
          board: {
            name: "Test improvement board",
            chair: { name: "Independent Chair" },
            members: [],
          },
          clusters: [
            { name: "Test cluster A", urns: picked.slice(0, 2).map((m) => m.urn) },
            { name: "Test cluster B", urns: picked.slice(2).map((m) => m.urn) },
          ],
        },
      },
      { token: await admin() },
    );
    const boardId = dataOf(adopted).adoptClusters.board.id;

    const recorded = await api().execute(
      FundingRecordGrantDocument,
      {
        input: grantInput({
          amountPence: 10_000_000,
          recipientUrn: undefined,
          recipientPartnershipId: boardId,
        }),
      },
      { token: await admin() },
    );
    expect(recorded.errors).toBeUndefined();

    const after = await report({ la: devon.laCode });
    const shares = new Map(
      allocateGrant({ amountPence: 10_000_000, matchedPence: 0 }, picked).map((share) => [
        share.urn,
        share.awardedPence,
      ]),
    );
    expect(after.grants).toBe(1);
    expect(after.totalPence).toBe(10_000_000);
    expect(after.schoolsFunded).toBe(4);
    const rural = picked.filter((m) => m.rural).reduce((sum, m) => sum + shares.get(m.urn)!, 0);
    expect(after.rural.pence).toBe(rural);
  });

  it("when grants are read back, then the trust and the school list what they were awarded", async () => {
    const result = await api().execute(FundingGrantsOfRecipientsDocument, {
      urn: dorsetSchool.urn,
      id: partnershipId,
      la: bath.laCode,
    });

    const data = dataOf(result);
    expect(data.school!.grants.map((grant) => grant.amountPence)).toContain(10_000_000);
    expect(data.partnership!.grants.map((grant) => grant.matchedBy)).toContain(
      "Bath and North East Somerset Council",
    );
    expect(
      data.grants.edges.some((edge) => edge.node.recipientPartnership?.id === partnershipId),
    ).toBe(true);
  });
});

describe("shares fixed at award", () => {
  it("when a school in another LA joins a trust after its grant, then the stored shares and every report stay as they were at award", async () => {
    // A trust of three Wiltshire copies, and a Dudley copy in no partnership.
    const [wiltshire, dudley] = await Promise.all([
      TestArea.create(api().db, SUBJECT, 865),
      TestArea.create(api().db, SUBJECT, 332),
    ]);
    const trustId = await wiltshire.trust(
      await wiltshire.schools({ count: 3, where: "t.stateFunded = true AND t.pupils IS NOT NULL" }),
    );
    const [joiner] = await dudley.schools({ count: 1, where: "t.stateFunded = true" });
    const atAward = await membersOf(trustId);
    const reports = async () => {
      const [trustLa, joinerLa, southWest, westMidlands] = await Promise.all([
        report({ la: wiltshire.laCode }),
        report({ la: dudley.laCode }),
        report({ region: REGION }),
        report({ region: WEST_MIDLANDS }),
      ]);
      // A region's other councils are other tests'; only the rows of these two are compared.
      return {
        trustLa,
        joinerLa,
        trustLaInRegion: southWest.byArea.find((r) => r.localAuthorityCode === wiltshire.laCode),
        joinerLaInRegion: westMidlands.byArea.find((r) => r.localAuthorityCode === dudley.laCode),
      };
    };
    const dudleyListing = async () =>
      dataOf(
        await api().execute(FundingGrantIdsInLaDocument, { la: dudley.laCode }),
      ).grants.edges.map((edge) => edge.node.id);

    const recorded = await api().execute(
      FundingRecordGrantDocument,
      {
        input: grantInput({
          fund: "PRIMARY_CHAINS_GRANT",
          amountPence: 1_234_567,
          matchedPence: 76_543,
          matchedBy: "The trust",
          recipientUrn: null,
          recipientPartnershipId: trustId,
        }),
      },
      { token: await admin() },
    );
    const grantId = dataOf(recorded).recordGrant.id;
    const landed = await query(
      api().db,
      `MATCH (:Grant {id: $id})-[l:LANDS_ON]->(s:School)
       RETURN s.urn AS urn, l.awardedPence AS awardedPence, l.matchedPence AS matchedPence,
         l.pupils AS pupils, l.key AS key ORDER BY urn`,
      { id: grantId },
    );
    const stored = landed.map((row) => ({
      urn: Number(row["urn"]),
      awardedPence: Number(row["awardedPence"]),
      matchedPence: Number(row["matchedPence"]),
    }));
    const beforeJoining = await reports();
    const listedBefore = await dudleyListing();

    await query(
      api().db,
      `MATCH (s:School {urn: $urn}), (p:Partnership {id: $id})
       CREATE (s)-[:MEMBER_OF {key: p.id + "|" + toString(s.urn), joinedOn: date(),
         source: "service"}]->(p)`,
      { urn: neo4j.int(joiner!), id: trustId },
      ["partnerships", "memberships"],
    );
    const afterJoining = await reports();
    const listedAfter = await dudleyListing();
    const [still] = await query<{ n: unknown }>(
      api().db,
      `MATCH (:Grant {id: $id})-[l:LANDS_ON]->() RETURN count(l) AS n`,
      { id: grantId },
    );

    expect(stored).toEqual(
      allocateGrant({ amountPence: 1_234_567, matchedPence: 76_543 }, atAward),
    );
    expect(stored.reduce((sum, share) => sum + share.awardedPence, 0)).toBe(1_234_567);
    expect(stored.reduce((sum, share) => sum + share.matchedPence, 0)).toBe(76_543);
    expect(landed.map((row) => row["key"])).toEqual(stored.map((s) => `${grantId}|${s.urn}`));
    const pupilsOfMember = new Map(atAward.map((member) => [member.urn, member.pupils]));
    expect(landed.map((row) => (row["pupils"] === null ? null : Number(row["pupils"])))).toEqual(
      stored.map((share) => pupilsOfMember.get(share.urn) ?? null),
    );
    expect([beforeJoining.trustLa.grants, beforeJoining.trustLa.totalPence]).toEqual([
      1, 1_311_110,
    ]);
    expect(beforeJoining.trustLaInRegion?.pence).toBe(1_311_110);
    expect([beforeJoining.joinerLa.grants, beforeJoining.joinerLa.totalPence]).toEqual([0, 0]);
    expect(beforeJoining.joinerLaInRegion?.pence).toBe(0);
    expect(afterJoining).toEqual(beforeJoining);
    expect(Number(still?.n)).toBe(atAward.length);
    expect(listedBefore).not.toContain(grantId);
    expect(listedAfter).not.toContain(grantId);
  });

  it("when a partnership has no current members, then CONFLICT and neither grant nor share is written", async () => {
    // A trust whose one member, the Dorset copy, has left it.
    const memberless = await dorset.trust([dorsetSchool.urn]);
    await query(
      api().db,
      `MATCH (:School)-[m:MEMBER_OF]->(:Partnership {id: $id}) SET m.leavingOn = date("2020-08-31")`,
      { id: memberless },
      ["memberships"],
    );
    const sub = `${SUBJECT}-admin`;
    const before = await grantsBy(sub);

    const result = await api().execute(
      FundingRecordGrantDocument,
      { input: grantInput({ recipientUrn: null, recipientPartnershipId: memberless }) },
      { token: await admin() },
    );

    expect(codeOf(result)).toBe("CONFLICT");
    expect(result.errors?.[0]?.extensions?.["argument"]).toBe("input.recipientPartnershipId");
    expect(await grantsBy(sub)).toBe(before);
  });

  it("when a grant is stored without shares, then England reports its money as unallocated and no area counts it", async () => {
    // England's report cannot be narrowed to the test's councils; a day drawn at random from
    // the nineteenth century, as an id is, keeps other grants out of its window.
    const day = new Date(Date.UTC(1800, 0, 1) + randomInt(0, 36_500) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const before = await report({ from: day, to: day });
    const beforeDorset = await report({ la: dorset.laCode });
    await query(
      api().db,
      `MATCH (s:School {urn: $urn})
       CREATE (g:Grant {id: $id, fund: "OTHER", fundName: "Legacy", amountPence: 700,
         matchedPence: 0, funder: "Test", purpose: "A grant stored without shares",
         awardedOn: date($day), startsOn: date($day), endsOn: date($day), source: "service",
         createdBy: $sub})-[:AWARDED_TO]->(s)`,
      {
        urn: neo4j.int(dorsetSchool.urn),
        id: `${SUBJECT}-legacy`,
        day,
        sub: `${SUBJECT}-legacy`,
      },
      ["funding"],
    );

    const after = await report({ from: day, to: day });
    const afterDorset = await report({ la: dorset.laCode });

    expect(after.unallocatedPence - before.unallocatedPence).toBe(700);
    expect(after.grants - before.grants).toBe(1);
    expect(after.totalPence).toBe(before.totalPence);
    expect(afterDorset).toEqual(beforeDorset);
  });
});

describe("invalid grants and reports", () => {
  const cases: [string, Partial<RecordGrantInput>, string, string][] = [
    ["both recipients", { recipientPartnershipId: "gias-2053" }, "BAD_USER_INPUT", "input"],
    ["no recipient", { recipientUrn: null }, "BAD_USER_INPUT", "input"],
    ["an amount of 0", { amountPence: 0 }, "BAD_USER_INPUT", "input.amountPence"],
    [
      "an amount above 2,000,000,000",
      { amountPence: 2_000_000_001 },
      "BAD_USER_INPUT",
      "input.amountPence",
    ],
    ["a negative match", { matchedPence: -1 }, "BAD_USER_INPUT", "input.matchedPence"],
    ["a match with nobody matching", { matchedPence: 100 }, "BAD_USER_INPUT", "input.matchedBy"],
    ["an end before the start", { endsOn: "1996-08-31" }, "BAD_USER_INPUT", "input.endsOn"],
    ["OTHER without a fund name", { fund: "OTHER" }, "BAD_USER_INPUT", "input.fundName"],
    [
      "a purpose of two letters padded to five with spaces",
      { purpose: " ab  " },
      "BAD_USER_INPUT",
      "input.purpose",
    ],
    ["a funder of one letter in spaces", { funder: "  D " }, "BAD_USER_INPUT", "input.funder"],
    ["an unknown school", { recipientUrn: 9_999_998 }, "NOT_FOUND", "input.recipientUrn"],
    [
      "an unknown partnership",
      { recipientUrn: null, recipientPartnershipId: "gias-no-such-group" },
      "NOT_FOUND",
      "input.recipientPartnershipId",
    ],
  ];

  it.each(cases)(
    "when a grant has %s, then %s names %s and nothing is written",
    async (_, overrides, code, argument) => {
      const before = await grantsBy(`${SUBJECT}-admin`);
      const result = await api().execute(
        FundingRecordGrantDocument,
        { input: grantInput(overrides) },
        { token: await admin() },
      );

      expect(codeOf(result)).toBe(code);
      expect(result.errors?.[0]?.extensions?.["argument"]).toBe(argument);
      expect(await grantsBy(`${SUBJECT}-admin`)).toBe(before);
    },
  );

  it("when a report names an LA outside its region, an unknown code or a window ending before it starts, then typed errors", async () => {
    const outside = await api().execute(FundingReportForAreaDocument, {
      region: "E12000001",
      la: dorset.laCode,
    });
    const unknownLa = await api().execute(FundingReportForAreaDocument, { la: 999 });
    const unknownRegion = await api().execute(FundingReportForAreaDocument, {
      region: "E12000099",
    });
    const malformed = await api().execute(FundingReportForAreaDocument, { region: "South West" });
    const backwards = await api().execute(FundingReportForAreaDocument, {
      from: "1996-04-30",
      to: "1996-04-01",
    });

    expect(codeOf(outside)).toBe("BAD_USER_INPUT");
    expect(outside.errors?.[0]?.extensions?.["argument"]).toBe("localAuthorityCode");
    expect(codeOf(unknownLa)).toBe("NOT_FOUND");
    expect(codeOf(unknownRegion)).toBe("NOT_FOUND");
    expect(codeOf(malformed)).toBe("BAD_USER_INPUT");
    expect(codeOf(backwards)).toBe("BAD_USER_INPUT");
  });
});

describe("who may record a grant", () => {
  const callers = regionalWriters(REGION, WEST_MIDLANDS);

  it.each(callers)(
    "when $caller records grants to a school and to a trust, then the answer is $expected",
    async ({ caller, claims, expected }) => {
      const sub = `${SUBJECT}-role-${caller.replace(/\W+/g, "-")}`;
      const token =
        claims === null
          ? undefined
          : claims.role === "SCHOOL"
            ? await testToken({ role: "SCHOOL", sub, urn: dorsetSchool.urn })
            : await testToken({ ...claims, sub } as never);
      const toSchool = await api().execute(
        FundingRecordGrantDocument,
        { input: grantInput({ awardedOn: "1996-06-01", amountPence: 100 }) },
        { token },
      );
      const toTrust = await api().execute(
        FundingRecordGrantDocument,
        {
          input: grantInput({
            awardedOn: "1996-06-01",
            amountPence: 100,
            recipientUrn: null,
            recipientPartnershipId: partnershipId,
          }),
        },
        { token },
      );

      if (expected === null) {
        expect(toSchool.errors).toBeUndefined();
        expect(toTrust.errors).toBeUndefined();
        expect(await grantsBy(sub)).toBe(2);
      } else {
        expect([codeOf(toSchool), codeOf(toTrust)]).toEqual([expected, expected]);
        expect(await grantsBy(sub)).toBe(0);
      }
    },
  );
});

describe("oversight and trusts that span regions", () => {
  it("when oversight of the South West records a grant to a trust that also has schools in another region, then FORBIDDEN and nothing is written; oversight of both may", async () => {
    // A trust of a North Somerset copy and a copy of a Dudley school.
    const dudley = await TestArea.create(api().db, SUBJECT, 332);
    const trustId = await northSomerset.trust([
      ...(await northSomerset.schools({ count: 1, where: "t.stateFunded = true" })),
      ...(await dudley.schools({ count: 1, where: "t.stateFunded = true" })),
    ]);
    const input = grantInput({
      amountPence: 100,
      recipientUrn: null,
      recipientPartnershipId: trustId,
    });
    const southWestOnly = `${SUBJECT}-spanning-sw`;
    const both = `${SUBJECT}-spanning-both`;

    const refused = await api().execute(
      FundingRecordGrantDocument,
      { input },
      { token: await testToken({ role: "OVERSIGHT", sub: southWestOnly, regionCodes: [REGION] }) },
    );
    const allowed = await api().execute(
      FundingRecordGrantDocument,
      { input },
      {
        token: await testToken({
          role: "OVERSIGHT",
          sub: both,
          regionCodes: [REGION, WEST_MIDLANDS],
        }),
      },
    );

    expect(codeOf(refused)).toBe("FORBIDDEN");
    expect(await grantsBy(southWestOnly)).toBe(0);
    expect(allowed.errors).toBeUndefined();
    expect(await grantsBy(both)).toBe(1);
  });
});

/** Operators that read every node of a label, every entry of an index or every relationship. */
const SCANS = /^(NodeByLabelScan|NodeIndexScan|AllNodesScan|\w*RelationshipTypeScan)/;

interface PlanNode {
  operatorType: string;
  rows?: number;
  children?: PlanNode[];
}

function operators(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.children ?? []).flatMap(operators)];
}

describe("what a report reads", () => {
  async function profile(
    statement: CypherName,
    params: Record<string, unknown>,
  ): Promise<PlanNode[]> {
    const result = await api().db.driver.executeQuery(
      `PROFILE ${api().db.statement(statement)}`,
      params,
    );
    return operators(result.summary.profile as unknown as PlanNode);
  }

  it("when an LA's or a region's schools are counted, then no operator reads all of England's schools", async () => {
    const la = await profile("funding/countAreaSchools", {
      laCode: neo4j.int(dorset.laCode),
      regionCode: null,
    });
    const region = await profile("funding/countAreaSchools", {
      laCode: null,
      regionCode: REGION,
    });

    for (const plan of [la, region]) {
      expect(plan.filter((op) => SCANS.test(op.operatorType) && (op.rows ?? 0) > 0)).toEqual([]);
    }
  });

  it("when a window is reported, then its grants are found through the award-date index", async () => {
    for (const window of [
      { from: AWARDED_ON, to: AWARDED_ON },
      { from: null, to: null },
    ]) {
      const plan = await profile("funding/findReportGrants", {
        laCode: neo4j.int(dorset.laCode),
        regionCode: null,
        ...window,
        limit: neo4j.int(10),
      });

      expect(plan.filter((op) => SCANS.test(op.operatorType))).toEqual([]);
      expect(plan.some((op) => op.operatorType.startsWith("NodeIndexSeekByRange"))).toBe(true);
    }
  });
  it("when grants are listed a page at a time, then they are walked down the award-date index and pages follow on", async () => {
    const plan = await profile("funding/listGrants", {
      laCode: neo4j.int(bath.laCode),
      regionCode: null,
      afterAwardedOn: null,
      afterId: null,
      limit: neo4j.int(2),
    });

    const first = dataOf(await api().execute(FundingGrantsPageInLaDocument, { la: bath.laCode }));
    const second = dataOf(
      await api().execute(FundingGrantsPageInLaDocument, {
        la: bath.laCode,
        after: first.grants.pageInfo.endCursor,
      }),
    );

    expect(plan.filter((op) => SCANS.test(op.operatorType))).toEqual([]);
    expect(plan.some((op) => op.operatorType.startsWith("NodeIndexSeekByRange"))).toBe(true);
    // The trust's grants (the report test's and the role tests') land in Bath, so there are at
    // least two to page through.
    expect(first.grants.pageInfo.hasNextPage).toBe(true);
    const [a, b] = [first.grants.edges[0]!.node, second.grants.edges[0]!.node];
    expect(a.id).not.toBe(b.id);
    expect(a.awardedOn >= b.awardedOn).toBe(true);
  });
});
