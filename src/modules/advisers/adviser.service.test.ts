import { describe, expect, it } from "vitest";
import type { Principal } from "../../auth/principal.js";
import type { AdviserLoaders } from "./adviser.loaders.js";
import type { AdviserRecord } from "./adviser.model.js";
import type { AdviserRepository } from "./adviser.repository.js";
import { AdviserService, decodeNeedCursor, encodeNeedCursor } from "./adviser.service.js";

const ADVISER: AdviserRecord = {
  id: "svc-1",
  name: "Pat",
  kind: "SCHOOL_IMPROVEMENT_PARTNER",
  organisation: "Council",
  laCode: 332,
  partnershipId: null,
  createdBy: "a",
  createdAt: null,
  schoolCount: 0,
};

/** A repository whose assign hands the given regions to the service's check, then succeeds. */
function serviceFor(principal: Principal, regionsOfSchools: string[]) {
  const repository = {
    assign: async (_request: unknown, _origin: unknown, check: (codes: string[]) => void) => {
      check(regionsOfSchools);
      return ADVISER;
    },
  } as unknown as AdviserRepository;
  const lookup = { findLocalAuthoritiesByCodes: async () => new Map() };
  return new AdviserService(repository, {} as AdviserLoaders, lookup, principal, "req");
}

const oversight = (regionCodes: string[]): Principal => ({
  role: "OVERSIGHT",
  sub: "o",
  regionCodes,
});

describe("AdviserService.assign", () => {
  it("when oversight assigns schools in its region only, then it may", async () => {
    const service = serviceFor(oversight(["E12000005"]), ["E12000005"]);

    await expect(service.assign({ adviserId: "svc-1", urns: [1, 2], since: null })).resolves.toBe(
      ADVISER,
    );
  });

  it("when one of the schools is in a region oversight does not oversee, then FORBIDDEN", async () => {
    const service = serviceFor(oversight(["E12000005"]), ["E12000005", "E12000009"]);

    await expect(
      service.assign({ adviserId: "svc-1", urns: [1, 2], since: null }),
    ).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });

  it("when a school signs in, then it is refused before anything is read", async () => {
    const service = serviceFor({ role: "SCHOOL", sub: "s", urn: 1 }, []);

    expect(() => service.assign({ adviserId: "svc-1", urns: [1], since: null })).toThrow(
      /SCHOOL role may not assignAdviser/,
    );
  });

  it("when more than 200 distinct schools are named, then BAD_USER_INPUT", () => {
    const service = serviceFor({ role: "ADMIN", sub: "a" }, []);
    const urns = Array.from({ length: 201 }, (_, i) => i + 1);

    expect(() => service.assign({ adviserId: "svc-1", urns, since: null })).toThrow(
      /1 to 200 schools/,
    );
  });
});

describe("need cursors", () => {
  it("when a cursor is encoded, then it decodes to the same position", () => {
    const key = { bandRank: 2, needPoints: 5, urn: 103_838 };

    expect(decodeNeedCursor(encodeNeedCursor(key))).toEqual(key);
  });

  it("when a cursor holds anything but three whole numbers, then BAD_USER_INPUT names the argument", () => {
    const forged = Buffer.from(JSON.stringify(["a", 1, 2])).toString("base64url");

    expect(() => decodeNeedCursor(forged)).toThrow(/`after` is not a valid cursor/);
  });
});
