import { registerEnumType } from "type-graphql";
import { SUPPORT_FACTORS } from "./candidates.js";
import { DESIGNATIONS, SPECIALISMS } from "./system-leader.model.js";

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const DesignationEnum = enumObject(DESIGNATIONS);
registerEnumType(DesignationEnum, {
  name: "Designation",
  description:
    "National, Local and Specialist Leaders of Education (NLE, LLE, SLE), National Leaders of Governance (NLG), and Teaching School Hubs.",
});

export const SpecialismEnum = enumObject(SPECIALISMS);
registerEnumType(SpecialismEnum, {
  name: "Specialism",
  description:
    "What a system leader helps with; also how a school's areas of need are named (see `SchoolNeed.areas`).",
});

export const SupportFactorEnum = enumObject(SUPPORT_FACTORS);
registerEnumType(SupportFactorEnum, {
  name: "SupportFactor",
  description: "A factor of a support candidate's score: NEED × FIT × REACH.",
});
