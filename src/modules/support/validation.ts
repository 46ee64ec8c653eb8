/**
 * Argument checks shared by the gap and system-leader services. Each names the argument as the
 * client wrote it, in the message and on the error.
 */
import type { PreparedSnapshot } from "./gap.store.js";
import { NotFoundError, ValidationError } from "../../errors/index.js";

const REGION_CODE = /^E12\d{6}$/;

/**
 * A region code the graph holds, or null for all of England. A malformed code is a bad
 * argument; a well-formed one naming no region is not found, with the codes that exist.
 */
export function checkRegion(
  prepared: PreparedSnapshot,
  regionCode: string | null | undefined,
  argument = "regionCode",
): string | null {
  if (regionCode === null || regionCode === undefined) return null;
  if (!REGION_CODE.test(regionCode)) {
    throw new ValidationError(
      `\`${argument}\` must be an ONS region code such as E12000007 (got "${regionCode.slice(0, 20)}").`,
      argument,
    );
  }
  const regions = prepared.snapshot.regions;
  if (!regions.some((region) => region.code === regionCode)) {
    throw new NotFoundError(
      `No region ${regionCode}: \`${argument}\` must be one of ` +
        `${regions.map((region) => `${region.code} (${region.name})`).join(", ")}.`,
      argument,
    );
  }
  return regionCode;
}
