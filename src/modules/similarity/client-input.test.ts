import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors/index.js";
import { thrown } from "../../errors/errors.fixtures.js";
import { asClientInput } from "./client-input.js";

describe("asClientInput", () => {
  it("when the domain code succeeds, then its result passes through", () => {
    expect(asClientInput(() => 42)).toBe(42);
  });

  it("when a domain rule is broken, then it becomes BAD_USER_INPUT naming the argument", () => {
    const error = thrown(() =>
      asClientInput(() => {
        throw new ValidationError("`first` must be a whole number from 1 to 100.", "first");
      }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      "`first` must be a whole number from 1 to 100.",
    );
    expect((error as ValidationError).extensions).toEqual({
      code: "BAD_USER_INPUT",
      argument: "first",
    });
  });

  it("when the argument sits in an input object, then the message and the argument carry its path", () => {
    const error = thrown(() =>
      asClientInput(() => {
        throw new ValidationError("`maxDistanceKm` must be greater than 0.", "maxDistanceKm");
      }, "input."),
    ) as ValidationError;

    expect(error.message).toBe("`input.maxDistanceKm` must be greater than 0.");
    expect(error.extensions["argument"]).toBe("input.maxDistanceKm");
  });

  it("when the message names features, then it calls them by the names clients send", () => {
    const error = thrown(() =>
      asClientInput(() => {
        throw new ValidationError(
          "`focus` ks4Progress8 is not measured for PRIMARY schools; use one of ks2MathsProgress, ofstedGrade.",
          "focus",
        );
      }),
    ) as ValidationError;

    expect(error.message).toBe(
      "`focus` KS4_PROGRESS8 is not measured for PRIMARY schools; use one of KS2_MATHS_PROGRESS, OFSTED_GRADE.",
    );
  });

  it("when something else fails, then the error is not disguised as the client's", () => {
    const bug = new TypeError("undefined is not a function");

    const error = thrown(() =>
      asClientInput(() => {
        throw bug;
      }),
    );

    expect(error).toBe(bug);
  });
});
