import type { Database } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import { asList, asMember, asProperties, requireInt } from "../common/values.js";
import { SUPPORT_TOPICS, type SupportTopic } from "../offers/offer.model.js";
import type { PartnerTopicReader, PartnerTopics } from "./matching.service.js";

export class MatchingRepository implements PartnerTopicReader {
  constructor(private readonly db: Database) {}

  /** The asker's seeks and, per candidate offering any of them, the sought topics it offers. */
  async partnerTopics(askerUrn: number, candidateUrns: readonly number[]): Promise<PartnerTopics> {
    const [row] = await this.db.read("matching/partnerTopics", {
      urn: cypherInt(askerUrn),
      urns: candidateUrns.map(cypherInt),
    });
    const offered = new Map<number, SupportTopic[]>();
    for (const entry of asList(row?.["offered"])) {
      const properties = asProperties(entry) ?? {};
      offered.set(
        requireInt(properties["urn"], "offered.urn"),
        supportTopics(properties["topics"]),
      );
    }
    return { seeks: supportTopics(row?.["seeks"]), offered };
  }
}

/** Entries outside the vocabulary are dropped, as on school records. */
function supportTopics(value: unknown): SupportTopic[] {
  return asList(value).flatMap((item) => asMember(SUPPORT_TOPICS, item) ?? []);
}
