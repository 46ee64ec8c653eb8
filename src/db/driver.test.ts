import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Neo4jError, type Driver } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { UnavailableError } from "../errors/index.js";
import { CypherRegistry, type CypherName } from "./cypher.js";
import { Database, isPoolExhausted, isUnavailable } from "./driver.js";

/** A registry of one statement, `test/findOne`, with a header and an inline comment. */
/** Names in the registry these tests write, which the project's cypher/ does not hold. */
const testName = (name: string) => name as CypherName;

function oneStatementRegistry(): CypherRegistry {
  const root = mkdtempSync(path.join(tmpdir(), "cypher-"));
  mkdirSync(path.join(root, "test"));
  writeFileSync(
    path.join(root, "test", "findOne.cypher"),
    "// findOne: a test statement\n// params: none\nRETURN 'https://example.org' AS url // inline\n  // indented note\n;\n",
  );
  return new CypherRegistry(root);
}

/** A driver whose sessions answer run() with each of `outcomes` in turn (an Error is thrown). */
function scriptedDriver(outcomes: (Error | Record<string, unknown>)[]): {
  driver: Driver;
  sent: string[];
} {
  const sent: string[] = [];
  const session = {
    run: async (text: string) => {
      sent.push(text);
      const outcome = outcomes.shift();
      if (outcome instanceof Error || outcome === undefined) throw outcome ?? new Error("no more");
      return { records: [{ toObject: () => outcome }] };
    },
    close: async () => undefined,
  };
  return { driver: { session: () => session } as unknown as Driver, sent };
}

const settings = { uri: "bolt://test", user: "neo4j", password: "x", local: false };
const options = { queryTimeoutMs: 1_000, retryMs: 2_000, connectTimeoutMs: 1_000 };

describe("CypherRegistry", () => {
  it("when a statement is run, then its whole-line comments are left out and the file keeps them", () => {
    const registry = oneStatementRegistry();
    expect(registry.get(testName("test/findOne"))).toBe(
      "RETURN 'https://example.org' AS url // inline",
    );
    expect(registry.source(testName("test/findOne")).split("\n")[0]).toBe(
      "// findOne: a test statement",
    );
  });
});

describe("CypherRegistry areas", () => {
  it("when a statement names areas it also changes, then a write of it changes its folder's and those", () => {
    const root = mkdtempSync(path.join(tmpdir(), "cypher-"));
    mkdirSync(path.join(root, "proposals"));
    writeFileSync(
      path.join(root, "proposals", "addMembership.cypher"),
      "// addMembership: a test statement\n// also changes: memberships, search\nRETURN 1",
    );
    writeFileSync(path.join(root, "proposals", "createProposal.cypher"), "// a test\nRETURN 2");
    const registry = new CypherRegistry(root);
    expect(registry.areasOf(testName("proposals/addMembership"))).toEqual([
      "proposals",
      "memberships",
      "search",
    ]);
    expect(registry.areasOf(testName("proposals/createProposal"))).toEqual(["proposals"]);
    expect(registry.get(testName("proposals/addMembership"))).toBe("RETURN 1");
  });
});

describe("CypherRegistry includes", () => {
  function registryOf(files: Record<string, string>): () => CypherRegistry {
    const root = mkdtempSync(path.join(tmpdir(), "cypher-"));
    mkdirSync(path.join(root, "test"));
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(root, "test", `${name}.cypher`), text);
    }
    return () => new CypherRegistry(root);
  }

  it("when a statement includes a fragment, then it runs with the fragment's text in its place", () => {
    const registry = registryOf({
      findSome: "// findSome\nMATCH (s) WITH collect(s) AS page\n// include: test/_tail\n",
      _tail: "// _tail: shared\nRETURN size(page) AS n\n",
    })();
    expect(registry.get(testName("test/findSome"))).toBe(
      "MATCH (s) WITH collect(s) AS page\nRETURN size(page) AS n",
    );
    expect(registry.source(testName("test/findSome"))).toContain("// _tail: shared");
    expect(registry.names()).toEqual([testName("test/findSome")]);
    expect(() => registry.get(testName("test/_tail"))).toThrow(/No Cypher file/);
  });

  it("when a statement includes what is not a fragment, then the registry refuses to load", () => {
    const load = registryOf({
      findSome: "// include: test/_missing\n",
      findOther: "// include: test/findSome\n",
    });
    expect(load).toThrow(/includes test\/_missing|includes test\/findSome/);
  });
});

describe("Database.read", () => {
  it("when a read meets a transient error, then it is run again and its rows returned", async () => {
    const deadlock = new Neo4jError(
      "deadlock",
      "Neo.TransientError.Transaction.DeadlockDetected",
      "",
      "",
    );
    const { driver, sent } = scriptedDriver([deadlock, { n: 1 }]);
    const db = new Database(driver, oneStatementRegistry(), settings, options);
    await expect(db.read(testName("test/findOne"))).resolves.toEqual([{ n: 1 }]);
    expect(sent).toHaveLength(2);
  });

  it("when a read is wrong, then it fails at once, unretried", async () => {
    const syntax = new Neo4jError("bad", "Neo.ClientError.Statement.SyntaxError", "", "");
    const { driver, sent } = scriptedDriver([syntax, { n: 1 }]);
    const db = new Database(driver, oneStatementRegistry(), settings, options);
    await expect(db.read(testName("test/findOne"))).rejects.toBe(syntax);
    expect(sent).toHaveLength(1);
  });

  it("when the database stays unreachable past the retry time, then the read is UnavailableError", async () => {
    const down = () => new Neo4jError("refused", "ServiceUnavailable", "", "");
    const { driver } = scriptedDriver(Array.from({ length: 50 }, down));
    const db = new Database(driver, oneStatementRegistry(), settings, { ...options, retryMs: 100 });
    await expect(db.read(testName("test/findOne"))).rejects.toBeInstanceOf(UnavailableError);
  });
});

describe("isUnavailable", () => {
  it("when the connection is cut as the server stops (EPIPE), then it counts as unavailable", () => {
    const error = new Neo4jError("write EPIPE", "ProtocolError", "", "");
    expect(isUnavailable(error)).toBe(true);
  });

  it("when the driver cannot reach the server, then it counts as unavailable", () => {
    expect(isUnavailable(new Neo4jError("refused", "ServiceUnavailable", "", ""))).toBe(true);
  });

  it("when a statement is wrong, then it is not mistaken for an outage", () => {
    const error = new Neo4jError("bad", "Neo.ClientError.Statement.SyntaxError", "", "");
    expect(isUnavailable(error)).toBe(false);
    expect(isUnavailable(new Error("plain"))).toBe(false);
  });
});

describe("isPoolExhausted", () => {
  it("when the pool has no connection to give within the acquisition timeout, then it is recognised", () => {
    const error = new Neo4jError(
      "Connection acquisition timed out in 200 ms. Pool status: Active conn count = 1, Idle conn count = 0.",
      "N/A",
      "",
      "",
    );
    expect(isPoolExhausted(error)).toBe(true);
    expect(isUnavailable(error)).toBe(false);
  });

  it("when another error has no code, then it is not mistaken for an exhausted pool", () => {
    expect(isPoolExhausted(new Neo4jError("something else", "N/A", "", ""))).toBe(false);
    expect(isPoolExhausted(new Error("Connection acquisition timed out"))).toBe(false);
  });
});
