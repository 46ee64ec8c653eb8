/**
 * Which collaboration models a school can take up, from its status and its memberships. Pure:
 * the catalogue and the school come in as plain objects.
 */
import type {
  CollaborationModelRecord,
  CollaborationRoadmap,
  Eligibility,
  SchoolCategory,
  SchoolStanding,
} from "./collaboration.model.js";

const ACADEMY_GOVERNANCES = new Set(["ACADEMY_CONVERTER", "ACADEMY_SPONSOR_LED", "FREE_SCHOOL"]);
const INDEPENDENT_GOVERNANCES = new Set(["INDEPENDENT", "NON_MAINTAINED_SPECIAL"]);

const CATEGORY_NAMES: Record<SchoolCategory, string> = {
  MAINTAINED: "maintained",
  ACADEMY: "academies and free",
  INDEPENDENT: "independent",
};

/**
 * The kind of school the joining rules speak of. Free schools are academies in law. City
 * technology colleges (governance OTHER, state-funded) hold funding agreements like academies;
 * non-maintained special schools are charity-run and join as independent schools do.
 */
export function categoryOf(
  governance: string | null,
  stateFunded: boolean | null,
): SchoolCategory | null {
  if (governance === "MAINTAINED") return "MAINTAINED";
  if (governance !== null && ACADEMY_GOVERNANCES.has(governance)) return "ACADEMY";
  if (governance !== null && INDEPENDENT_GOVERNANCES.has(governance)) return "INDEPENDENT";
  if (governance === "OTHER" && stateFunded === true) return "ACADEMY";
  if (stateFunded === false) return "INDEPENDENT";
  return null;
}

export function isStateFunded(category: SchoolCategory): boolean {
  return category !== "INDEPENDENT";
}

/** The catalogue indexed for lookups by id and by partnership type. */
export class Catalogue {
  private readonly byId: ReadonlyMap<string, CollaborationModelRecord>;
  private readonly primaryByType: ReadonlyMap<string, CollaborationModelRecord>;

  constructor(readonly models: readonly CollaborationModelRecord[]) {
    this.byId = new Map(models.map((model) => [model.id, model]));
    this.primaryByType = new Map(
      models.filter((model) => model.primaryForType).map((model) => [model.partnershipType, model]),
    );
  }

  get(id: string): CollaborationModelRecord | null {
    return this.byId.get(id) ?? null;
  }

  /** The model a partnership follows: its own when made in the service, else its type's primary one. */
  modelOf(membership: {
    modelId: string | null;
    partnershipType: string | null;
  }): CollaborationModelRecord | null {
    if (membership.modelId !== null) return this.get(membership.modelId);
    return membership.partnershipType === null
      ? null
      : (this.primaryByType.get(membership.partnershipType) ?? null);
  }
}

export type Availability =
  | {
      available: true;
      eligibility: Exclude<Eligibility, "NOT_ELIGIBLE">;
      steps: string[];
      existingPartnershipIds: string[];
    }
  | { available: false; reason: string };

/**
 * Whether a school can take up `model`:
 * 1. its kind of school must be eligible (directly, or once it has converted to an academy);
 * 2. it must not already belong to a partnership of the model's exclusive group (one academy
 *    trust, one statutory federation, one foundation at a time), since changing means leaving
 *    that one first by its own rule.
 * Memberships of non-exclusive models (clusters, informal collaborations) never block.
 */
export function availability(
  school: SchoolStanding,
  model: CollaborationModelRecord,
  catalogue: Catalogue,
): Availability {
  const category = categoryOf(school.governance, school.stateFunded);
  if (category === null) {
    return {
      available: false,
      reason: "The school's governance is not recorded, so which models are open to it is unknown.",
    };
  }
  const route = model.joining[category];
  if (route.eligibility === "NOT_ELIGIBLE") {
    return {
      available: false,
      reason: `${model.name} is not open to ${CATEGORY_NAMES[category]} schools.`,
    };
  }
  if (model.exclusiveGroup !== null) {
    for (const membership of school.memberships) {
      const current = catalogue.modelOf(membership);
      if (current?.exclusiveGroup === model.exclusiveGroup) {
        return {
          available: false,
          reason:
            `The school already belongs to ${membership.partnershipName} (${current.name}), and ` +
            `a school belongs to only one at a time. To change, it first leaves: ${current.leavingProcedure}`,
        };
      }
    }
  }
  return {
    available: true,
    eligibility: route.eligibility,
    steps: route.steps,
    existingPartnershipIds: school.memberships
      .filter((membership) => catalogue.modelOf(membership)?.id === model.id)
      .map((membership) => membership.partnershipId),
  };
}

/** Every model in catalogue order, split into what the school can take up (with steps) and what not (with why). */
export function roadmap(school: SchoolStanding, catalogue: Catalogue): CollaborationRoadmap {
  const result: CollaborationRoadmap = {
    urn: school.urn,
    category: categoryOf(school.governance, school.stateFunded),
    options: [],
    unavailable: [],
  };
  for (const model of catalogue.models) {
    const verdict = availability(school, model, catalogue);
    if (verdict.available) {
      const { eligibility, steps, existingPartnershipIds } = verdict;
      result.options.push({ model, eligibility, steps, existingPartnershipIds });
    } else {
      result.unavailable.push({ model, reason: verdict.reason });
    }
  }
  return result;
}
