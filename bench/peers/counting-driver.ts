/**
 * A Neo4j driver for the peers of bench/peers.bench.ts that counts the Cypher statements it runs,
 * however they are run (session.run, a transaction function, an explicit transaction), so each
 * peer can say how many statements a request cost. Pool size and timeouts are the driver's
 * defaults, as for this service.
 */
import neo4j, { type Driver, type Session } from "neo4j-driver";
import { config } from "../../src/config.js";
import { connectionSettings } from "../../src/db/connection.js";

export interface CountingDriver {
  driver: Driver;
  statements(): number;
}

function countRuns<T extends object>(target: T, count: () => void): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== "function") return value;
      if (key === "run") {
        return (...args: unknown[]) => {
          count();
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      }
      if (key === "executeRead" || key === "executeWrite") {
        return (work: (tx: object) => unknown, ...rest: unknown[]) =>
          (value as (...a: unknown[]) => unknown).call(
            object,
            (tx: object) => work(countRuns(tx, count)),
            ...rest,
          );
      }
      if (key === "beginTransaction") {
        return (...args: unknown[]) =>
          countRuns((value as (...a: unknown[]) => object).apply(object, args), count);
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}

export function countingDriver(): CountingDriver {
  const settings = connectionSettings(config());
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: true,
  });
  let executed = 0;
  const count = () => {
    executed += 1;
  };
  const counted = new Proxy(driver, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (key === "session") {
        return (...args: unknown[]) =>
          countRuns((value as (...a: unknown[]) => Session).apply(object, args), count);
      }
      if (key === "executeQuery") {
        return (...args: unknown[]) => {
          count();
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      }
      return typeof value === "function" ? (value as () => unknown).bind(object) : value;
    },
  });
  return { driver: counted, statements: () => executed };
}
