/**
 * The CSV layout of each kind of import and how one row becomes a request. The columns are the
 * fields of the single mutation's input, plus `reference` and `council`; a cell is read as the
 * GraphQL scalar of its field would be (Int, LocalDate, enum), then checked by the same
 * class-validator input class and the same rule function as the mutation, so an import refuses
 * exactly what the mutation refuses, with the column named instead of `input.<field>`.
 */
import { validate } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ValidationError } from "../../errors/index.js";
import { BoundedText } from "../../hardening/input-decorators.js";
import type { ArgumentPath } from "../../hardening/input-validation.js";
import { AssignAdviserInput, RegisterAdviserInput } from "../advisers/adviser.input.js";
import { ADVISER_KINDS } from "../advisers/adviser.model.js";
import { checkAdviserRegistration } from "../advisers/adviser.service.js";
import { RecordSupportEngagementInput } from "../engagements/engagement.input.js";
import { grantRequestOf, RecordGrantInput } from "../funding/funding.input.js";
import { FUNDS } from "../funding/funding.model.js";
import { checkGrantRequest } from "../funding/funding.service.js";
import { checkLocalAuthorityCode } from "../geography/geography.service.js";
import type { ColumnName, CsvRow } from "./import.csv.js";
import {
  MAX_REFERENCE_LENGTH,
  importKey,
  type AdviserRow,
  type AssignmentRow,
  type EngagementRow,
  type GrantRow,
  type ImportKind,
  type ImportRow,
  rejectionOf,
  type RowKey,
  type RowRejection,
} from "./import.model.js";

type CellType = "text" | "int" | "date" | { oneOf: readonly string[] };

export interface Column extends ColumnName {
  type: CellType;
}

const text = (name: string, required = false): Column => ({ name, required, type: "text" });
const int = (name: string, required = false): Column => ({ name, required, type: "int" });
const date = (name: string, required = false): Column => ({ name, required, type: "date" });
const oneOf = (name: string, values: readonly string[]): Column => ({
  name,
  required: true,
  type: { oneOf: values },
});

const KEY_COLUMNS = [text("reference", true), int("council", true)];

/** Each kind's columns, in the order the example files use. */
export const LAYOUTS: Readonly<Record<ImportKind, readonly Column[]>> = {
  ADVISERS: [
    ...KEY_COLUMNS,
    text("name", true),
    oneOf("kind", ADVISER_KINDS),
    text("organisation", true),
    int("localAuthorityCode"),
    text("partnershipId"),
  ],
  ADVISER_ASSIGNMENTS: [
    ...KEY_COLUMNS,
    text("adviserReference"),
    text("adviserId"),
    int("urn", true),
    date("since"),
  ],
  GRANTS: [
    ...KEY_COLUMNS,
    oneOf("fund", FUNDS),
    text("fundName"),
    int("amountPence", true),
    int("matchedPence"),
    text("matchedBy"),
    text("funder", true),
    date("awardedOn", true),
    date("startsOn", true),
    date("endsOn", true),
    text("purpose", true),
    int("recipientUrn"),
    text("recipientPartnershipId"),
  ],
  SUPPORT_ENGAGEMENTS: [
    ...KEY_COLUMNS,
    text("systemLeaderId", true),
    int("urn", true),
    text("focus", true),
    date("startOn"),
  ],
};

/** A council's reference for a record: printable text, as an id-like column of the mutations. */
class ReferenceCell {
  @BoundedText(1, MAX_REFERENCE_LENGTH)
  reference!: string;
}

/** Rule functions shared with the mutations name the column; the whole row is `row`. */
const columnPath: ArgumentPath = (field) => field ?? "row";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Cell = string | number | null;

/** A cell read as its column's GraphQL scalar would read it; null when blank. */
export function readCell(column: Column, raw: string): Cell {
  if (raw === "") {
    if (column.required) throw new ValidationError(`\`${column.name}\`: is required.`);
    return null;
  }
  const type = column.type;
  if (type === "text") return raw;
  if (type === "int") {
    if (!NUMBER.test(raw)) {
      throw new ValidationError(`\`${column.name}\`: must be a number (got "${raw}").`);
    }
    return Number(raw);
  }
  if (type === "date") {
    try {
      return LocalDateResolver.parseValue(raw) as string;
    } catch {
      throw new ValidationError(`\`${column.name}\`: must be a date as YYYY-MM-DD (got "${raw}").`);
    }
  }
  if (!type.oneOf.includes(raw)) {
    throw new ValidationError(
      `\`${column.name}\`: must be one of ${type.oneOf.join(", ")} (got "${raw}").`,
    );
  }
  return raw;
}

/** Every cell of the row read by its column; columns the header leaves out are blank. */
export function readCells(kind: ImportKind, row: CsvRow): Record<string, Cell> {
  const values: Record<string, Cell> = {};
  for (const column of LAYOUTS[kind]) {
    values[column.name] = readCell(column, row.cells[column.name] ?? "");
  }
  return values;
}

/**
 * The first rule of an input class the value breaks, as "`column`: message"; `skip` leaves out
 * properties the row does not use, `columnOf` names a property's column when they differ.
 */
