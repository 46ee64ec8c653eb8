import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, parseRows } from "../../db/rows.js";
import { PARTNERSHIP_TYPES } from "../partnerships/partnership.model.js";
import {
  ELIGIBILITIES,
  FORMATIONS,
  LEAVING_RULES,
  type CollaborationModelRecord,
  type JoiningRoute,
  type SchoolMembership,
  type SchoolStanding,
} from "./collaboration.model.js";

function route(eligibility: JoiningRoute["eligibility"] | null, steps: string[]): JoiningRoute {
  return { eligibility: eligibility ?? "NOT_ELIGIBLE", steps };
}

/** A CollaborationModel node (see seed/collaboration/load.ts for the flattening). */
const CollaborationModelNode = node(
  z
    .object({
      id: key.string,
      name: cell.string,
      partnershipType: cell.member(PARTNERSHIP_TYPES),
      primaryForType: cell.boolean,
      summary: cell.string,
      legalForm: cell.string,
      governance: cell.string,
      maintainedEligibility: cell.member(ELIGIBILITIES),
      maintainedSteps: cell.list(cell.string),
      academyEligibility: cell.member(ELIGIBILITIES),
      academySteps: cell.list(cell.string),
      independentEligibility: cell.member(ELIGIBILITIES),
      independentSteps: cell.list(cell.string),
      formation: cell.member(FORMATIONS),
      exclusiveGroup: cell.string,
      mixesSectors: cell.boolean,
      leavingRule: cell.member(LEAVING_RULES),
      noticeDays: cell.int,
      leavingProcedure: cell.string,
      typicalCosts: cell.string,
      advantages: cell.list(cell.string),
      disadvantages: cell.list(cell.string),
      references: cell.list(cell.string),
    })
    .transform((p, ctx): CollaborationModelRecord => {
      if (p.partnershipType === null) {
        ctx.addIssue({
          code: "custom",
          path: ["partnershipType"],
          message: `CollaborationModel ${p.id} has no partnership type`,
        });
        return z.NEVER;
      }
      return {
        id: p.id,
        name: p.name ?? p.id,
        partnershipType: p.partnershipType,
        primaryForType: p.primaryForType ?? false,
        summary: p.summary ?? "",
        legalForm: p.legalForm ?? "",
        governance: p.governance ?? "",
        joining: {
          MAINTAINED: route(p.maintainedEligibility, p.maintainedSteps),
          ACADEMY: route(p.academyEligibility, p.academySteps),
          INDEPENDENT: route(p.independentEligibility, p.independentSteps),
        },
        // An unknown formation is treated as the most restrictive, so nothing is proposed by mistake.
        formation: p.formation ?? "SINGLE_SCHOOL",
        exclusiveGroup: p.exclusiveGroup,
        mixesSectors: p.mixesSectors ?? false,
        leavingRule: p.leavingRule ?? "STATUTORY_PROCESS",
        noticeDays: p.noticeDays,
        leavingProcedure: p.leavingProcedure ?? "",
        typicalCosts: p.typicalCosts ?? "",
        advantages: p.advantages,
        disadvantages: p.disadvantages,
        references: p.references,
      };
    }),
);

/** A row of collaboration/findCollaborationModels. */
export const CollaborationModelRow = z.object({ model: CollaborationModelNode });

const SchoolMembershipNode = node(
  z
    .object({
      partnershipId: key.string,
      partnershipName: cell.string,
      partnershipType: cell.member(PARTNERSHIP_TYPES),
      partnershipStatus: cell.string,
      modelId: cell.string,
    })
    .transform((membership): SchoolMembership => ({
      ...membership,
      partnershipName: membership.partnershipName ?? membership.partnershipId,
    })),
);

/** A row of collaboration/findSchoolStandings: a school with its current memberships. */
export const SchoolStandingRow = z
  .object({
    school: node(
      z.object({
        urn: key.int,
        name: cell.string,
        governance: cell.string,
        stateFunded: cell.boolean,
        regionCode: cell.string,
      }),
    ),
    memberships: listOf(SchoolMembershipNode),
  })
  .transform(({ school, memberships }): SchoolStanding => ({
    ...school,
    name: school.name ?? "",
    memberships,
  }));

export class CollaborationRepository {
  constructor(private readonly db: Database) {}

  // findCollaborationModels
  async findModels(): Promise<CollaborationModelRecord[]> {
    const rows = await this.db.read("collaboration/findCollaborationModels");
    return parseRows(CollaborationModelRow, rows, "collaboration/findCollaborationModels").map(
      (row) => row.model,
    );
  }

  // findSchoolStandings
  async findStandings(urns: readonly number[]): Promise<Map<number, SchoolStanding>> {
    const rows = await this.db.read("collaboration/findSchoolStandings", { urns });
    const standings = parseRows(SchoolStandingRow, rows, "collaboration/findSchoolStandings");
    return new Map(standings.map((standing) => [standing.urn, standing]));
  }
}
