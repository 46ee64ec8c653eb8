/**
 * A module is a folder and one registration line: the ping fixture (tests/fixtures/ping-module)
 * is served beside every registered module, and its service is built only when a request uses it.
 */
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { MODULES } from "../../src/modules/index.js";
import { PingService } from "../fixtures/ping-module/ping.js";
import { pingModule } from "../fixtures/ping-module/index.js";
import { useApi } from "../helpers/api.js";

describe("given the service with a ping module registered beside the others", () => {
  const api = useApi({ app: { modules: [...MODULES, pingModule] } });

  it("when ping is asked for, then its module's service answers for that request", async () => {
    const result = await api().executeText("{ ping }");
    expect(result.errors).toBeUndefined();
    expect((result.data as { ping: string }).ping).toMatch(/^pong [0-9a-f-]{36}$/);
  });

  it("when a request asks only for other modules' data, then no ping service is built", async () => {
    const before = PingService.built;
    const result = await api().executeText("{ regions { code } }");
    expect(result.errors).toBeUndefined();
    expect((result.data as { regions: unknown[] }).regions).toHaveLength(9);
    expect(PingService.built).toBe(before);

    await api().executeText("{ a: ping b: ping }");
    expect(PingService.built).toBe(before + 1);
  });
});
