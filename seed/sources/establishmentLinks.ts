import type { CsvTable } from "../csv/table.js";
import { parseDate, parseText, parseUrn } from "../csv/values.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";

export const ESTABLISHMENT_LINK_COLUMNS = [
  "URN",
  "LinkURN",
  "LinkName",
  "LinkType",
  "LinkEstablishedDate",
] as const;

/** One predecessor -> successor link, whichever side GIAS listed it from. */
export interface Succession {
  predecessorUrn: number;
  successorUrn: number;
  /** merged, amalgamated, split, or null for a plain change of URN (e.g. academy conversion). */
  reason: string | null;
  on: string | null;
  source: string;
}

export interface FormerEstablishment {
  urn: number;
  name: string | null;
}

interface Direction {
  /** True when the row's LinkURN is the predecessor of its URN. */
  linkIsPredecessor: boolean;
  reason: string | null;
}

/**
 * How a GIAS link type reads. "Predecessor ..." on URN A naming LinkURN B says B came before A;
 * "Successor ..." says B came after. Other types (sixth-form centre links, "Merged - expansion",
 * "Other", "Closure") either are not successions or name no direction; where GIAS records such a
 * pair with a direction too, that directed row carries it.
 */
export function linkDirection(linkType: string): Direction | null {
  const match = /^(predecessor|successor)\b\s*(?:-\s*(.*))?$/i.exec(linkType.trim());
  if (!match) return null;
  const detail = (match[2] ?? "").toLowerCase();
  const reason = detail.includes("merge")
    ? "merged"
    : detail.includes("amalgamat")
      ? "amalgamated"
      : detail.includes("split")
        ? "split"
        : detail === ""
          ? null
          : detail;
  return { linkIsPredecessor: match[1]!.toLowerCase() === "predecessor", reason };
}

/**
 * Normalises GIAS establishment links to predecessor -> successor pairs. GIAS lists most links
 * twice, once from each end, so both rows become one succession: the reason is whichever row gives
 * one, and the date is the later of the two (the predecessor's row often gives its closing day,
 * the successor's its opening day; the succession took effect on the latter).
 */
export function normaliseEstablishmentLinks(
  table: CsvTable,
  source: string,
): Parsed<{ successions: Succession[]; linkNames: Map<number, string> }> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const pairs = new Map<string, Succession>();
  const linkNames = new Map<number, string>();
  for (const row of table.records) {
    const urn = parseUrn(row.get("URN"));
    const linkUrn = parseUrn(row.get("LinkURN"));
    if (urn === null || linkUrn === null) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "invalid URN",
        detail: urn === null ? row.get("URN") : row.get("LinkURN"),
      });
      continue;
    }
    const linkName = parseText(row.get("LinkName"));
    if (linkName !== null && !linkNames.has(linkUrn)) linkNames.set(linkUrn, linkName);

    const direction = linkDirection(row.get("LinkType"));
    if (direction === null) {
      skipped.add(`GIAS establishment links: not a directed succession (${row.get("LinkType")})`);
      continue;
    }
    if (urn === linkUrn) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "links a URN to itself",
        detail: String(urn),
      });
      continue;
    }
    const [predecessorUrn, successorUrn] = direction.linkIsPredecessor
      ? [linkUrn, urn]
      : [urn, linkUrn];
    const on = parseDate(row.get("LinkEstablishedDate"));
    const key = `${predecessorUrn}>${successorUrn}`;
    const known = pairs.get(key);
    if (!known) {
      pairs.set(key, { predecessorUrn, successorUrn, reason: direction.reason, on, source });
      continue;
    }
    skipped.add("GIAS establishment links: second listing of the same succession");
    known.reason ??= direction.reason;
    if (on !== null && (known.on === null || known.on < on)) known.on = on;
  }
  return { records: { successions: [...pairs.values()], linkNames }, rejections, skipped };
}

/**
 * URNs that appear in successions but are not schools in the graph: closed predecessors, mostly.
 * Their name is the LinkName GIAS gives when another row links to them.
 */
export function formerEstablishments(
  successions: readonly Succession[],
  linkNames: ReadonlyMap<number, string>,
  schools: ReadonlySet<number>,
): FormerEstablishment[] {
  const urns = new Set<number>();
  for (const { predecessorUrn, successorUrn } of successions) {
    if (!schools.has(predecessorUrn)) urns.add(predecessorUrn);
    if (!schools.has(successorUrn)) urns.add(successorUrn);
  }
  return [...urns].sort((a, b) => a - b).map((urn) => ({ urn, name: linkNames.get(urn) ?? null }));
}
