/**
 * Improvement grants against the real database: £100,000 of the Strategic School Improvement
 * Fund to a Dorset (838) school and £25,000 matched £25,000 to a real trust with members in
 * Bath and North East Somerset (800) and in another South West LA. Reports are asserted as the
 * change from a report taken before, over an award-date window no other test uses, with the
 * shares, rural and coastal figures recomputed from the graph. Every role is tried against
 * recordGrant. A trust's grant is shown to keep the shares stored at award when a school joins
 * it later. Removes every grant, membership and audit event it made.
 */
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
import { cleanUpWrites, query, testSubject } from "../helpers/writes.js";
import type { CypherName } from "../../src/db/cypher.js";

const api = useApi();
const SUBJECT = testSubject("funding");
const REGION = "E12000009";
const DORSET = 838;
const BATH = 800;
/** Award dates no other test records grants on. */
const FROM = "1996-04-01";
const TO = "1996-04-30";
const AWARDED_ON = "1996-04-15";
/** The day the board test awards its fund on, outside the window above. */
const BOARD_DAY = "1996-05-15";
const DEVON = 878;

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
  const result = await api().execute(FundingReportForAreaDocument, {
    from: FROM,
    to: TO,
    ...variables,
  });
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

beforeAll(async () => {
  const [school] = await query(
    api().db,
    `MATCH (s:School {laCode: $la, governance: "MAINTAINED"}) WHERE s.pupils IS NOT NULL
     RETURN s.urn AS urn, s.pupils AS pupils, s.laCode AS laCode, s.rural AS rural,
       s.coastal AS coastal, s.needBand AS needBand
     ORDER BY s.coastal DESC, s.urn LIMIT 1`,
    { la: DORSET },
  );
  dorsetSchool = toMember(school!);
  // A real trust with members in Bath and North East Somerset and elsewhere in the South West.
  const [trust] = await query<{ id: string }>(
    api().db,
    `MATCH (p:Partnership)<-[:MEMBER_OF]-(:School {laCode: $la})
     WITH DISTINCT p
     WITH p, COLLECT { MATCH (s:School)-[:MEMBER_OF]->(p) RETURN s } AS schools
     WHERE size(schools) >= 3 AND all(s IN schools WHERE s.regionCode = $region)
       AND any(s IN schools WHERE s.laCode <> $la)
     RETURN p.id AS id ORDER BY size(schools), p.id LIMIT 1`,
    { la: BATH, region: REGION },
  );
  if (!trust) throw new Error("No partnership spans Bath and North East Somerset and another LA.");
  partnershipId = trust.id;
  members = (
    await query(
      api().db,
      `MATCH (s:School)-[:MEMBER_OF]->(:Partnership {id: $id})
       RETURN s.urn AS urn, s.pupils AS pupils, s.laCode AS laCode, s.rural AS rural,
         s.coastal AS coastal, s.needBand AS needBand`,
      { id: partnershipId },
    )
  ).map(toMember);
});

afterAll(async () => {
  await query(api().db, "MATCH (g:Grant) WHERE g.createdBy STARTS WITH $prefix DETACH DELETE g", {
    prefix: SUBJECT,
  });
  await query(api().db, "MATCH (l:Leader) WHERE l.createdBy STARTS WITH $prefix DETACH DELETE l", {
    prefix: SUBJECT,
  });
  await cleanUpWrites(api().db, SUBJECT);
  await query(api().db, "MATCH (la:LocalAuthority {code: $la}) REMOVE la.clustersChangedAt", {
    la: DEVON,
  });
});

