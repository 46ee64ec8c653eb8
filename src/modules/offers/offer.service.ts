import { authorize } from "../../auth/policy.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { SUPPORT_TOPICS, type SupportTopic } from "./offer.model.js";
import type { OfferRepository } from "./offer.repository.js";

/** Catalogue order, so the stored lists read the same whatever order the client sent. */
function ordered(topics: readonly SupportTopic[]): SupportTopic[] {
  return SUPPORT_TOPICS.filter((topic) => topics.includes(topic));
}

export class OfferService {
  constructor(
    private readonly repository: OfferRepository,
    private readonly principal: Principal,
    private readonly requestId: string,
    /** Told after each change, e.g. to refresh what partner matching holds. */
    private readonly onChange?: () => void,
  ) {}

  async update(
    urn: number,
    offers: readonly SupportTopic[],
    seeks: readonly SupportTopic[],
  ): Promise<SchoolRecord> {
    authorize(this.principal, "updateSchoolOffer", { urns: [urn] });
    if (this.principal.role === "ANONYMOUS")
      throw new Error("unreachable: authorize admits no anonymous writes");
    const school = await this.repository.update(urn, ordered(offers), ordered(seeks), {
      actor: actorOf(this.principal),
      requestId: this.requestId,
    });
    // Partner matching holds who offers what; it reads again before its next answer.
    this.onChange?.();
    return school;
  }

  /** What a school offers or seeks, for signed-in readers; anonymous readers are refused. */
  visible(school: SchoolRecord, which: "offers" | "seeks"): SupportTopic[] {
    authorize(this.principal, "readSchoolOffer", { urns: [school.urn] });
    return school[which];
  }
}
