import { z } from "zod";
import { cell, key, listOf, nodeProperties } from "../../db/rows.js";
import {
  PARTNERSHIP_TYPES,
  type MembershipRecord,
  type PartnershipRecord,
} from "./partnership.model.js";

/** Row maps of the partnership statements (and of school statements that read memberships). */

/** A Partnership node's properties, with `openedOn` as text and its `memberCount`. */
export const PartnershipNode = nodeProperties({
  id: key.string,
  name: cell.string,
  type: cell.member(PARTNERSHIP_TYPES),
  status: cell.string,
  giasUid: cell.text,
  companiesHouseNumber: cell.text,
  openedOn: cell.date,
  source: cell.string,
  memberCount: cell.int,
}).transform(({ name, source, memberCount, ...partnership }): PartnershipRecord => ({
  ...partnership,
  name: name ?? partnership.id,
  sourceId: source,
  memberCount: memberCount ?? 0,
}));

/** A school's membership: its partnership and the MEMBER_OF (or WAS_MEMBER_OF) properties. */
export const MembershipMap = nodeProperties({
  partnership: PartnershipNode,
  joinedOn: cell.date,
  source: cell.string,
  leftOn: cell.date,
  leftBy: cell.date,
  reason: cell.string,
  leftSource: cell.string,
}).transform(({ source, reason, leftSource, ...membership }): MembershipRecord => ({
  ...membership,
  sourceId: source,
  endedReason: reason,
  endedSourceId: leftSource,
}));

/** A member as the member statements return it: [school, joinedOn], the school as projected. */
const MemberEntry = z
  .tuple([z.unknown(), cell.date])
  .rest(z.unknown())
  .catch([null, null])
  .transform(([school, joinedOn]) => ({ school, joinedOn }));

/**
 * A partnership's member total and a run of its members, as the member statements return them;
 * toMembersSlice (school.repository.ts) reads their schools.
 */
export const MEMBERS_SLICE_CELLS = { total: cell.int, members: listOf(MemberEntry) };

export type MembersSliceCells = z.output<z.ZodObject<typeof MEMBERS_SLICE_CELLS>>;

/** The first members of each partnership a school statement names (see _schoolPage). */
export const FirstMembersMap = z.object({ id: key.string, ...MEMBERS_SLICE_CELLS });