describe("recordGrant and fundingReport", () => {
  it("when £100,000 SSIF goes to a Dorset school and £25,000 matched £25,000 to a trust, then each report changes by exactly where that money lands", async () => {
    const areas = {
      region: { region: REGION },
      dorset: { la: DORSET },
      bath: { la: BATH },
      bathInRegion: { region: REGION, la: BATH },
      england: {},
    };
    const before = Object.fromEntries(
      await Promise.all(
        Object.entries(areas).map(async ([name, variables]) => [name, await report(variables)]),
      ),
    ) as Record<keyof typeof areas, Report>;

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
    const after = Object.fromEntries(
      await Promise.all(
        Object.entries(areas).map(async ([name, variables]) => [name, await report(variables)]),
      ),
    ) as Record<keyof typeof areas, Report>;

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
    const sumShares = (keep: (member: Member) => boolean) =>
      shares
        .filter((share) => keep(memberOf.get(share.urn)!))
        .reduce((sum, share) => sum + share.awardedPence + share.matchedPence, 0);
    const inBath = shares.filter((share) => memberOf.get(share.urn)!.laCode === BATH);
    const bathAwarded = inBath.reduce((sum, share) => sum + share.awardedPence, 0);
    const bathMatched = inBath.reduce((sum, share) => sum + share.matchedPence, 0);
    const delta = (
      name: keyof typeof areas,
      field: "awardedPence" | "matchedPence" | "totalPence" | "grants",
    ) => after[name][field] - before[name][field];

    expect([
      delta("region", "grants"),
      delta("region", "awardedPence"),
      delta("region", "matchedPence"),
    ]).toEqual([2, 12_500_000, 2_500_000]);
    expect(delta("england", "totalPence")).toBe(15_000_000);
    expect([
      delta("dorset", "grants"),
      delta("dorset", "awardedPence"),
      delta("dorset", "matchedPence"),
    ]).toEqual([1, 10_000_000, 0]);
    expect([
      delta("bath", "grants"),
      delta("bath", "awardedPence"),
      delta("bath", "matchedPence"),
    ]).toEqual([1, bathAwarded, bathMatched]);
    expect(bathAwarded).toBeGreaterThan(0);
    expect(bathAwarded).toBeLessThan(2_500_000);
    expect(after.bathInRegion.totalPence).toBe(after.bath.totalPence);
    expect(after.bath.byArea).toHaveLength(1);
    expect(after.bath.byArea[0]).toMatchObject({
      localAuthorityCode: BATH,
      pence: after.bath.totalPence,
      pupils: after.bath.pupils,
    });
    expect(after.bath.byArea[0]!.perPupilPence).toBeCloseTo(
      after.bath.totalPence / after.bath.pupils,
      9,
    );
    const dorsetRow = (r: Report) => r.byArea.find((row) => row.localAuthorityCode === DORSET)!;
    expect(dorsetRow(after.region).pence - dorsetRow(before.region).pence).toBe(10_000_000);
    const ssifRow = (r: Report) =>
      r.byFund.find((row) => row.fund === "STRATEGIC_SCHOOL_IMPROVEMENT_FUND")?.awardedPence ?? 0;
    expect(ssifRow(after.region) - ssifRow(before.region)).toBe(10_000_000);
    // Rural and coastal: what lands on schools the graph flags, over the region's total.
    const ruralDelta = (dorsetSchool.rural ? 10_000_000 : 0) + sumShares((member) => member.rural);
    const coastalDelta =
      (dorsetSchool.coastal ? 10_000_000 : 0) + sumShares((member) => member.coastal);
    expect(after.region.rural.pence - before.region.rural.pence).toBe(ruralDelta);
    expect(after.region.coastal.pence - before.region.coastal.pence).toBe(coastalDelta);
    expect(after.region.rural.share).toBeCloseTo(
      after.region.rural.pence / after.region.totalPence,
      12,
    );
    expect(after.region.coastal.share).toBeCloseTo(
      after.region.coastal.pence / after.region.totalPence,
      12,
    );
    const band = (r: Report, b: number | null) => r.byNeedBand.find((row) => row.band === b)!.pence;
    const bandOf = (member: Member) =>
      member.needBand !== null && member.needBand >= 1 && member.needBand <= 4
        ? member.needBand
        : null;
    for (const b of [1, 2, 3, 4, null]) {
      const expected =
        (bandOf(dorsetSchool) === b ? 10_000_000 : 0) + sumShares((member) => bandOf(member) === b);
      expect(band(after.region, b) - band(before.region, b)).toBe(expected);
    }
    const [stored] = await query<{ n: unknown; amount: unknown; events: unknown }>(
      api().db,
      `MATCH (g:Grant {source: "service"})-[:AWARDED_TO]->(:School {urn: $urn})
       WHERE g.createdBy STARTS WITH $prefix
       RETURN count(g) AS n, sum(g.amountPence) AS amount,
         sum(COUNT { (e:AuditEvent {action: "recordGrant", targetId: g.id}) }) AS events`,
      { urn: dorsetSchool.urn, prefix: SUBJECT },
    );
    expect([Number(stored?.n), Number(stored?.amount), Number(stored?.events)]).toEqual([
      1, 10_000_000, 1,
    ]);
  });

  it("when a fund goes to a School Improvement Board, then it lands on the schools of the clusters the board oversees", async () => {
    // Four Devon schools in no cluster, adopted as two clusters under one board.
    const picked = (
      await query(
        api().db,
        `MATCH (s:School {laCode: $la, stateFunded: true})
         WHERE s.pupils IS NOT NULL AND NOT (s)-[:MEMBER_OF]->(:Partnership {type: "CLUSTER"})
         RETURN s.urn AS urn, s.pupils AS pupils, s.laCode AS laCode, s.rural AS rural,
           s.coastal AS coastal, s.needBand AS needBand
         ORDER BY s.urn DESC LIMIT 4`,
        { la: DEVON },
      )
    ).map(toMember);
    expect(picked).toHaveLength(4);
    const adopted = await api().execute(
      FundingAdoptClustersUnderBoardDocument,
      {
        input: {
          localAuthorityCode: DEVON,
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
    const before = await report({ la: DEVON, from: BOARD_DAY, to: BOARD_DAY });

    const recorded = await api().execute(
      FundingRecordGrantDocument,
      {
        input: grantInput({
          amountPence: 10_000_000,
          awardedOn: BOARD_DAY,
          recipientUrn: undefined,
          recipientPartnershipId: boardId,
        }),
      },
      { token: await admin() },
    );
    expect(recorded.errors).toBeUndefined();

    const after = await report({ la: DEVON, from: BOARD_DAY, to: BOARD_DAY });
    const shares = new Map(
      allocateGrant({ amountPence: 10_000_000, matchedPence: 0 }, picked).map((share) => [
        share.urn,
        share.awardedPence,
      ]),
    );
    expect(after.totalPence - before.totalPence).toBe(10_000_000);
    expect(after.schoolsFunded - before.schoolsFunded).toBe(4);
    const rural = picked.filter((m) => m.rural).reduce((sum, m) => sum + shares.get(m.urn)!, 0);
    expect(after.rural.pence - before.rural.pence).toBe(rural);
  });

  it("when grants are read back, then the trust and the school list what they were awarded", async () => {
    const result = await api().execute(FundingGrantsOfRecipientsDocument, {
      urn: dorsetSchool.urn,
      id: partnershipId,
      la: BATH,
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
  /** A day no other test awards on. */
  const DAY = "1996-07-15";
  const DUDLEY = 332;

  it("when a school in another LA joins a trust after its grant, then the stored shares and every report stay as they were at award", async () => {
    // A South West trust other than the one above, and a Dudley school in no partnership.
    const [trust] = await query<{ id: string; las: unknown[] }>(
      api().db,
      `MATCH (p:Partnership)<-[m:MEMBER_OF]-(s:School {regionCode: $region})
       WHERE p.id <> $taken AND (m.leavingOn IS NULL OR m.leavingOn > date())
       WITH p, collect(s) AS schools
       WHERE size(schools) >= 2 AND NOT (p)-[:OVERSEEN_BY]->() AND NOT ()-[:OVERSEEN_BY]->(p)
         AND COUNT { (:School)-[:MEMBER_OF]->(p) } = size(schools)
       RETURN p.id AS id, collect { UNWIND schools AS s RETURN DISTINCT s.laCode } AS las
       ORDER BY size(schools), p.id LIMIT 1`,
      { region: REGION, taken: partnershipId },
    );
    if (!trust) throw new Error("No South West trust has two or more current members.");
    const [picked] = await query<{ urn: unknown }>(
      api().db,
      `MATCH (s:School {laCode: $la, stateFunded: true}) WHERE NOT (s)-[:MEMBER_OF]->()
       RETURN s.urn AS urn ORDER BY s.urn DESC LIMIT 1`,
      { la: DUDLEY },
    );
    if (!picked) throw new Error("No Dudley school is in no partnership.");
    const joiner = neo4j.int(Number(picked.urn));
    const atAward = (
      await query(
        api().db,
        `MATCH (s:School)-[m:MEMBER_OF]->(:Partnership {id: $id})
         WHERE m.leavingOn IS NULL OR m.leavingOn > date()
         RETURN DISTINCT s.urn AS urn, s.pupils AS pupils, s.laCode AS laCode, s.rural AS rural,
           s.coastal AS coastal, s.needBand AS needBand`,
        { id: trust.id },
      )
    ).map(toMember);
    const areas = {
      england: {},
      region: { region: REGION },
      trustLa: { la: Number(trust.las[0]) },
      dudley: { la: DUDLEY },
    };
    const reports = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(areas).map(async ([name, variables]) => [
            name,
            await report({ ...variables, from: DAY, to: DAY }),
          ]),
        ),
      ) as Record<keyof typeof areas, Report>;
    const dudleyListing = async () =>
      dataOf(await api().execute(FundingGrantIdsInLaDocument, { la: DUDLEY })).grants.edges.map(
        (edge) => edge.node.id,
      );

    const recorded = await api().execute(
      FundingRecordGrantDocument,
      {
        input: grantInput({
          fund: "PRIMARY_CHAINS_GRANT",
          amountPence: 1_234_567,
          matchedPence: 76_543,
          matchedBy: "The trust",
          awardedOn: DAY,
          recipientUrn: null,
          recipientPartnershipId: trust.id,
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

    try {
      await query(
        api().db,
        `MATCH (s:School {urn: $urn}), (p:Partnership {id: $id})
         MERGE (s)-[m:MEMBER_OF]->(p) SET m.source = $marker`,
        { urn: joiner, id: trust.id, marker: SUBJECT },
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
      const pupilsOf = new Map(atAward.map((member) => [member.urn, member.pupils]));
      expect(landed.map((row) => (row["pupils"] === null ? null : Number(row["pupils"])))).toEqual(
        stored.map((share) => pupilsOf.get(share.urn) ?? null),
      );
      expect(beforeJoining.england.totalPence).toBeGreaterThanOrEqual(1_311_110);
      expect(beforeJoining.dudley.grants).toBe(0);
      expect(afterJoining).toEqual(beforeJoining);
      expect(Number(still?.n)).toBe(atAward.length);
      expect(listedBefore).not.toContain(grantId);
      expect(listedAfter).not.toContain(grantId);
    } finally {
      await query(
        api().db,
        `MATCH (:School {urn: $urn})-[m:MEMBER_OF {source: $marker}]->(:Partnership {id: $id})
         DELETE m`,
        { urn: joiner, id: trust.id, marker: SUBJECT },
      );
    }
  });

  it("when a partnership has no current members, then CONFLICT and neither grant nor share is written", async () => {
    const [memberless] = await query<{ id: string }>(
      api().db,
      `MATCH (p:Partnership)
       WHERE NOT EXISTS {
         MATCH (:School)-[m:MEMBER_OF]->(:Partnership)-[:OVERSEEN_BY*0..1]->(p)
         WHERE m.leavingOn IS NULL OR m.leavingOn > date()
       }
       RETURN p.id AS id ORDER BY p.id LIMIT 1`,
    );
    if (!memberless) throw new Error("Every partnership has a current member.");
    const sub = `${SUBJECT}-admin`;
    const before = await grantsBy(sub);

    const result = await api().execute(
      FundingRecordGrantDocument,
      { input: grantInput({ recipientUrn: null, recipientPartnershipId: memberless.id }) },
      { token: await admin() },
    );

    expect(codeOf(result)).toBe("CONFLICT");
    expect(result.errors?.[0]?.extensions?.["argument"]).toBe("input.recipientPartnershipId");
    expect(await grantsBy(sub)).toBe(before);
  });

  it("when a grant is stored without shares, then England reports its money as unallocated and no area counts it", async () => {
    const day = "1996-07-16";
    const before = await report({ from: day, to: day });
    const beforeDorset = await report({ la: DORSET, from: day, to: day });
    await query(
      api().db,
      `MATCH (s:School {urn: $urn})
       CREATE (g:Grant {id: $id, fund: "OTHER", fundName: "Legacy", amountPence: 700,
         matchedPence: 0, funder: "Test", purpose: "A grant stored without shares",
         awardedOn: date($day), startsOn: date($day), endsOn: date($day), source: "service",
         createdBy: $sub})-[:AWARDED_TO]->(s)`,
      { urn: dorsetSchool.urn, id: `${SUBJECT}-legacy`, day, sub: `${SUBJECT}-legacy` },
    );

    const after = await report({ from: day, to: day });
    const afterDorset = await report({ la: DORSET, from: day, to: day });

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
      la: DORSET,
    });
    const unknownLa = await api().execute(FundingReportForAreaDocument, { la: 999 });
    const unknownRegion = await api().execute(FundingReportForAreaDocument, {
      region: "E12000099",
    });
    const malformed = await api().execute(FundingReportForAreaDocument, { region: "South West" });
    const backwards = await api().execute(FundingReportForAreaDocument, { from: TO, to: FROM });

    expect(codeOf(outside)).toBe("BAD_USER_INPUT");
    expect(outside.errors?.[0]?.extensions?.["argument"]).toBe("localAuthorityCode");
    expect(codeOf(unknownLa)).toBe("NOT_FOUND");
    expect(codeOf(unknownRegion)).toBe("NOT_FOUND");
    expect(codeOf(malformed)).toBe("BAD_USER_INPUT");
    expect(codeOf(backwards)).toBe("BAD_USER_INPUT");
  });
});

describe("who may record a grant", () => {
  const callers = regionalWriters(REGION, "E12000005");

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
      // Dated outside the report window so the report test's figures are not disturbed.
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
    const [trust] = await query<{ id: string; regions: string[] }>(
      api().db,
      `MATCH (p:Partnership)<-[m:MEMBER_OF]-(s:School)
       WHERE m.leavingOn IS NULL OR m.leavingOn > date()
       WITH p, collect(DISTINCT s.regionCode) AS regions
       WHERE size(regions) = 2 AND $region IN regions
       RETURN p.id AS id, regions ORDER BY p.id LIMIT 1`,
      { region: REGION },
    );
    if (!trust) throw new Error("No trust has schools in the South West and one other region.");
    const input = grantInput({
      awardedOn: "1996-06-01",
      amountPence: 100,
      recipientUrn: null,
      recipientPartnershipId: trust.id,
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
      { token: await testToken({ role: "OVERSIGHT", sub: both, regionCodes: trust.regions }) },
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
      laCode: neo4j.int(DORSET),
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
      { from: FROM, to: TO },
      { from: null, to: null },
    ]) {
      const plan = await profile("funding/findReportGrants", {
        laCode: neo4j.int(DORSET),
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
      laCode: neo4j.int(BATH),
      regionCode: null,
      afterAwardedOn: null,
      afterId: null,
      limit: neo4j.int(2),
    });

    const first = dataOf(await api().execute(FundingGrantsPageInLaDocument, { la: BATH }));
    const second = dataOf(
      await api().execute(FundingGrantsPageInLaDocument, {
        la: BATH,
        after: first.grants.pageInfo.endCursor,
      }),
    );

    expect(plan.filter((op) => SCANS.test(op.operatorType))).toEqual([]);
    expect(plan.some((op) => op.operatorType.startsWith("NodeIndexSeekByRange"))).toBe(true);
    // The trust's grants land in Bath, so there are at least two to page through.
    expect(first.grants.pageInfo.hasNextPage).toBe(true);
    const [a, b] = [first.grants.edges[0]!.node, second.grants.edges[0]!.node];
    expect(a.id).not.toBe(b.id);
    expect(a.awardedOn >= b.awardedOn).toBe(true);
  });
});
