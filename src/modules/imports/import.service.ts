import { authorize } from "../../auth/policy.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import { duplicateReferences, readImportCsv } from "./import.csv.js";
import { LAYOUTS, isRejection, readRow } from "./import.layouts.js";
import {
  OPERATION_OF_KIND,
  type ImportKind,
  type ImportReport,
  type ImportRow,
  type RowRejection,
} from "./import.model.js";
import { planImport } from "./import.planner.js";
import type { ImportRepository } from "./import.repository.js";

export interface ImportRequest {
  kind: ImportKind;
  csv: string;
  dryRun: boolean;
}

/** Told how far an import has got: rows read and checked, then the one database transaction. */
export type ImportProgress = (
  event: { stage: "rows"; done: number; total: number } | { stage: "database" | "done" },
) => void;

/**
 * Imports a council's records in bulk, as the single mutations would record them one by one:
 * every row is authorised by its mutation's policy row and held to its rules, and the rows that
 * pass are written in one transaction with an audit event each. Rows that fail are reported with
 * their line and reason and change nothing. See docs/imports.md.
 */
export class ImportService {
  constructor(
    private readonly repository: ImportRepository,
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  async importRecords(
    request: ImportRequest,
    progress: ImportProgress = () => {},
  ): Promise<ImportReport> {
    const { kind, dryRun } = request;
    const principal = this.principal;
    // Roles that may never make these records are refused before the file is read; each row is
    // authorised again once what it concerns is known.
    authorize(principal, OPERATION_OF_KIND[kind], {
      regionCodes: principal.role === "OVERSIGHT" ? principal.regionCodes : [],
      systemLeaderId: principal.role === "SYSTEM_LEADER" ? principal.systemLeaderId : null,
    });
    if (principal.role === "ANONYMOUS") throw new Error("unreachable: no anonymous imports");

    const csv = readImportCsv(request.csv, LAYOUTS[kind]);
    const rejected: RowRejection[] = [...csv.rejected];
    const read: ImportRow[] = [];
    for (const [i, row] of csv.rows.entries()) {
      const result = await readRow(kind, row);
      if (isRejection(result)) rejected.push(result);
      else read.push(result);
      if ((i + 1) % 500 === 0) progress({ stage: "rows", done: i + 1, total: csv.rows.length });
    }
    progress({ stage: "rows", done: csv.rows.length, total: csv.rows.length });
    const duplicates = duplicateReferences(read);
    const rows = read.filter((row) => !duplicates.has(row.line));
    for (const row of read) {
      const reason = duplicates.get(row.line);
      if (reason !== undefined) {
        rejected.push({ line: row.line, reference: row.reference, reason, code: "BAD_USER_INPUT" });
      }
    }

    const report: ImportReport = {
      kind,
      dryRun,
      rows: csv.rows.length + csv.rejected.length,
      imported: 0,
      updated: 0,
      unchanged: 0,
      accepted: [],
      rejected,
    };
    if (rows.length > 0) {
      progress({ stage: "database" });
      const origin = { actor: actorOf(principal), requestId: this.requestId };
      const plan = await this.repository.importRows(
        kind,
        rows,
        (state) => planImport(kind, rows, state, principal, origin),
        { dryRun, actorSub: origin.actor.sub },
      );
      for (const row of plan.outcomes) report[row.outcome] += 1;
      report.accepted.push(...plan.outcomes);
      rejected.push(...plan.rejected);
    }
    rejected.sort((a, b) => a.line - b.line);
    report.accepted.sort((a, b) => a.line - b.line);
    progress({ stage: "done" });
    return report;
  }
}
