/**
 * /import: a council's CSV file of advisers, adviser assignments, grants or support engagements
 * sent to `importRecords` (docs/imports.md gives the layouts), and its report row by row: every
 * data row of the file with its line, accepted or rejected with the service's reason. The report
 * downloads as CSV. Who may import what follows the API's policy (src/auth/policy.ts).
 */
import { useState, type FormEvent } from "react";
import {
  ImportRecordsDocument,
  type ImportKind,
  type ImportRecordsMutation,
  type Role,
} from "../__generated__/graphql";
import { ApiError, request } from "../api";
import { RequireRole, refusalInWords } from "../auth/RequireRole";
import { useSession } from "../auth/SessionProvider";
import { Select } from "../controls";
import { DownloadCsv, toCsv } from "../csv";
import { Table } from "../Table";

type Report = ImportRecordsMutation["importRecords"];

const KINDS: readonly { kind: ImportKind; label: string; roles: readonly Role[] }[] = [
  { kind: "ADVISERS", label: "Advisers", roles: ["ADMIN", "OVERSIGHT"] },
  { kind: "ADVISER_ASSIGNMENTS", label: "Adviser assignments", roles: ["ADMIN", "OVERSIGHT"] },
  { kind: "GRANTS", label: "Grants", roles: ["ADMIN", "OVERSIGHT"] },
  { kind: "SUPPORT_ENGAGEMENTS", label: "Support engagements", roles: ["ADMIN", "SYSTEM_LEADER"] },
];

const WHO_MAY_IMPORT =
  "Sign in as oversight (for your region) or admin to import advisers, adviser assignments and " +
  "grants; as admin or a system leader to import support engagements.";

/** Room for the query text and JSON around the file in the request. */
const REQUEST_OVERHEAD_BYTES = 2_000;

const CODE_WORDS: Record<string, string> = {
  BAD_USER_INPUT: "the row itself",
  NOT_FOUND: "names something that does not exist",
  FORBIDDEN: "outside what you may record",
  CONFLICT: "the records refuse it",
};

interface ReportRow {
  line: number;
  reference: string | null;
  outcome: string;
  code: string | null;
  reason: string;
}

const OUTCOME_WORDS: Record<string, string> = {
  IMPORTED: "Accepted: new, recorded",
  UPDATED: "Accepted: known, updated",
  UNCHANGED: "Accepted: known, unchanged",
};

/** Every row of the file once, by line: the service reports each, taken or left out. */
function reportRows(report: Report): ReportRow[] {
  return [
    ...report.accepted.map((row) => ({ ...row, code: null, reason: "" })),
    ...report.rejected.map((row) => ({ ...row, outcome: "REJECTED" })),
  ].sort((a, b) => a.line - b.line);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

function ImportReportTable({ report, fileName }: { report: Report; fileName: string }) {
  const rows = reportRows(report);
  const counts =
    `new: ${report.imported.toLocaleString("en-GB")}; ` +
    `updated: ${report.updated.toLocaleString("en-GB")}; ` +
    `unchanged: ${report.unchanged.toLocaleString("en-GB")}; ` +
    `rejected: ${report.rejected.length.toLocaleString("en-GB")}`;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{report.dryRun ? "What the import would do" : "Import report"}</h2>
      <p className="summary">
        {fileName}: {plural(report.rows, "row")}.{" "}
        {report.dryRun
          ? `Checked only, nothing was written. Imported, the rows would be ${counts}.`
          : `Rows ${counts}.`}{" "}
        A rejected row changes nothing; the rest of the file goes ahead.
      </p>
      <Table caption={`Rows of ${fileName}`} columns={["Line", "Reference", "Outcome", "Reason"]}>
        {rows.map((row) => (
          <tr key={`${row.line}-${row.outcome}`} className={row.code ? "rejected" : "accepted"}>
            <td className="number">{row.line}</td>
            <td>{row.reference ?? "—"}</td>
            <td>
              {row.code === null
                ? (OUTCOME_WORDS[row.outcome] ?? row.outcome)
                : `Rejected: ${CODE_WORDS[row.code] ?? row.code}`}
            </td>
            <td>{row.reason}</td>
          </tr>
        ))}
      </Table>
      <p>
        <DownloadCsv
          label="Download the report as CSV"
          filename={`import-report-${report.kind.toLowerCase()}-${fileName.replace(/\.csv$/i, "")}.csv`}
          csv={() =>
            toCsv(
              ["line", "reference", "outcome", "code", "reason"],
              rows.map((row) => [row.line, row.reference, row.outcome, row.code, row.reason]),
            )
          }
        />
      </p>
    </section>
  );
}

function ImportForm({ role }: { role: Role }) {
  const { config } = useSession();
  const kinds = KINDS.filter((option) => option.roles.includes(role));
  const [kind, setKind] = useState<ImportKind>(kinds[0]?.kind ?? "ADVISERS");
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ report: Report; fileName: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    if (!file) {
      setError("Choose the CSV file to import.");
      return;
    }
    const text = await file.text();
    const limit = config?.maxRequestBytes;
    const size = new TextEncoder().encode(JSON.stringify(text)).length + REQUEST_OVERHEAD_BYTES;
    if (limit !== undefined && size > limit) {
      setError(
        `${file.name} is too big to send: it is ${file.size.toLocaleString("en-GB")} bytes, and ` +
          `this service takes requests of at most ${limit.toLocaleString("en-GB")} bytes ` +
          "(its MAX_REQUEST_BYTES setting). Split the file into smaller ones.",
      );
      return;
    }
    setSending(true);
    try {
      const { importRecords: report } = await request(ImportRecordsDocument, {
        kind,
        csv: text,
        dryRun,
      });
      setResult({ report, fileName: file.name });
    } catch (failure) {
      setError(
        `${file.name} was not imported. ${
          failure instanceof ApiError
            ? refusalInWords(failure)
            : "The service could not be reached."
        }`,
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="filters">
          <Select
            id="import-kind"
            label="What the file holds"
            value={kind}
            options={kinds.map((option) => [option.kind, option.label] as const)}
            onChange={setKind}
          />
          <div>
            <label htmlFor="import-file">CSV file</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="import-file-hint"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <p className="hint" id="import-file-hint">
          The first line names the columns; docs/imports.md in the project gives each layout.
          {config ? ` At most ${config.maxRequestBytes.toLocaleString("en-GB")} bytes.` : ""}
        </p>
        <p>
          <label className="inline">
            <input
              type="checkbox"
              checked={dryRun}
              onChange={(event) => setDryRun(event.target.checked)}
            />{" "}
            Check only: report what would happen and write nothing
          </label>
        </p>
        <p>
          <button type="submit" disabled={sending}>
            {sending ? "Importing…" : dryRun ? "Check the file" : "Import"}
          </button>
        </p>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <ImportReportTable {...result} /> : null}
    </>
  );
}

export function Import() {
  return (
    <main className="wide">
      <h1>Import council records</h1>
      <p className="lede">
        A council&apos;s spreadsheet of advisers, adviser assignments, grants or support
        engagements, saved as CSV, imported at once. Each row is checked as its single record would
        be; rows that fail are reported with their line and reason and change nothing.
      </p>
      <RequireRole roles={["OVERSIGHT", "ADMIN", "SYSTEM_LEADER"]} need={WHO_MAY_IMPORT}>
        {(viewer) => <ImportForm role={viewer.role} />}
      </RequireRole>
    </main>
  );
}
