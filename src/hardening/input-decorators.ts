/**
 * The class-validator rules our input classes share, one decorator per kind of field, so each
 * field reads as one line of intent beside its `@Field`.
 *
 * Each composite applies plain class-validator decorators in the order listed, which is the order
 * class-validator checks them. Order decides the message: `argumentProblem` reports the first
 * failed constraint, and all `@Matches` on a property share one slot in which the last failure
 * wins. So text reports control characters before blankness before length.
 */
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
} from "class-validator";

/** URNs are six digits today; the bound leaves room while refusing absurd numbers. */
export const MAX_URN = 9_999_999;
/** Printable text: no control characters (they break logs and exports downstream). */
export const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
/**
 * At least one visible character: something other than white space, format characters (zero-width
 * space and joiners, word joiner, byte order mark, bidi marks, soft hyphen) and the other code
 * points that render as nothing (Hangul fillers, variation selectors, combining grapheme joiner).
 * Without it a name of zero-width spaces passes as not blank yet shows as empty.
 */
export const VISIBLE = /[^\s\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
/** Ids we hold: gias-<uid>, tsh-<code>, synthetic-..., list-..., svc-<uuid>. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

const urnMessage = { message: `must be a URN from 1 to ${MAX_URN}` };

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorator of decorators) decorator(target, propertyKey);
  };
}

/**
 * Printable text of `min` to `max` characters. Text is stored trimmed, so the lower bound holds
 * for what is left once trimmed (and a `min` above 0 refuses blank text); the upper bound counts
 * the text as given, which is never shorter.
 */
export function BoundedText(min: number, max: number): PropertyDecorator {
  const length = { message: `must be ${min} to ${max} characters` };
  const trimmedMin = new RegExp(`\\S[\\s\\S]{${Math.max(min - 2, 0)},}\\S`);
  return all(
    ...(min >= 2 ? [Matches(trimmedMin, length)] : []),
    ...(min >= 1 ? [Matches(VISIBLE, { message: "must not be blank" })] : []),
    Matches(PRINTABLE, { message: "must not contain control characters" }),
    MaxLength(max, length),
  );
}

/** `BoundedText`, or null or absent. */
export function OptionalBoundedText(min: number, max: number): PropertyDecorator {
  return all(IsOptional(), BoundedText(min, max));
}

/** A whole number from `min` to `max`; every failure gives the same message. */
export function WholeNumber(min: number, max: number, message: string): PropertyDecorator {
  return all(Max(max, { message }), Min(min, { message }), IsInt({ message }));
}

/** A school's URN. */
export function Urn(): PropertyDecorator {
  return WholeNumber(1, MAX_URN, urnMessage.message);
}

/** A school's URN, or null or absent. */
export function OptionalUrn(): PropertyDecorator {
  return all(IsOptional(), Urn());
}

/**
 * `min` to `max` URNs, optionally with no repeats. A bad URN is reported before a repeat, and a
 * repeat before a wrong count.
 */
export function UrnList(
  min: number,
  max: number,
  {
    message = `must list ${min} to ${max} schools`,
    distinct = false,
  }: { message?: string; distinct?: boolean } = {},
): PropertyDecorator {
  return all(
    Max(MAX_URN, { each: true, ...urnMessage }),
    Min(1, { each: true, ...urnMessage }),
    IsInt({ each: true, ...urnMessage }),
    ...(distinct ? [ArrayUnique({ message: "must not list a school twice" })] : []),
    ArrayMaxSize(max, { message }),
    ArrayMinSize(min, { message }),
  );
}

/** An id we hold (see `ID_PATTERN`). */
export function Id(
  message = "must be an id of letters, digits and . _ : - (at most 200)",
): PropertyDecorator {
  return Matches(ID_PATTERN, { message });
}

/** `Id`, or null or absent. */
export function OptionalId(message?: string): PropertyDecorator {
  return all(IsOptional(), Id(message));
}
