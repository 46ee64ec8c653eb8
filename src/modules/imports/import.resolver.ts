import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { ImportKind, ImportReport as ImportReportRecord } from "./import.model.js";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import.model.js";
import { ImportKindEnum, ImportReport } from "./import.types.js";

@Resolver(() => ImportReport)
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description: `Imports a council's records of one kind from CSV text (docs/imports.md gives the layouts), each row authorised and checked as its single mutation would be. Rows that pass are written in one transaction with an audit event each; rejected rows are reported with their line, reason and code and change nothing. A row's (kind, council, reference) is its key: a known key with the same fields is unchanged, with changed fields updated. At most ${MAX_IMPORT_ROWS} rows and ${MAX_IMPORT_BYTES} bytes (BAD_USER_INPUT beyond).`,
  })
  importRecords(
    @Arg("kind", () => ImportKindEnum) kind: ImportKind,
    @Arg("csv", () => String, { description: "The file's text; the first line names the columns." })
    csv: string,
    @Arg("dryRun", () => Boolean, {
      defaultValue: false,
      description: "Check every row and report what would happen, writing nothing.",
    })
    dryRun: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportReportRecord> {
    return ctx.services.imports.importRecords({ kind, csv, dryRun });
  }
}