async function checkInput(
  input: object,
  skip: readonly string[] = [],
  columnOf: Readonly<Record<string, string>> = {},
): Promise<void> {
  const failures = await validate(input, { forbidUnknownValues: false });
  for (const failure of failures) {
    if (skip.includes(failure.property)) continue;
    const message = Object.values(failure.constraints ?? {})[0];
    if (message !== undefined) {
      throw new ValidationError(
        `\`${columnOf[failure.property] ?? failure.property}\`: ${message}`,
      );
    }
  }
}

function optional<T>(value: Cell | undefined): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

async function readKey(kind: ImportKind, values: Record<string, Cell>, line: number) {
  const reference = values["reference"] as string;
  await checkInput(Object.assign(new ReferenceCell(), { reference }));
  const council = checkLocalAuthorityCode(values["council"] as number, "council");
  return { line, reference, council, key: importKey(kind, council, reference) } satisfies RowKey;
}

async function readAdviser(values: Record<string, Cell>, key: RowKey): Promise<AdviserRow> {
  const input = Object.assign(new RegisterAdviserInput(), {
    name: values["name"],
    kind: values["kind"],
    organisation: values["organisation"],
    localAuthorityCode: optional<number>(values["localAuthorityCode"]),
    partnershipId: optional<string>(values["partnershipId"]),
  });
  await checkInput(input);
  const request = {
    name: input.name.trim(),
    kind: input.kind,
    organisation: input.organisation.trim(),
    localAuthorityCode: input.localAuthorityCode ?? null,
    partnershipId: input.partnershipId ?? null,
  };
  checkAdviserRegistration(request, columnPath);
  return { ...key, request };
}

async function readAssignment(values: Record<string, Cell>, key: RowKey): Promise<AssignmentRow> {
  const adviserReference = values["adviserReference"] as string | null;
  const adviserId = values["adviserId"] as string | null;
  if ((adviserReference === null) === (adviserId === null)) {
    throw new ValidationError(
      "`row`: name the adviser by exactly one of adviserReference (from the council's advisers file) or adviserId.",
    );
  }
  if (adviserReference !== null) {
    await checkInput(Object.assign(new ReferenceCell(), { reference: adviserReference }), [], {
      reference: "adviserReference",
    });
  }
  const input = Object.assign(new AssignAdviserInput(), {
    adviserId: optional<string>(adviserId),
    urns: [values["urn"]],
    since: optional<string>(values["since"]),
  });
  await checkInput(input, adviserId === null ? ["adviserId"] : [], { urns: "urn" });
  return {
    ...key,
    adviserReference,
    adviserId,
    urn: values["urn"] as number,
    since: input.since ?? null,
  };
}

async function readGrant(values: Record<string, Cell>, key: RowKey): Promise<GrantRow> {
  const input = Object.assign(new RecordGrantInput(), {
    fund: values["fund"],
    fundName: optional<string>(values["fundName"]),
    amountPence: values["amountPence"],
    // The mutation's default when the argument is left out.
    matchedPence: values["matchedPence"] ?? 0,
    matchedBy: optional<string>(values["matchedBy"]),
    funder: values["funder"],
    awardedOn: values["awardedOn"],
    startsOn: values["startsOn"],
    endsOn: values["endsOn"],
    purpose: values["purpose"],
    recipientUrn: optional<number>(values["recipientUrn"]),
    recipientPartnershipId: optional<string>(values["recipientPartnershipId"]),
  });
  await checkInput(input);
  const request = grantRequestOf(input);
  const fundName = checkGrantRequest(request, columnPath);
  return { ...key, request, fundName };
}

async function readEngagement(values: Record<string, Cell>, key: RowKey): Promise<EngagementRow> {
  const input = Object.assign(new RecordSupportEngagementInput(), {
    systemLeaderId: values["systemLeaderId"],
    urn: values["urn"],
    focus: values["focus"],
    startOn: optional<string>(values["startOn"]),
  });
  await checkInput(input);
  return {
    ...key,
    request: {
      systemLeaderId: input.systemLeaderId,
      urn: input.urn,
      focus: input.focus.trim(),
      startOn: input.startOn ?? null,
    },
  };
}

/**
 * One CSV row as the request it stands for, or why it cannot be one. Checks only the row itself;
 * what it names (schools, advisers, councils) is looked up with the rest of the file.
 */
export async function readRow(kind: ImportKind, row: CsvRow): Promise<ImportRow | RowRejection> {
  try {
    const values = readCells(kind, row);
    const key = await readKey(kind, values, row.line);
    switch (kind) {
      case "ADVISERS":
        return await readAdviser(values, key);
      case "ADVISER_ASSIGNMENTS":
        return await readAssignment(values, key);
      case "GRANTS":
        return await readGrant(values, key);
      case "SUPPORT_ENGAGEMENTS":
        return await readEngagement(values, key);
    }
  } catch (error) {
    return rejectionOf(error, { line: row.line, reference: row.cells["reference"] || null });
  }
}

export function isRejection(value: ImportRow | RowRejection): value is RowRejection {
  return "reason" in value;
}
