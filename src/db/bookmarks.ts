/**
 * Read-your-writes across API replicas. A response to a request that wrote carries the
 * X-Data-Bookmark header: the driver's bookmarks for what it wrote and for the data version the
 * write moved on. A request that sends the header back, to this process or any other, reads at
 * least that state: its sessions wait for the bookmarks (Neo4j's causal consistency, so a read on
 * a cluster secondary waits until the secondary has the write), and the process's in-memory
 * stores catch up with the data version before the request runs (createApp).
 *
 * The header is opaque to clients: base64url of a JSON list of the driver's bookmark strings.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode, RequestError } from "../errors/index.js";

export const BOOKMARK_HEADER = "x-data-bookmark";

/** More than any one request writes (one bookmark per write and per data-version bump). */
const MAX_BOOKMARKS = 16;
const MAX_BOOKMARK_LENGTH = 1_000;

/** The header's value for `bookmarks`. */
export function bookmarkHeader(bookmarks: Iterable<string>): string {
  return Buffer.from(JSON.stringify([...bookmarks]), "utf8").toString("base64url");
}

/**
 * The bookmarks a request sent back; none when it sent no header. A value this service could
 * not have sent is refused (HTTP 400, BAD_USER_INPUT) rather than ignored: a client that relies
 * on reading its own write must hear that it will not.
 */
export function parseBookmarkHeader(value: string | undefined): string[] {
  if (value === undefined || value.trim() === "") return [];
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value.trim(), "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length === 0 ||
    decoded.length > MAX_BOOKMARKS ||
    !decoded.every(
      (b): b is string => typeof b === "string" && b.length > 0 && b.length <= MAX_BOOKMARK_LENGTH,
    )
  ) {
    throw new RequestError(
      `The ${BOOKMARK_HEADER} header is not one this service sent: send back a response's header as it came, or none.`,
      ErrorCode.BadUserInput,
      400,
    );
  }
  return decoded;
}

/** Sets the X-Data-Bookmark header on a GraphQL response whose request wrote or sent one. */
export function bookmarkPlugin(): ApolloServerPlugin<{
  bookmarks: () => Promise<string[] | null>;
}> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, response }) {
          const bookmarks = await contextValue.bookmarks().catch(() => null);
          if (bookmarks && bookmarks.length > 0) {
            response.http.headers.set(BOOKMARK_HEADER, bookmarkHeader(bookmarks));
          }
        },
      });
    },
  };
}
