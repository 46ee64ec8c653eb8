/**
 * npm run import -- --kind KIND FILE [--dry-run] (--token TOKEN | --token-file PATH) [--json]
 *
 * Imports a council's CSV file of one kind (docs/imports.md) as the importRecords mutation does:
 * the same checks, rows authorised one by one, good rows written in one transaction with their
 * audit events. It runs as the principal a bearer token names, verified with the server's own
 * key (JWT_SECRET, the development secret, or the identity provider's JWKS), so it may do
 * exactly what that caller may do through the API: an ADMIN token, or OVERSIGHT of the regions
 * the rows concern (a SYSTEM_LEADER token for its own support engagements). Progress goes to
 * standard error; the report to standard output. Exits 0 when the import ran (rejected rows are
 * listed in the report), 1 when it could not run, 2 on a usage error.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { verifierOptions } from "../src/auth/secret.js";
import { TokenVerifier } from "../src/auth/tokens.js";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { applySchema } from "../src/db/schema.js";
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportReport,
} from "../src/modules/imports/import.model.js";
import { ImportRepository } from "../src/modules/imports/import.repository.js";
import { ImportService, type ImportProgress } from "../src/modules/imports/import.service.js";
import { defaultProgress, type StageProgress } from "../seed/progress.js";
import { readCommandLine, runCommand } from "./cli.js";

const USAGE = `usage: npm run import -- --kind KIND FILE [options]
  --kind KIND          ${IMPORT_KINDS.join(" | ")}
  --dry-run            check every row and report, writing nothing
  --token TOKEN        the bearer token to act as, e.g. "$(npm run -s token -- --role ADMIN)"
  --token-file PATH    read the token from a file instead (keeps it out of the process list)
  --json               print the report as JSON`;

/** The report as a person reads it: counts, then each rejected row by line. */
export function formatReport(file: string, report: ImportReport): string {
  const lines = [
    `${report.dryRun ? "Dry run (nothing written): " : ""}${file} (${report.kind}), ${report.rows} rows`,
    `  imported   ${report.imported}`,
    `  updated    ${report.updated}`,
    `  unchanged  ${report.unchanged}`,
    `  rejected   ${report.rejected.length}`,
    ...report.rejected.map(
      (row) =>
        `    line ${row.line}${row.reference ? ` (${row.reference})` : ""}: ${row.code}: ${row.reason}`,
    ),
  ];
  return lines.join("\n");
}

async function main(): Promise<number> {
  const parsed = readCommandLine(USAGE, {
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      token: { type: "string" },
      "token-file": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const kind = values.kind?.toUpperCase() as ImportKind | undefined;
  const [file, ...extra] = positionals;
  const problem =
    kind === undefined || !IMPORT_KINDS.includes(kind)
      ? `--kind must be one of ${IMPORT_KINDS.join(", ")}.`
      : file === undefined || extra.length > 0
        ? "Name exactly one CSV file."
        : (values.token === undefined) === (values["token-file"] === undefined)
          ? "Give the token to act as with --token or --token-file (one of them)."
          : null;
  if (problem !== null || kind === undefined || file === undefined) {
    console.error(`${problem}\n${USAGE}`);
    return 2;
  }

  const c = config();
  let csv: string;
  let token: string;
  try {
    csv = readFileSync(file, "utf8");
    token = values.token ?? readFileSync(values["token-file"]!, "utf8").trim();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const principal = await new TokenVerifier(verifierOptions(c)).verify(token);
  // One transaction writes every good row: longer than an API query may take.
  const db = connectConfigured(c, { queryTimeoutMs: Math.max(c.DB_QUERY_TIMEOUT_MS, 120_000) });
  try {
    await applySchema(db);
    const service = new ImportService(new ImportRepository(db), principal, `cli-${randomUUID()}`);
    const bars = defaultProgress();
    let rows: StageProgress | undefined;
    let done = 0;
    const progress: ImportProgress = (event) => {
      if (event.stage === "rows") {
        rows ??= bars.stage("checking rows", event.total);
        rows.increment(event.done - done);
        done = event.done;
      } else if (event.stage === "database") {
        rows?.stop();
        rows = undefined;
        process.stderr.write(
          values["dry-run"]
            ? "checking rows against the graph (dry run)\n"
            : "checking rows against the graph and writing them in one transaction\n",
        );
      } else {
        rows?.stop();
      }
    };
    const report = await service.importRecords(
      { kind, csv, dryRun: values["dry-run"] === true },
      progress,
    );
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(file, report));
    return 0;
  } finally {
    await db.close();
  }
}

// Errors meant for the caller (a refused token, a file over the limits, a role that may not
// import) are shown as their code and message.
await runCommand(main);
