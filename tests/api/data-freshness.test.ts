/**
 * The gap snapshot trusts its data version for DATA_VERSION_MAX_AGE_MS (here a minute) before
 * reading it again, yet a write made through this process is seen by its very next request:
 * every write through the gateway makes the stores read the version again.
 */
import { afterAll, describe, expect, it } from "vitest";
import { dataOf, testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, query, testSubject } from "../helpers/writes.js";

const api = useApi({ app: { dataVersionMaxAgeMs: 60_000 } });
const SUBJECT = testSubject("data-freshness");
/** The East Midlands' second Teaching School Hub; no other test file asks for it. */
const HUB = "tsh-em2";

const CANDIDATES = `query ($id: ID!) {
  schoolsToSupport(systemLeaderId: $id, first: 20) { school { urn } }
}`;
const RECORD = `mutation ($input: RecordSupportEngagementInput!) {
  recordSupportEngagement(input: $input) { id open }
}`;

const recorded: string[] = [];

afterAll(async () => {
  await query(api().db, "MATCH ()-[r:SUPPORTS]->() WHERE r.id IN $ids DELETE r", {
    ids: recorded,
  });
  await cleanUpWrites(api().db, SUBJECT);
});

async function candidates(): Promise<number[]> {
  const data = dataOf(await api().executeText(CANDIDATES, { id: HUB })) as {
    schoolsToSupport: { school: { urn: number } }[];
  };
  return data.schoolsToSupport.map((candidate) => candidate.school.urn);
}

describe("data versions held for a while", () => {
  it("when an engagement is recorded through the API, then the next request no longer offers the school", async () => {
    const before = await candidates();
    expect(before.length).toBeGreaterThan(1);
    const target = before[0]!;
    const token = await testToken({ role: "SYSTEM_LEADER", sub: SUBJECT, systemLeaderId: HUB });

    const result = await api().executeText(
      RECORD,
      { input: { systemLeaderId: HUB, urn: target, focus: "Reading" } },
      { token },
    );
    const engagement = (dataOf(result) as { recordSupportEngagement: { id: string } })
      .recordSupportEngagement;
    recorded.push(engagement.id);

    const after = await candidates();
    expect(after).not.toContain(target);
    expect(after).toContain(before[1]);
  });
});
