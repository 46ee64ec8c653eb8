/** Tables as CSV files people can open in a spreadsheet (RFC 4180 quoting). */
function cell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** A link that downloads `csv` as `filename`, made when clicked. */
export function DownloadCsv({
  filename,
  csv,
  label,
}: {
  filename: string;
  csv: () => string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = filename;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 1_000);
      }}
    >
      {label}
    </button>
  );
}
