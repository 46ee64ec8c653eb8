import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import { DataFileError } from "../src/errors/index.js";
import {
  bundleForLocalAuthorities,
  manifestDatasetIds,
  readBundle,
  type Bundle,
} from "./bundle.js";
import { SkipCounter } from "./rejections.js";
import type { SchoolRecord } from "./domain/school.js";

const school = (urn: number, laCode: number) => ({ urn, laCode }) as SchoolRecord;

describe("bundleForLocalAuthorities", () => {
  it("when one LA is chosen, then only its schools stay, with their memberships, successions and the establishments those name", () => {
    const bundle = {
      regions: [{ code: "E12000002", name: "North West" }],
      localAuthorities: [],
      schools: [school(112164, 909), school(112181, 909), school(100001, 201)],
      partnerships: [],
      partnershipHeads: [],
      memberships: [
        { urn: 112181, partnershipId: "gias-1", joinedOn: null, source: "s" },
        { urn: 100001, partnershipId: "gias-2", joinedOn: null, source: "s" },
      ],
      formerMemberships: [],
      current: { closed: 0, opened: 0, movedLa: 0 },
      formerEstablishments: [
        { urn: 90001, name: "Old Cumbria School" },
        { urn: 90002, name: "Old City School" },
      ],
      successions: [
        { predecessorUrn: 90001, successorUrn: 112181, reason: null, on: null, source: "s" },
        { predecessorUrn: 112164, successorUrn: 149818, reason: null, on: null, source: "s" },
        { predecessorUrn: 90002, successorUrn: 100001, reason: null, on: null, source: "s" },
      ],
      rejections: [],
      skipped: new SkipCounter(),
    } as unknown as Bundle;

    const part = bundleForLocalAuthorities(bundle, new Set([909]));

    expect(part.schools.map((s) => s.urn)).toEqual([112164, 112181]);
    expect(part.memberships.map((m) => m.urn)).toEqual([112181]);
    expect(part.successions.map((s) => s.predecessorUrn)).toEqual([90001, 112164]);
    expect(part.formerEstablishments.map((e) => e.urn)).toEqual([90001]);
    expect(part.regions).toBe(bundle.regions);
  });
});

describe("readBundle", () => {
  it("when a release has some of the 2025/26 datasets but not all, then it says which are needed, before reading a file", () => {
    const read: string[] = [];

    expect(() =>
      readBundle((file) => read.push(file), { datasets: new Set(["ofsted-mi-2025-08-31"]) }),
    ).toThrow(/needs all of .*gias-groups-2026-02-17.*names only ofsted-mi-2025-08-31/);
    expect(read).toEqual([]);
  });
});

describe("manifestDatasetIds", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "manifest-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("when given the previous release's manifest, then it names its datasets and none of 2025/26", () => {
    const ids = manifestDatasetIds(
      path.join(projectRoot, "tests", "fixtures", "previous-data-manifest.json"),
    );

    expect(ids.has("dfe-spc-2022-23")).toBe(true);
    expect(ids.has("ofsted-mi-2022-02")).toBe(true);
    expect(ids.has("ofsted-mi-2025-08-31")).toBe(false);
  });

  it("when the file is not a manifest, then the error says what one is", () => {
    const file = path.join(folder, "not-a-manifest.json");
    writeFileSync(file, JSON.stringify({ files: [] }));

    expect(() => manifestDatasetIds(file)).toThrow(DataFileError);
    expect(() => manifestDatasetIds(file)).toThrow(/not a data manifest .*"datasets"/);
    expect(() => manifestDatasetIds(path.join(folder, "absent.json"))).toThrow(/no such manifest/);
  });
});
