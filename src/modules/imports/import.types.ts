import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  IMPORT_KINDS,
  type AcceptedRowOutcome,
  type ImportKind,
  type RowOutcome,
  type RejectionCode,
  type RowRejection,
} from "./import.model.js";
import { graphqlEnum } from "../common/enums.js";

export const ImportKindEnum = graphqlEnum(IMPORT_KINDS, {
  name: "ImportKind",
  description:
    "What a council's CSV file holds: advisers (registerAdviser), adviser assignments (assignAdviser), grants (recordGrant) or support engagements (recordSupportEngagement). docs/imports.md gives each layout.",
});

export const RowOutcomeEnum = {
  IMPORTED: "imported",
  UPDATED: "updated",
  UNCHANGED: "unchanged",
} as const satisfies Record<string, RowOutcome>;
registerEnumType(RowOutcomeEnum, {
  name: "RowOutcome",
  description:
    "IMPORTED: its reference was new and it was recorded; UPDATED: known, with fields changed; UNCHANGED: known, with the same fields.",
});

@ObjectType({
  description: "A row an import took (or, in a dry run, would take), and what it did.",
})
export class AcceptedRow implements AcceptedRowOutcome {
  @Field(() => Int, { description: "Line in the file where the row starts; the header is line 1." })
  line!: number;

  @Field(() => String)
  reference!: string;

  @Field(() => RowOutcomeEnum)
  outcome!: RowOutcome;
}

@ObjectType({ description: "A row left out of an import, and why; it changed nothing." })
export class RejectedRow implements RowRejection {
  @Field(() => Int, { description: "Line in the file where the row starts; the header is line 1." })
  line!: number;

  @Field(() => String, { nullable: true, description: "The row's reference, when it has one." })
  reference!: string | null;

  @Field(() => String, { description: "What is wrong, naming the column." })
  reason!: string;

  @Field(() => String, {
    description:
      "BAD_USER_INPUT (the row itself), NOT_FOUND (something it names does not exist), FORBIDDEN (outside the caller's scope) or CONFLICT (the graph's state refuses it), as the single mutation would answer.",
  })
  code!: RejectionCode;
}

@ObjectType({
  description:
    "What an import did (or, for a dry run, would do) with each row of the file. Importing the same file again reports every row unchanged.",
})
export class ImportReport {
  @Field(() => ImportKindEnum)
  kind!: ImportKind;

  @Field(() => Boolean, { description: "True when nothing was written." })
  dryRun!: boolean;

  @Field(() => Int, { description: "Data rows in the file." })
  rows!: number;

  @Field(() => Int, { description: "Rows whose reference was new: recorded." })
  imported!: number;

  @Field(() => Int, { description: "Rows whose reference was known and whose fields changed." })
  updated!: number;

  @Field(() => Int, { description: "Rows whose reference was known with the same fields." })
  unchanged!: number;

  @Field(() => [AcceptedRow], {
    description: "Rows taken, in line order: with `rejected`, every row of the file once.",
  })
  accepted!: AcceptedRow[];

  @Field(() => [RejectedRow], { description: "Rows left out, in line order." })
  rejected!: RejectedRow[];
}
