import "reflect-metadata";
import { validate } from "class-validator";
import { describe, expect, it } from "vitest";
import {
  AdoptClusterInput,
  BoardChairInput,
  BoardMemberInput,
} from "../modules/clusters/cluster.input.js";
import { RecordSupportEngagementInput } from "../modules/engagements/engagement.input.js";
import { ProposePartnershipInput } from "../modules/proposals/proposal.input.js";
import {
  BoundedText,
  Id,
  MAX_URN,
  OptionalBoundedText,
  OptionalId,
  OptionalUrn,
  Urn,
  UrnList,
  WholeNumber,
} from "./input-decorators.js";

class Sample {
  @BoundedText(3, 10)
  name: unknown = "Dorset";

  @OptionalBoundedText(0, 5)
  note: unknown = null;

  @OptionalBoundedText(2, 10)
  alias: unknown = undefined;

  @Urn()
  urn: unknown = 113_000;

  @OptionalUrn()
  partnerUrn: unknown = null;

  @UrnList(1, 3)
  urns: unknown = [113_000];

  @UrnList(1, 3, { message: "must name 1 to 3 schools", distinct: true })
  invitees: unknown = [113_000, 113_001];

  @WholeNumber(0, 100, "must be a whole number from 0 to 100")
  share: unknown = 0;

  @Id()
  id: unknown = "gias-3320";

  @OptionalId("must be a partnership id such as gias-3320")
  partnershipId: unknown = null;
}

/** What `argumentProblem` reports for one property: its first failed constraint, or null. */
async function messageFor(target: object, property: string): Promise<string | null> {
  const failures = await validate(target, { forbidUnknownValues: false });
  const failure = failures.find((candidate) => candidate.property === property);
  return failure === undefined ? null : (Object.values(failure.constraints ?? {})[0] ?? null);
}

async function check(property: keyof Sample, value: unknown): Promise<string | null> {
  const sample = new Sample();
  sample[property] = value;
  return messageFor(sample, property);
}

