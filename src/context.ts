import { ANONYMOUS, type Principal } from "./auth/principal.js";
import type { Database } from "./db/driver.js";
import type { Logger } from "./logger.js";
import { MODULES } from "./modules/index.js";
import { lazyServices, type ServiceModule, type Services } from "./modules/module.js";
import type { SharedState } from "./modules/shared.js";
import { wholeSchools, type SchoolSelection } from "./modules/schools/school.projection.js";

export type { Services } from "./modules/module.js";
export type { SharedState } from "./modules/shared.js";

export interface GraphQLContext {
  requestId: string;
  /** Carries the request id on every line. */
  logger: Logger;
  /** The modules' services, each built the first time the request uses it. */
  services: Services;
  /** Who is asking: anonymous, or what a verified bearer token says. */
  principal: Principal;
  /** What the request's operation reads of each school; set once the operation is known. */
  schoolSelection: SchoolSelection;
  /** What the response's X-Data-Bookmark header carries (src/db/bookmarks.ts); null for none. */
  bookmarks: () => Promise<string[] | null>;
}

/**
 * The context for one GraphQL request. Services and their DataLoaders are built afresh for
 * every request, and only those the operation uses: a loader caches what it has read, and that
 * cache must neither outlive the request nor be seen by another client.
 */
export function createContext(
  db: Database,
  request: { requestId: string; logger: Logger; principal?: Principal },
  shared: SharedState,
  modules: readonly ServiceModule[] = MODULES,
): GraphQLContext {
  const principal = request.principal ?? ANONYMOUS;
  const schoolSelection = wholeSchools();
  const { requestId, logger } = request;
  const scope = { db, shared, principal, schoolSelection, requestId, logger };
  return {
    ...scope,
    services: lazyServices(modules, scope),
    bookmarks: () => db.bookmarksToReturn(),
  };
}
