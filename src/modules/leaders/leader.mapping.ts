import { z } from "zod";
import { cell, key, nodeProperties } from "../../db/rows.js";
import type { Leadership } from "./leader.model.js";

const LeaderNode = nodeProperties({
  id: key.string,
  name: cell.string,
  title: cell.string,
  firstName: cell.string,
  lastName: cell.string,
});

/**
 * A `{leader, role, since, asOf, source}` row part as a Leadership. GIAS publishes names in parts,
 * so a missing full name is put together from title, first and last name.
 */
export const LeadershipMap = z
  .object({
    leader: LeaderNode,
    role: cell.string,
    since: cell.date,
    asOf: cell.date,
    source: cell.string,
  })
  .transform(({ leader, source, ...leadership }): Leadership => {
    const composed = [leader.title, leader.firstName, leader.lastName]
      .filter((part): part is string => part !== null && part.trim() !== "")
      .join(" ");
    return {
      leaderId: leader.id,
      name: leader.name ?? composed,
      title: leader.title,
      ...leadership,
      sourceId: source,
    };
  });
