/**
 * The collaboration models catalogue: the ways schools in England can work together, with their
 * legal form, governance, who can join, how to leave, costs and trade-offs. Loaded into the graph
 * as CollaborationModel nodes (seed/collaboration/load.ts) on every seed run, so editing this
 * file and running `npm run seed` updates the reference data.
 *
 * Content follows DfE guidance and the legislation named in each model's `references`; costs
 * are typical ranges reported by schools and trusts, not DfE figures unless said so.
 */
import type {
  CollaborationModelRecord,
  JoiningRoute,
} from "../../src/modules/collaboration/collaboration.model.js";

const notEligible: JoiningRoute = { eligibility: "NOT_ELIGIBLE", steps: [] };

/** Becoming an academy, the first part of every route into an academy trust for a maintained school. */
const CONVERSION_STEPS = [
  "The governing body resolves to apply to become an academy (foundation and voluntary schools also need the consent of their trustees or diocese).",
  "Apply to DfE; the regional director approves and the Secretary of State makes an academy order.",
  "Consult parents, staff and the community on the change.",
  "Transfer staff under TUPE after consulting them, agree a 125-year lease of the land with the local authority and move contracts across.",
];

/**
 * How a foundation trust (a trust school's or a co-operative trust's) is joined and left: a
 * maintained school acquires it, and later removes it, by statutory proposals, and has one at most.
 */
const FOUNDATION_RULES = {
  formation: "STATUTORY",
  exclusiveGroup: "FOUNDATION",
  mixesSectors: false,
  leavingRule: "STATUTORY_PROCESS",
  noticeDays: null,
} as const;

/** A voluntary agreement between schools, which any of them may leave when it chooses. */
const AGREEMENT_AT_WILL = {
  formation: "AGREEMENT",
  exclusiveGroup: null,
  mixesSectors: false,
  leavingRule: "AT_WILL",
  noticeDays: null,
} as const;

/** A voluntary agreement left on 90 days' notice, so joint plans can wind down. */
const AGREEMENT_ON_NOTICE = {
  ...AGREEMENT_AT_WILL,
  leavingRule: "NOTICE",
  noticeDays: 90,
} as const;

