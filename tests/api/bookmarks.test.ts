/**
 * The X-Data-Bookmark header over HTTP: a response to a write carries it, a request that sends it
 * back reads the write, and a header this service could not have sent is a clear bad request.
 * tests/replicas/ sends it from one API process to another.
 */
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOKMARK_HEADER, bookmarkHeader, parseBookmarkHeader } from "../../src/db/bookmarks.js";
import {
  BookmarksSchoolOffersDocument,
  BookmarksUpdateOfferDocument,
} from "../__generated__/graphql.js";
import { testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("bookmarks");
let urn = 0;
let url = "";

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, 921);
  [urn] = (await area.schools({ governance: "MAINTAINED", count: 1 })) as [number];
  url = await api().app.listen(0, "127.0.0.1");
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

async function post(
  document: Parameters<typeof print>[0],
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; bookmark: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return {
    status: response.status,
    bookmark: response.headers.get(BOOKMARK_HEADER),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe("X-Data-Bookmark", () => {
  it("when a request writes, then its response carries a bookmark, and a read sending it back sees the write", async () => {
    const token = await testToken({ role: "SCHOOL", sub: `${SUBJECT}-${urn}`, urn });
    const written = await post(
      BookmarksUpdateOfferDocument,
      { urn, offers: ["READING_AND_PHONICS"] },
      { authorization: `Bearer ${token}` },
    );
    expect(written.body["errors"]).toBeUndefined();
    expect(written.bookmark).not.toBeNull();
    // The write's bookmark and the data version's bump's.
    expect(parseBookmarkHeader(written.bookmark!).length).toBeGreaterThanOrEqual(1);

    const read = await post(
      BookmarksSchoolOffersDocument,
      { urn },
      { authorization: `Bearer ${token}`, [BOOKMARK_HEADER]: written.bookmark! },
    );
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ data: { school: { urn, offers: ["READING_AND_PHONICS"] } } });
    // A read sent a bookmark returns one, so a client can keep passing it along.
    expect(read.bookmark).not.toBeNull();
  });

  it("when a request neither writes nor sends a bookmark, then its response carries none", async () => {
    const read = await post(BookmarksSchoolOffersDocument, { urn });
    expect(read.status).toBe(200);
    expect(read.bookmark).toBeNull();
  });

  it("when the header is not one this service sent, then the request is a bad request and nothing runs", async () => {
    const read = await post(
      BookmarksSchoolOffersDocument,
      { urn },
      {
        [BOOKMARK_HEADER]: "not-a-bookmark",
      },
    );
    expect(read.status).toBe(400);
    expect(read.body["errors"]).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(BOOKMARK_HEADER),
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
      }),
    ]);
  });

  it("when the header is well formed but names a state the database never issued, then the answer is BAD_USER_INPUT", async () => {
    const read = await post(
      BookmarksSchoolOffersDocument,
      { urn },
      {
        [BOOKMARK_HEADER]: bookmarkHeader(["FB:not-a-real-bookmark"]),
      },
    );
    expect(read.body["errors"]).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
      }),
    ]);
  });
});
