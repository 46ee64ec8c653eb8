/**
 * How a module plugs into the service: its resolvers, and a factory for each service it offers
 * to resolvers (`ctx.services.<name>`). A module lives in one folder with an `index.ts` that
 * calls `defineModule` and adds its services to `Services` by declaration merging:
 *
 *   declare module "../module.js" {
 *     interface Services { ping: PingService }
 *   }
 *   export const pingModule = defineModule({
 *     resolvers: [PingResolver],
 *     services: { ping: () => new PingService() },
 *   });
 *
 * and one line in `src/modules/index.ts` registers it. Services are built per request, on first
 * use: a request that never asks for a module's data builds nothing of it (see createContext).
 */
import type { NonEmptyArray } from "type-graphql";
import type { Principal } from "../auth/principal.js";
import type { Database } from "../db/driver.js";
import type { Logger } from "../logger.js";
import type { SharedState } from "./shared.js";
import type { SchoolSelection } from "./schools/school.projection.js";

/**
 * Every request's services, by name. Empty here: each module's index.ts adds its own, so the
 * type always matches what is registered.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

/** What a service factory may build from, for one request. */
export interface RequestScope {
  /** The request's view of the database (its sessions capped per request). */
  db: Database;
  /** Process-wide indexes and snapshots, built once. */
  shared: SharedState;
  principal: Principal;
  requestId: string;
  logger: Logger;
  /** What the request's operation reads of each school. */
  schoolSelection: SchoolSelection;
  /** The request's other services, each built on first use. */
  services: Services;
}

export type ServiceFactories = {
  [Name in keyof Services]?: (scope: RequestScope) => Services[Name];
};

export interface ServiceModule {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  services?: ServiceFactories;
}

export function defineModule(module: ServiceModule): ServiceModule {
  return module;
}

/** The resolver classes of the modules, for type-graphql's buildSchema. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function resolversOf(modules: readonly ServiceModule[]): NonEmptyArray<Function> {
  const [first, ...rest] = modules.flatMap((module) => module.resolvers);
  if (first === undefined) throw new Error("No module to serve.");
  return [first, ...rest];
}

/**
 * The services of one request: each a getter that calls its module's factory the first time it
 * is read and keeps what it built for the rest of the request.
 */
export function lazyServices(
  modules: readonly ServiceModule[],
  scope: Omit<RequestScope, "services">,
): Services {
  const services = {} as Services;
  const full: RequestScope = { ...scope, services };
  for (const module of modules) {
    for (const [name, factory] of Object.entries(module.services ?? {})) {
      if (Object.prototype.hasOwnProperty.call(services, name)) {
        throw new Error(`Two modules offer a service named "${name}".`);
      }
      Object.defineProperty(services, name, {
        configurable: true,
        enumerable: true,
        get() {
          const built = (factory as (scope: RequestScope) => unknown)(full);
          Object.defineProperty(services, name, { value: built, enumerable: true });
          return built;
        },
      });
    }
  }
  return services;
}
