import { SUPPORT_FACTORS } from "./candidates.js";
import { DESIGNATIONS, SPECIALISMS } from "./system-leader.model.js";
import { graphqlEnum } from "../common/enums.js";

export const DesignationEnum = graphqlEnum(DESIGNATIONS, {
  name: "Designation",
  description:
    "National, Local and Specialist Leaders of Education (NLE, LLE, SLE), National Leaders of Governance (NLG), and Teaching School Hubs.",
});

export const SpecialismEnum = graphqlEnum(SPECIALISMS, {
  name: "Specialism",
  description:
    "What a system leader helps with; also how a school's areas of need are named (see `SchoolNeed.areas`).",
});

export const SupportFactorEnum = graphqlEnum(SUPPORT_FACTORS, {
  name: "SupportFactor",
  description: "A factor of a support candidate's score: NEED × FIT × REACH.",
});
