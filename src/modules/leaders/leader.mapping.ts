import { asDate, asProperties, asString, requireString } from "../common/values.js";
import type { Leadership } from "./leader.model.js";

/**
 * Maps a `{leader, role, since, asOf, source}` row part to a Leadership. GIAS publishes names in parts,
 * so a missing full name is put together from title, first and last name.
 */
export function toLeadership(value: unknown): Leadership {
  const row = asProperties(value) ?? {};
  const leader = asProperties(row["leader"]) ?? {};
  const title = asString(leader["title"]);
  const composed = [title, asString(leader["firstName"]), asString(leader["lastName"])]
    .filter((part): part is string => part !== null && part.trim() !== "")
    .join(" ");
  return {
    leaderId: requireString(leader["id"], "Leader.id"),
    name: asString(leader["name"]) ?? composed,
    title,
    role: asString(row["role"]),
    since: asDate(row["since"]),
    asOf: asDate(row["asOf"]),
    sourceId: asString(row["source"]),
  };
}
