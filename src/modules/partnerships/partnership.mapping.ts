import { toSchool } from "../schools/school.repository.js";
import { projectedProperties, type SchoolProperties } from "../schools/school.projection.js";
import {
  asDate,
  asInt,
  asList,
  asMember,
  asProperties,
  asString,
  asText,
  requireString,
} from "../common/values.js";
import {
  PARTNERSHIP_TYPES,
  type MemberRecord,
  type MembersSlice,
  type MembershipRecord,
  type PartnershipRecord,
} from "./partnership.model.js";

/** Row maps of the partnership statements (and of school statements that read memberships). */

export function toMembership(value: unknown): MembershipRecord {
  const m = asProperties(value) ?? {};
  return {
    partnership: toPartnership(m["partnership"]),
    joinedOn: asDate(m["joinedOn"]),
    sourceId: asString(m["source"]),
    leftOn: asDate(m["leftOn"]),
    leftBy: asDate(m["leftBy"]),
    endedReason: asString(m["reason"]),
    endedSourceId: asString(m["leftSource"]),
  };
}

/** A member as the member statements return it: [school, joinedOn]. */
export function toMember(value: unknown, properties: SchoolProperties): MemberRecord {
  const [school, joinedOn] = asList(value);
  return { school: toSchool(projectedProperties(school, properties)), joinedOn: asDate(joinedOn) };
}

export function toPartnership(value: unknown): PartnershipRecord {
  const p = asProperties(value) ?? {};
  const id = requireString(p["id"], "Partnership.id");
  return {
    id,
    name: asString(p["name"]) ?? id,
    type: asMember(PARTNERSHIP_TYPES, p["type"]),
    status: asString(p["status"]),
    giasUid: asText(p["giasUid"]),
    companiesHouseNumber: asText(p["companiesHouseNumber"]),
    openedOn: asDate(p["openedOn"]),
    sourceId: asString(p["source"]),
    memberCount: asInt(p["memberCount"]) ?? 0,
  };
}

/** A partnership's member total and a run of its members, as the member statements return them. */
export function toMembersSlice(value: unknown, properties: SchoolProperties): MembersSlice {
  const row = asProperties(value) ?? {};
  return {
    total: asInt(row["total"]) ?? 0,
    members: asList(row["members"]).map((member) => toMember(member, properties)),
  };
}
