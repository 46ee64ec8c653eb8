/**
 * The gap snapshot trusts its data version for DATA_VERSION_MAX_AGE_MS (here a minute) before
 * reading it again, yet a write made through this process is seen by its very next request:
 * every write through the gateway makes the stores read the version again. The leader and the
 * schools it supports are the test's own: copies of Derby's primaries (TestArea), removed after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FreshnessCandidatesDocument,
  EngagementDesignateLeaderDocument,
  FreshnessRecordEngagementDocument,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi({ app: { dataVersionMaxAgeMs: 60_000 } });
const SUBJECT = testSubject("data-freshness");
/** Derby, in the East Midlands. */
const DERBY = 831;

/** The test's own schools. */
let own = new Set<number>();
/** A system leader the test designates at one of them. */
let leaderId = "";

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, DERBY);
  const urns = await area.schools({ governance: "MAINTAINED", phase: "PRIMARY", count: "all" });
  own = new Set(urns);
  const admin = await testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
  const designated = dataOf(
    await api().execute(
      EngagementDesignateLeaderDocument,
      { input: { urn: urns[0]!, designation: "NLE", specialisms: ["ENGLISH"], capacity: 5 } },
      { token: admin },
    ),
  );
  leaderId = designated.designateSystemLeader.id;
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

/** The leader's candidates among the test's own schools, best first. */
async function candidates(): Promise<number[]> {
  const data = dataOf(await api().execute(FreshnessCandidatesDocument, { id: leaderId }));
  return data.schoolsToSupport.map((candidate) => candidate.urn).filter((urn) => own.has(urn));
}

describe("data versions held for a while", () => {
  it("when an engagement is recorded through the API, then the next request no longer offers the school", async () => {
    const before = await candidates();
    expect(before.length).toBeGreaterThan(1);
    const target = before[0]!;
    const token = await testToken({
      role: "SYSTEM_LEADER",
      sub: SUBJECT,
      systemLeaderId: leaderId,
    });

    const result = await api().execute(
      FreshnessRecordEngagementDocument,
      { input: { systemLeaderId: leaderId, urn: target, focus: "Reading" } },
      { token },
    );
    expect(dataOf(result)).toMatchObject({ recordSupportEngagement: { open: true } });

    const after = await candidates();
    expect(after).not.toContain(target);
    expect(after).toContain(before[1]);
  });
});