export const COLLABORATION_MODELS: readonly CollaborationModelRecord[] = [
  {
    id: "informal-collaboration",
    name: "Informal collaboration",
    partnershipType: "INFORMAL_COLLABORATION",
    primaryForType: true,
    summary:
      "Schools agree to work together on shared priorities (training, moderation, transition) without creating any new body.",
    legalForm:
      "None. The schools work under a shared understanding, sometimes written down as a memorandum of understanding; no school's legal status changes.",
    governance:
      "Each school keeps its own governing body or trust board, which stays accountable for the school; the headteachers agree the joint work between them.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree the purpose and first priorities with the partner schools.",
          "Tell the governing body and record its agreement.",
          "Agree who leads, how often you meet and what each school contributes (a short memorandum of understanding helps).",
          "Review what the collaboration has achieved after a year.",
        ],
      },
      ACADEMY: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree the purpose and first priorities with the partner schools.",
          "Check the trust's scheme of delegation: the headteacher or local governing body may agree, or the trust board may need to.",
          "Agree who leads, how often you meet and what each school contributes (a short memorandum of understanding helps).",
          "Review what the collaboration has achieved after a year.",
        ],
      },
      INDEPENDENT: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree the purpose and first priorities with the partner schools.",
          "Tell the proprietor or governors and record their agreement.",
          "Agree who leads, how often you meet and what each school contributes, including safeguarding arrangements for joint activities.",
          "Review what the collaboration has achieved after a year.",
        ],
      },
    },
    ...AGREEMENT_AT_WILL,
    leavingProcedure:
      "A school can stop taking part at any time: it tells the partner schools and honours anything it has already committed to (a shared training day, a joint bid).",
    typicalCosts: "Staff time for meetings and joint work; no set-up costs.",
    advantages: [
      "Quick to start and to stop.",
      "No change to any school's legal status, funding or governance.",
      "Works across phases and sectors, including independent schools.",
    ],
    disadvantages: [
      "Depends on goodwill and the people involved; it can fade when headteachers change.",
      "No shared budget or power to make joint decisions binding.",
      "Accountability for the joint work is unclear.",
    ],
    references: ["DfE, Working together: school collaboration (non-statutory)"],
  },
  {
    id: "cluster",
    name: "Cluster",
    partnershipType: "CLUSTER",
    primaryForType: true,
    summary:
      "A standing local partnership, often of the schools in a town or a secondary school and its feeder primaries, with a programme of joint work and usually a small pooled budget.",
    legalForm:
      "None, or a written partnership agreement; a lead school or the local authority holds any pooled money on the cluster's behalf.",
    governance:
      "A steering group of headteachers (often with a governor from each school) sets priorities; each governing body or trust board stays accountable for its own school.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree aims, membership and each school's contribution with the other schools.",
          "The governing body approves joining and any contribution from the school budget.",
          "Sign the partnership agreement: money, data sharing, shared posts and how to leave.",
          "Appoint a lead headteacher or coordinator and set the year's programme.",
        ],
      },
      ACADEMY: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree aims, membership and each school's contribution with the other schools.",
          "The trust approves joining as its scheme of delegation requires, including any contribution.",
          "Sign the partnership agreement: money, data sharing, shared posts and how to leave.",
          "Appoint a lead headteacher or coordinator and set the year's programme.",
        ],
      },
      INDEPENDENT: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree aims, membership and the school's contribution with the cluster.",
          "The proprietor or governors approve joining.",
          "Sign the partnership agreement: money, data sharing, safeguarding and how to leave.",
          "Take part in the cluster's programme.",
        ],
      },
    },
    ...AGREEMENT_ON_NOTICE,
    leavingProcedure:
      "Give the notice the partnership agreement sets (usually a term, counted here as 90 days) so pooled money and shared posts can be settled; the school stays a member until the notice ends.",
    typicalCosts:
      "A subscription per school, commonly £500 to £3,000 a year or a few pounds per pupil, for a coordinator, joint training and shared projects.",
    advantages: [
      "Economies of scale on training, moderation and specialist services.",
      "Peer review and shared professional development among schools that know each other.",
      "Smooth transition between phases when a cluster follows a secondary school and its feeder primaries.",
    ],
    disadvantages: [
      "Little power to make a school change its practice.",
      "Pooled money needs a clear agreement and someone to manage it.",
      "Members at very different points can slow the joint work.",
    ],
    references: ["DfE, School-led system: local partnerships (non-statutory)"],
  },
  {
    id: "soft-federation",
    name: "Soft federation",
    partnershipType: "FEDERATION",
    primaryForType: false,
    summary:
      "Schools keep their own governing bodies but set up a joint committee with delegated powers, and often share a headteacher or staff.",
    legalForm:
      "No new legal body. The governing bodies form a joint committee under section 26 of the Education Act 2002 and the School Governance (Collaboration) (England) Regulations 2003, and delegate agreed functions to it.",
    governance:
      "Each governing body remains; the joint committee decides what is delegated to it, and the schools often share an executive headteacher by agreement.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "The governing bodies agree to collaborate and which functions to delegate to a joint committee.",
          "Agree the joint committee's terms of reference, membership and how costs are shared.",
          "Each governing body resolves to join and delegates the agreed functions.",
          "Appoint shared posts (an executive headteacher, a business manager) if the agreement provides for them.",
        ],
      },
      ACADEMY: {
        eligibility: "ELIGIBLE",
        steps: [
          "The trust board agrees: academies take part by agreement and the trust's scheme of delegation rather than under the collaboration regulations.",
          "Agree the joint committee's terms of reference and how costs are shared with the partner schools.",
          "Sign the collaboration agreement.",
        ],
      },
      INDEPENDENT: notEligible,
    },
    ...AGREEMENT_ON_NOTICE,
    leavingProcedure:
      "The governing body resolves to withdraw from the joint committee and gives the notice the collaboration agreement sets (usually a term, counted here as 90 days); delegated functions return to it when the notice ends.",
    typicalCosts:
      "Modest: advice on the agreement, clerking the joint committee and the cost of any shared posts, usually offset by what they save.",
    advantages: [
      "Shared leadership and staff without changing any school's legal status.",
      "Easier to undo than a hard federation.",
      "A stepping stone towards a hard federation or an academy trust.",
    ],
    disadvantages: [
      "Two layers of governance can slow decisions.",
      "The joint committee has only the powers each governing body delegates.",
      "Less stable than a hard federation when leaders change.",
    ],
    references: [
      "Education Act 2002, section 26",
      "The School Governance (Collaboration) (England) Regulations 2003",
    ],
  },
  {
    id: "hard-federation",
    name: "Hard federation",
    partnershipType: "FEDERATION",
    primaryForType: true,
    summary:
      "Two or more maintained schools share one governing body, usually with an executive headteacher; each stays a separate school with its own budget and inspection.",
    legalForm:
      "A statutory federation under section 24 of the Education Act 2002 and the School Governance (Federations) (England) Regulations 2012.",
    governance:
      "One governing body is responsible for all the federated schools and can share staff and budgets across them.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "Each governing body considers federation and agrees to consult.",
          "Consult parents, staff, the local authority and, for church schools, the diocese and trustees, as the Federations Regulations require.",
          "Each governing body considers the responses and resolves to federate.",
          "Agree the single governing body's instrument of government with the local authority.",
          "On the federation date the old governing bodies are dissolved and the federated governing body takes over.",
        ],
      },
      ACADEMY: notEligible,
      INDEPENDENT: notEligible,
    },
    formation: "STATUTORY",
    exclusiveGroup: "FEDERATION",
    mixesSectors: false,
    leavingRule: "STATUTORY_PROCESS",
    noticeDays: null,
    leavingProcedure:
      "The federated governing body consults (parents, staff, the local authority and any diocese) and then resolves that the school leave, or dissolves the federation; the leaving school's own governing body is reconstituted under the Federations Regulations 2012.",
    typicalCosts:
      "Consultation, clerking and advice, often a few thousand pounds; savings follow from shared leadership and services.",
    advantages: [
      "One accountable body with authority across all the schools.",
      "Shared executive leadership, staff and (by agreement) budgets keep small and rural schools sustainable.",
      "The schools stay maintained by the local authority.",
    ],
    disadvantages: [
      "Statutory consultation to create, join or leave.",
      "Governors must understand several schools.",
      "Each school is still funded and inspected separately, so savings depend on sharing well.",
    ],
    references: [
      "Education Act 2002, section 24",
      "The School Governance (Federations) (England) Regulations 2012",
      "DfE, Federations: guidance for governing bodies",
    ],
  },
  {
    id: "trust",
    name: "Trust (foundation trust school)",
    partnershipType: "TRUST",
    primaryForType: true,
    summary:
      "A maintained school acquires a charitable foundation (a trust), often shared with other schools and partners such as a university or business, which holds its land and appoints foundation governors.",
    legalForm:
      "A foundation school with a foundation, under the Education and Inspections Act 2006 and the School Organisation (Prescribed Alterations to Maintained Schools) (England) Regulations 2013; the trust is a charity.",
    governance:
      "The school's governing body still runs the school, employs its staff and sets admissions; the trust appoints foundation governors and holds the land.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "The governing body consults on acquiring a foundation.",
          "Agree the trust's objects and trustees with the partners; the trust registers as a charity.",
          "Publish statutory proposals and consider representations.",
          "The governing body decides; on the implementation date the school becomes a foundation school with the trust as its foundation.",
          "The land and assets transfer to the trust.",
        ],
      },
      ACADEMY: notEligible,
      INDEPENDENT: notEligible,
    },
    ...FOUNDATION_RULES,
    leavingProcedure:
      "The governing body publishes statutory proposals to remove the foundation (or change the school's category), consults and decides; the land may need to transfer back.",
    typicalCosts:
      "Advice, consultation and charity registration (often £5,000 to £15,000), then the trust's own running costs.",
    advantages: [
      "Long-term partners bound into the school's governance.",
      "The governing body employs staff, owns land through the trust and is its own admission authority.",
      "The school stays maintained and funded through the local authority.",
    ],
    disadvantages: [
      "A statutory process to join and to leave.",
      "Another charity to run and report on.",
      "Rarer since academies spread, so fewer partners and less advice.",
    ],
    references: [
      "Education and Inspections Act 2006, Part 2",
      "The School Organisation (Prescribed Alterations to Maintained Schools) (England) Regulations 2013",
    ],
  },
  {
    id: "co-operative-trust",
    name: "Co-operative trust",
    partnershipType: "CO_OPERATIVE_TRUST",
    primaryForType: true,
    summary:
      "A foundation trust run on co-operative values: parents, staff, pupils and the community become members, elect a forum and hold the trust to account.",
    legalForm:
      "A foundation trust (as for a trust school) whose charity has stakeholder membership, usually on the Co-operative College's model articles; the schools remain maintained foundation schools.",
    governance:
      "Each school keeps its governing body; the trust appoints foundation governors and a stakeholder forum elected by the members advises and scrutinises it.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "The governing body consults on acquiring a co-operative foundation.",
          "Agree the trust's objects with the partner schools and adopt co-operative articles.",
          "Publish statutory proposals and consider representations.",
          "The governing body decides; the school becomes a foundation school with the co-operative trust as its foundation.",
          "Open stakeholder membership and elect the forum.",
        ],
      },
      ACADEMY: notEligible,
      INDEPENDENT: notEligible,
    },
    ...FOUNDATION_RULES,
    leavingProcedure:
      "As for a trust school: statutory proposals to remove the foundation, consultation and a decision by the governing body.",
    typicalCosts:
      "As for a foundation trust, plus running membership and elections; model articles keep legal costs down.",
    advantages: [
      "Parents, staff and the community have a formal voice.",
      "Several schools can share one trust and support each other.",
      "The schools stay in the local authority family.",
    ],
    disadvantages: [
      "A statutory process to join and to leave.",
      "Engaging members takes sustained effort.",
      "Easily confused with co-operative academy trusts, which are multi-academy trusts.",
    ],
    references: [
      "Education and Inspections Act 2006, Part 2",
      "Co-operative College, model articles",
    ],
  },
  {
    id: "umbrella-trust",
    name: "Umbrella trust",
    partnershipType: "UMBRELLA_TRUST",
    primaryForType: true,
    summary:
      "A charitable trust set up by a group of foundation or voluntary schools to support them all; each school keeps its own foundation.",
    legalForm:
      "A charity shared by a group of foundation or voluntary schools under the Education and Inspections Act 2006; unlike a trust it need not hold land.",
    governance:
      "Each school keeps its governing body; the umbrella trust may appoint a governor to each and coordinates the shared work.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "Check the school is, or will become, a foundation or voluntary school (a community school first changes category).",
          "The governing body consults on joining the umbrella trust.",
          "Publish statutory proposals and consider representations.",
          "The governing body decides and the trust's governor appointments take effect.",
        ],
      },
      ACADEMY: notEligible,
      INDEPENDENT: notEligible,
    },
    formation: "STATUTORY",
    exclusiveGroup: "UMBRELLA_TRUST",
    mixesSectors: false,
    leavingRule: "STATUTORY_PROCESS",
    noticeDays: null,
    leavingProcedure:
      "The governing body publishes proposals to end the umbrella trust's role, consults and decides.",
    typicalCosts: "Charity set-up and running costs shared among the schools.",
    advantages: [
      "Shared support for schools that keep their own foundations (often church schools).",
      "A shared voice with the local authority and diocese.",
      "No change to each school's funding.",
    ],
    disadvantages: [
      "A statutory process to join and to leave.",
      "Few exist, so there is little guidance.",
      "The trust has limited power over the schools.",
    ],
    references: [
      "Education and Inspections Act 2006, Part 2",
      "DfE, Trust schools and umbrella trusts",
    ],
  },
  {
    id: "single-academy-trust",
    name: "Single-academy trust",
    partnershipType: "SINGLE_ACADEMY_TRUST",
    primaryForType: true,
    summary:
      "One school becomes an academy run by its own academy trust, funded directly by DfE and independent of the local authority.",
    legalForm:
      "A charitable company limited by guarantee (an academy trust) with a funding agreement with the Secretary of State for one academy.",
    governance:
      "Members appoint trustees (the company's directors), who are accountable to DfE under the funding agreement and the Academy Trust Handbook.",
    joining: {
      MAINTAINED: {
        eligibility: "AFTER_CONVERSION",
        steps: [
          "Check DfE's current policy: new single-academy trusts are approved only for strong schools, and joining a multi-academy trust is the expected route.",
          ...CONVERSION_STEPS,
          "Set up the academy trust company (articles of association, members and trustees) and register it with Companies House.",
          "Sign the funding agreement; the school opens as an academy on the conversion date.",
        ],
      },
      ACADEMY: notEligible,
      INDEPENDENT: notEligible,
    },
    formation: "SINGLE_SCHOOL",
    exclusiveGroup: "ACADEMY_TRUST",
    mixesSectors: false,
    leavingRule: "STATUTORY_PROCESS",
    noticeDays: null,
    leavingProcedure:
      "An academy leaves its trust only by transferring to another academy trust, approved by DfE's regional director, with a new funding agreement; the single-academy trust is then wound up.",
    typicalCosts:
      "Conversion legal and project costs, largely covered by DfE's £25,000 conversion support grant; then audit, accounts and insurance, often £10,000 to £30,000 a year.",
    advantages: [
      "Full control of budget, curriculum, and staff pay and conditions.",
      "Funded directly by DfE.",
      "Can later join or form a multi-academy trust.",
    ],
    disadvantages: [
      "DfE expects most schools to be in strong multi-academy trusts; new single-academy trusts are rare.",
      "Trustees carry company and charity duties alone.",
      "No built-in support from other schools.",
    ],
    references: [
      "Academies Act 2010",
      "DfE, Academy Trust Handbook",
      "DfE, Converting to an academy",
    ],
  },
  {
    id: "multi-academy-trust",
    name: "Multi-academy trust",
    partnershipType: "MULTI_ACADEMY_TRUST",
    primaryForType: true,
    summary:
      "One academy trust runs several academies, sharing leadership, staff, services and school improvement; the government's preferred model for schools working together.",
    legalForm:
      "One charitable company limited by guarantee running several academies under a master funding agreement and a supplemental funding agreement for each academy.",
    governance:
      "Members appoint trustees, who are accountable for every academy; they delegate to a chief executive and, as the scheme of delegation says, to local governing bodies.",
    joining: {
      MAINTAINED: {
        eligibility: "AFTER_CONVERSION",
        steps: [
          "Choose a trust and agree with its board that the school will join; the trust carries out due diligence.",
          ...CONVERSION_STEPS,
          "The trust signs a supplemental funding agreement; the school opens as an academy in the trust on the conversion date.",
        ],
      },
      ACADEMY: {
        eligibility: "ELIGIBLE",
        steps: [
          "The academy's trust board and the receiving trust's board agree the move.",
          "DfE's regional director approves the transfer.",
          "Due diligence, TUPE consultation of staff and transfer of land, assets and contracts.",
          "The receiving trust signs a supplemental funding agreement; the academy joins on the transfer date.",
        ],
      },
      INDEPENDENT: notEligible,
    },
    formation: "STATUTORY",
    exclusiveGroup: "ACADEMY_TRUST",
    mixesSectors: false,
    leavingRule: "STATUTORY_PROCESS",
    noticeDays: null,
    leavingProcedure:
      "An academy moves to another trust only through a transfer DfE's regional director approves (usually when both trusts agree, or where the trust is failing the school); the receiving trust signs a new supplemental funding agreement.",
    typicalCosts:
      "For maintained schools, conversion as for a single academy (DfE's £25,000 grant helps); then a central services charge, commonly 3% to 7% of each academy's general annual grant.",
    advantages: [
      "Shared leadership, staff development and school improvement across the schools.",
      "Economies of scale in finance, HR, estates and buying.",
      "Strong trusts can take on and turn round struggling schools.",
    ],
    disadvantages: [
      "Local governing bodies keep only the powers the trust delegates.",
      "Leaving is hard: only by a DfE-approved transfer.",
      "The central charge and central decisions may not suit every school.",
    ],
    references: ["Academies Act 2010", "DfE, Academy Trust Handbook", "DfE, Academy transfers"],
  },
  {
    id: "teaching-school-hub",
    name: "Teaching school hub network",
    partnershipType: "TEACHING_SCHOOL_HUB",
    primaryForType: true,
    summary:
      "A school or trust designated by DfE as a teaching school hub leads teacher development (initial teacher training, the early career framework, NPQs) for an area; other schools join its network.",
    legalForm:
      "No new body: the hub school's trust or governing body holds a DfE grant agreement; partner schools take part by agreement.",
    governance:
      "The hub is accountable to DfE for the grant; partner schools keep their own governance.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "Find the teaching school hub for your area.",
          "Agree with the hub which programmes the school will use.",
          "Register staff on the programmes (early career teachers, mentors, NPQs).",
        ],
      },
      ACADEMY: {
        eligibility: "ELIGIBLE",
        steps: [
          "Find the teaching school hub for your area (your trust may already work with one).",
          "Agree with the hub which programmes the school will use.",
          "Register staff on the programmes (early career teachers, mentors, NPQs).",
        ],
      },
      INDEPENDENT: {
        eligibility: "ELIGIBLE",
        steps: [
          "Find the teaching school hub for your area and ask which programmes are open to independent schools (some are funded for state-funded schools only).",
          "Agree terms and any fees with the hub.",
          "Register staff on the programmes.",
        ],
      },
    },
    formation: "DESIGNATION",
    exclusiveGroup: null,
    mixesSectors: false,
    leavingRule: "AT_WILL",
    noticeDays: null,
    leavingProcedure:
      "A partner school can stop using the hub at any time; staff part-way through a programme finish it or move to another provider.",
    typicalCosts:
      "DfE-funded programmes are free to state-funded schools; some other training is charged.",
    advantages: [
      "Access to initial teacher training, the early career framework and NPQs in your area.",
      "Connects the school with an expert network.",
      "No change to the school's status.",
    ],
    disadvantages: [
      "Hubs are designated by DfE: schools cannot create one, only join one.",
      "Programmes are set nationally, with little local flexibility.",
      "Covers teacher development, not governance or wider school improvement.",
    ],
    references: ["DfE, Teaching school hubs"],
  },
  {
    id: "independent-state-school-partnership",
    name: "Independent-state school partnership",
    partnershipType: "INDEPENDENT_STATE_SCHOOL_PARTNERSHIP",
    primaryForType: true,
    summary:
      "Independent and state-funded schools share teaching, facilities and expertise: subject support, enrichment, university preparation and joint staff development.",
    legalForm:
      "None, or a memorandum of understanding; independent schools with charitable status often report the partnership as public benefit.",
    governance:
      "Each school keeps its own governance; a partnership lead in each school plans the joint work.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree goals that matter to both schools and their pupils.",
          "Sign a memorandum of understanding covering safeguarding, data sharing and costs.",
          "Plan the year's activities and evaluate them at the end.",
        ],
      },
      ACADEMY: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree goals that matter to both schools and their pupils (the trust may already have partnerships to build on).",
          "Sign a memorandum of understanding covering safeguarding, data sharing and costs.",
          "Plan the year's activities and evaluate them at the end.",
        ],
      },
      INDEPENDENT: {
        eligibility: "ELIGIBLE",
        steps: [
          "Agree goals with the state schools, set together rather than offered.",
          "Sign a memorandum of understanding covering safeguarding, data sharing and costs.",
          "Plan the year's activities, evaluate them and report them as public benefit where that applies.",
        ],
      },
    },
    ...AGREEMENT_AT_WILL,
    mixesSectors: true,
    leavingProcedure:
      "Either school can end the partnership by telling the other, completing activities already promised to pupils.",
    typicalCosts:
      "Usually met by the independent school (staff time, facilities, sometimes a coordinator); DfE has funded some partnerships with grants.",
    advantages: [
      "Shared facilities, specialist teaching and enrichment (sciences, languages, music, university preparation).",
      "Joint professional development for teachers in both sectors.",
      "Helps charitable independent schools show public benefit.",
    ],
    disadvantages: [
      "Can feel one-sided unless both schools set the goals.",
      "Depends on the independent school's continuing commitment.",
      "Different terms, timetables and safeguarding arrangements need managing.",
    ],
    references: ["DfE, Independent-state school partnerships"],
  },
  {
    id: "school-improvement-board",
    name: "School improvement board",
    partnershipType: "SCHOOL_IMPROVEMENT_BOARD",
    primaryForType: true,
    summary:
      "A board convened by a local authority or a group of schools (often with a diocese and trusts) that reviews standards across an area and brokers support where it is needed.",
    legalForm:
      "None: the board works to terms of reference agreed by its members; a council convening it acts under its duty to promote high standards (section 13A of the Education Act 1996).",
    governance:
      "Headteachers, trust leaders, governors and the local authority sit on the board; it allocates support and brokers partnerships, while each school's governing body or trust stays accountable.",
    joining: {
      MAINTAINED: {
        eligibility: "ELIGIBLE",
        steps: [
          "Ask the local authority or the board's chair to join.",
          "Agree the terms of reference and what the school contributes (leaders' time, data).",
          "Take part in the board's reviews and support programmes.",
        ],
      },
      ACADEMY: {
        eligibility: "ELIGIBLE",
        steps: [
          "The trust agrees to take part (academies join voluntarily).",
          "Agree the terms of reference and what the school contributes (leaders' time, data).",
          "Take part in the board's reviews and support programmes.",
        ],
      },
      INDEPENDENT: notEligible,
    },
    ...AGREEMENT_AT_WILL,
    leavingProcedure:
      "A school leaves by telling the board; support it has been allocated is reviewed and may be offered to another school.",
    typicalCosts:
      "Often funded from the council's school improvement budget or money schools forum agrees to de-delegate; schools contribute leaders' time.",
    advantages: [
      "An area-wide view of where support is most needed.",
      "Brings maintained schools and academies to one table.",
      "Lets a council broker support without running the schools.",
    ],
    disadvantages: [
      "No power over academies' decisions.",
      "Depends on council funding, which has shrunk.",
      "Can duplicate what trusts already do for their schools.",
    ],
    references: ["Education Act 1996, section 13A", "DfE, Schools causing concern"],
  },
];
