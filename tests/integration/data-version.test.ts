/**
 * Every write through the gateway moves the one data version on, naming its area, before the
 * caller hears it committed: a write that rolls back moves nothing, and schema statements are not
 * data.
 */
import { describe, expect, it } from "vitest";
import { readDataVersion } from "../../src/db/data-version.js";
import { useDatabase } from "../helpers/database.js";

describe("given the graph's data version", () => {
  const database = useDatabase();

  it("when a write transaction commits, then the version moves on and records its area", async () => {
    const before = await readDataVersion(database.db());
    await database.db().writeTransaction((run) => run("data/findDataVersion"));
    const after = await readDataVersion(database.db());
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.areas["data"]).toBeGreaterThan(before.version);
    expect(after.areas["data"]).toBeLessThanOrEqual(after.version);
    expect(after.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("when a write transaction fails, then its area's version stays where it was", async () => {
    await database.db().writeTransaction((run) => run("data/findDataVersion"));
    const before = await readDataVersion(database.db());
    await expect(
      database.db().writeTransaction(async (run) => {
        await run("data/findDataVersion");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    const after = await readDataVersion(database.db());
    expect(after.areas["data"]).toBe(before.areas["data"]);
  });

  it("when forty writes commit at once, then none fails, and each is in the version by the time it returns", async () => {
    const before = await readDataVersion(database.db());
    const seen = await Promise.all(
      Array.from({ length: 40 }, async () => {
        await database.db().writeTransaction((run) => run("data/findDataVersion"));
        return (await readDataVersion(database.db())).areas["data"] ?? 0;
      }),
    );
    for (const stamp of seen) expect(stamp).toBeGreaterThan(before.version);
  });

  it("when the schema is applied, then no data area is recorded for it", async () => {
    await database.db().write("schema/dataVersionIdUnique");
    const after = await readDataVersion(database.db());
    expect(after.areas["schema"]).toBeUndefined();
    expect(after.epoch).toEqual(expect.any(String));
  });
});
