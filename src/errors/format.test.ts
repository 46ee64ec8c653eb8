import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import type { GraphQLContext } from "../context.js";
import type { Logger } from "../logger.js";
import {
  INTERNAL_ERROR_MESSAGE,
  TIMEOUT_MESSAGE,
  errorLoggingPlugin,
  formatError,
  isClientError,
} from "./format.js";
import { UnavailableError, ValidationError } from "./index.js";

/** The GraphQLError graphql-js makes when a resolver throws `original`. */
function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ["school"], originalError: original });
}

function formatted(error: GraphQLError): GraphQLFormattedError {
  return error.toJSON();
}

async function reportToPlugin(errors: GraphQLError[], logger: Partial<Logger>): Promise<void> {
  const plugin = errorLoggingPlugin();
  const listener = await plugin.requestDidStart?.({} as never);
  await listener?.didEncounterErrors?.({
    errors,
    contextValue: { requestId: "req-1", logger } as unknown as GraphQLContext,
    operationName: "Q",
  } as never);
}

describe("formatError", () => {
  it("when a resolver throws a ValidationError, then it reaches the client with its code and argument", () => {
    const error = resolverError(new ValidationError("`first` is too big", "first"));
    expect(isClientError(error)).toBe(true);
    expect(formatError(formatted(error), error)).toMatchObject({
      message: "`first` is too big",
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
  });

  it("when the database is down, then the client sees SERVICE_UNAVAILABLE", () => {
    const error = resolverError(new UnavailableError());
    expect(formatError(formatted(error), error).extensions?.["code"]).toBe("SERVICE_UNAVAILABLE");
  });

  it("when a parse or validation error carries Apollo's code, then it passes through", () => {
    const error = new GraphQLError("Cannot query field", {
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    expect(formatError(formatted(error), error).message).toBe("Cannot query field");
  });

  it("when graphql-js gives up on variables after too many invalid values, then the client sees BAD_USER_INPUT and nothing is logged", async () => {
    const error = new GraphQLError(
      "Too many errors processing variables, error limit reached. Execution aborted.",
    );
    const logger = { error: vi.fn(), warn: vi.fn() };
    await reportToPlugin([error], logger);

    expect(formatError(formatted(error), error)).toEqual({
      message: "Too many errors processing variables, error limit reached. Execution aborted.",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it("when a resolver throws an error worded like the variable limit, then it is still masked", () => {
    const error = resolverError(new Error("Too many errors processing variables"));
    expect(formatError(formatted(error), error).extensions?.["code"]).toBe("INTERNAL_SERVER_ERROR");
  });

  it("when something unexpected fails, then the client gets a generic message with the request id and nothing else", async () => {
    const cause = new Error("Neo.ClientError.Statement.SyntaxError: MATCH (s:School) RETURN s");
    const error = resolverError(cause);
    const logger = { error: vi.fn(), warn: vi.fn() };

    await reportToPlugin([error], logger);
    const shown = formatError(formatted(error), error);

    expect(shown).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ["school"],
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-1" },
    });
    expect(JSON.stringify(shown)).not.toContain("MATCH");
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: cause, path: ["school"] }),
      expect.any(String),
    );
  });

  it("when a GraphQLError claims INTERNAL_SERVER_ERROR, then it is masked like any unexpected error", () => {
    const error = new GraphQLError("secret detail", {
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(formatError(formatted(error), error).message).toBe(INTERNAL_ERROR_MESSAGE);
  });

  it("when a database call hits the timeout, then the client sees SERVICE_UNAVAILABLE saying so", () => {
    const timedOut = Object.assign(new Error("timed out"), {
      code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    });
    const error = resolverError(timedOut);
    expect(formatError(formatted(error), error)).toEqual({
      message: TIMEOUT_MESSAGE,
      path: ["school"],
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
  });

  it("when a client error is reported, then it is not logged as an error", async () => {
    const logger = { error: vi.fn(), warn: vi.fn() };
    await reportToPlugin([resolverError(new ValidationError("bad", "first"))], logger);
    await reportToPlugin([resolverError(new UnavailableError())], logger);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
