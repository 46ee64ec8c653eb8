import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, listOf, node, parseRow } from "../../db/rows.js";
import { NotFoundError } from "../../errors/index.js";
import { recordAudit } from "../audit/audit.writer.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { toSchool } from "../schools/school.repository.js";
import type { SupportTopic } from "./offer.model.js";

/** The school's offers and seeks as stored, kept for the audit event. */
const LockedOfferRow = z.object({
  regionCode: cell.string,
  offers: listOf(z.unknown()),
  seeks: listOf(z.unknown()),
});

const SchoolRow = z.object({ school: node(z.unknown()).transform((value) => toSchool(value)) });

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
      const [locked] = await run("offers/lockSchoolOffer", { urn });
      if (!locked) throw new NotFoundError(`No open school has URN ${urn}.`, "urn");
      const before = parseRow(LockedOfferRow, locked, "offers/lockSchoolOffer");
      const [row] = await run("offers/setSchoolOffer", { urn, offers, seeks });
      const regionCode = before.regionCode;
      await recordAudit(run, {
        ...origin,
        action: "updateSchoolOffer",
        targetType: "School",
        targetId: String(urn),
        urns: [urn],
        regionCodes: regionCode === null ? [] : [regionCode],
        before: { offers: before.offers, seeks: before.seeks },
        after: { offers, seeks },
      });
      return parseRow(SchoolRow, row ?? {}, "offers/setSchoolOffer").school;
    });
  }
}
