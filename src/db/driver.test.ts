import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { isPoolExhausted, isUnavailable } from "./driver.js";

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