describe("input decorators", () => {
  it("when every field holds a valid value, then nothing fails", async () => {
    expect(await validate(new Sample())).toEqual([]);
  });

  describe("BoundedText", () => {
    it.each([
      ["the shortest allowed", "abc"],
      ["the longest allowed", "x".repeat(10)],
      ["inner spaces", "a b"],
      ["padding around enough text", "  abc  "],
      ["visible text beside a zero-width joiner", "a\u200Dbc"],
      ["accented and non-Latin letters", "é 日本"],
    ])("when given %s, then it passes", async (_case, value) => {
      expect(await check("name", value)).toBeNull();
    });

    it.each([
      ["too short", "ab", "must be 3 to 10 characters"],
      ["too short once trimmed", "  ab  ", "must be 3 to 10 characters"],
      ["too long", "x".repeat(11), "must be 3 to 10 characters"],
      ["within bounds only once trimmed", ` ${"x".repeat(10)}`, "must be 3 to 10 characters"],
      ["empty", "", "must not be blank"],
      ["only spaces", "     ", "must not be blank"],
      ["only zero-width spaces", "\u200B\u200B\u200B", "must not be blank"],
      ["only zero-width joiners", "\u200C\u200D\u200C", "must not be blank"],
      ["only word joiners", "\u2060\u2060\u2060", "must not be blank"],
      ["only byte order marks", "\uFEFF\uFEFF\uFEFF", "must not be blank"],
      ["only bidi marks and a soft hyphen", "\u200E\u00AD\u200F", "must not be blank"],
      ["only Hangul fillers", "\u3164\u3164\u3164", "must not be blank"],
      ["spaces and zero-width spaces", " \u200B \u200B ", "must not be blank"],
      ["a single zero-width space", "\u200B", "must not be blank"],
      ["a control character", "ab\u0007c", "must not contain control characters"],
      ["only tabs", "\t\t\t", "must not contain control characters"],
      [
        "too long with a control character",
        `${"x".repeat(11)}\n`,
        "must not contain control characters",
      ],
    ])("when %s, then it says %j", async (_case, value, message) => {
      expect(await check("name", value)).toBe(message);
    });

    it("when the lower bound is 0, then empty and blank text pass and only length and control characters fail", async () => {
      expect(await check("note", "")).toBeNull();
      expect(await check("note", "   ")).toBeNull();
      expect(await check("note", "\u200B")).toBeNull();
      expect(await check("note", "abcdef")).toBe("must be 0 to 5 characters");
      expect(await check("note", "a\u0000")).toBe("must not contain control characters");
    });

    it("when optional, then null and absent pass but empty text does not", async () => {
      expect(await check("alias", null)).toBeNull();
      expect(await check("alias", undefined)).toBeNull();
      expect(await check("alias", "")).toBe("must not be blank");
      expect(await check("alias", "\u200B\u200B")).toBe("must not be blank");
      expect(await check("alias", " a ")).toBe("must be 2 to 10 characters");
    });
  });

  describe("Urn", () => {
    it.each([1, MAX_URN])("when %i, then it passes", async (value) => {
      expect(await check("urn", value)).toBeNull();
    });

    it.each([0, -1, MAX_URN + 1, 1.5, "113000", null])(
      "when %j, then it says it must be a URN",
      async (value) => {
        expect(await check("urn", value)).toBe("must be a URN from 1 to 9999999");
      },
    );

    it("when optional, then null passes and a bad URN still fails", async () => {
      expect(await check("partnerUrn", null)).toBeNull();
      expect(await check("partnerUrn", 0)).toBe("must be a URN from 1 to 9999999");
    });
  });

  describe("UrnList", () => {
    it.each([
      ["empty", [], "must list 1 to 3 schools"],
      ["too long", [1, 2, 3, 4], "must list 1 to 3 schools"],
      ["too long with a bad URN", [1, 2, 3, 0], "must be a URN from 1 to 9999999"],
    ])("when %s, then it says %j", async (_case, value, message) => {
      expect(await check("urns", value)).toBe(message);
    });

    it("when repeats are allowed, then a repeated URN passes", async () => {
      expect(await check("urns", [5, 5])).toBeNull();
    });

    it("when distinct with its own count message, then a repeat is reported before the count", async () => {
      expect(await check("invitees", [5, 5])).toBe("must not list a school twice");
      expect(await check("invitees", [5, 5, 6, 7])).toBe("must not list a school twice");
      expect(await check("invitees", [])).toBe("must name 1 to 3 schools");
      expect(await check("invitees", [5, 5, 0])).toBe("must be a URN from 1 to 9999999");
    });
  });

  describe("WholeNumber", () => {
    it.each([
      [0, null],
      [100, null],
      [-1, "must be a whole number from 0 to 100"],
      [101, "must be a whole number from 0 to 100"],
      [2.5, "must be a whole number from 0 to 100"],
    ])("when %j, then %j", async (value, message) => {
      expect(await check("share", value)).toBe(message);
    });
  });

  describe("Id", () => {
    it.each([
      ["svc-0b8f6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b", null],
      ["", "must be an id of letters, digits and . _ : - (at most 200)"],
      ["-gias", "must be an id of letters, digits and . _ : - (at most 200)"],
      ["a".repeat(201), "must be an id of letters, digits and . _ : - (at most 200)"],
    ])("when %j, then %j", async (value, message) => {
      expect(await check("id", value)).toBe(message);
    });

    it("when optional with its own message, then null passes and a bad id gives that message", async () => {
      expect(await check("partnershipId", null)).toBeNull();
      expect(await check("partnershipId", "gias 3320")).toBe(
        "must be a partnership id such as gias-3320",
      );
    });
  });
});

describe("text fields of input classes", () => {
  // Text is stored trimmed everywhere, so every lower bound holds for the trimmed text.
  it.each([
    ["BoardChairInput", BoardChairInput, "name", " a "],
    ["BoardMemberInput", BoardMemberInput, "role", " a "],
    ["AdoptClusterInput", AdoptClusterInput, "name", "  ab  "],
    ["RecordSupportEngagementInput", RecordSupportEngagementInput, "focus", "  ab  "],
    ["ProposePartnershipInput", ProposePartnershipInput, "name", "  ab  "],
  ] as const)(
    "when %s.%s is long enough only with its padding, then it is refused on length",
    async (_name, type, property, value) => {
      const input: object = Object.assign(new type(), { [property]: value });
      expect(await messageFor(input, property)).toMatch(/^must be \d+ to \d+ characters$/);
    },
  );

  it.each([
    ["BoardChairInput", BoardChairInput, "name"],
    ["AdoptClusterInput", AdoptClusterInput, "name"],
    ["ProposePartnershipInput", ProposePartnershipInput, "name"],
    ["RecordSupportEngagementInput", RecordSupportEngagementInput, "focus"],
  ] as const)(
    "when %s.%s is made only of invisible characters, then it is refused as blank",
    async (_name, type, property) => {
      const input: object = Object.assign(new type(), { [property]: "\u200B\u2060\uFEFF\u200B" });
      expect(await messageFor(input, property)).toBe("must not be blank");
    },
  );
});
