import type { Database } from "../../db/driver.js";
import { NotFoundError } from "../../errors/index.js";
import { recordAudit } from "../audit/audit.writer.js";
import { asList, asString } from "../common/values.js";
import type { WriteOrigin } from "../proposals/proposal.repository.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { toSchool } from "../schools/school.repository.js";
import type { SupportTopic } from "./offer.model.js";

export class OfferRepository {
  constructor(private readonly db: Database) {}

  /** Replaces a school's offers and seeks in one transaction with its audit event. */
  async update(
    urn: number,
    offers: readonly SupportTopic[],
    seeks: readonly SupportTopic[],
    origin: WriteOrigin,
  ): Promise<SchoolRecord> {
    return this.db.writeTransaction(async (run) => {
      const [before] = await run("offers/lockSchoolOffer", { urn });
      if (!before) throw new NotFoundError(`No open school has URN ${urn}.`, "urn");
      const [row] = await run("offers/setSchoolOffer", { urn, offers, seeks });
      const regionCode = asString(before["regionCode"]);
      await recordAudit(run, {
        ...origin,
        action: "updateSchoolOffer",
        targetType: "School",
        targetId: String(urn),
        urns: [urn],
        regionCodes: regionCode === null ? [] : [regionCode],
        before: { offers: asList(before["offers"]), seeks: asList(before["seeks"]) },
        after: { offers, seeks },
      });
      return toSchool(row?.["school"]);
    });
  }
}
