import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { isUnavailable } from "./driver.js";

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
