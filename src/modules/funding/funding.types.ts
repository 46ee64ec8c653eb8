import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/connection.types.js";
import { LocalAuthority, Region } from "../geography/geography.types.js";
import { FUNDS, type Fund } from "./funding.model.js";
import { graphqlEnum } from "../common/enums.js";

export const FundEnum = graphqlEnum(FUNDS, {
  name: "Fund",
  description:
    "The programme a school improvement grant came from; OTHER with a fundName for any other.",
});

const PENCE_FLOAT =
  "Pence, as a Float because sums can pass the 32-bit Int range; exact up to 2^53 pence.";

@ObjectType({
  description:
    "A school improvement grant to one school or one partnership. No open data lists grants, so every one is recorded through the API (recordGrant).",
})
export class Grant {
  @Field(() => ID, { description: "svc-<uuid>." })
  id!: string;

  @Field(() => FundEnum)
  fund!: Fund;

  @Field(() => String, { description: 'E.g. "Strategic School Improvement Fund".' })
  fundName!: string;

  @Field(() => Int, { description: "The award in pence (at most 2,000,000,000)." })
  amountPence!: number;

  @Field(() => Int, { description: "Money matched by others, in pence; 0 when none." })
  matchedPence!: number;

  @Field(() => String, { nullable: true, description: "Who matched it, e.g. the council." })
  matchedBy!: string | null;

  @Field(() => String, { description: "Who awarded it, e.g. the Department for Education." })
  funder!: string;

  @Field(() => LocalDateResolver)
  awardedOn!: string;

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver)
  endsOn!: string;

  @Field(() => String)
  purpose!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The URN of the school it was awarded to, whether or not that school is still open; null for a grant to a partnership. In School.grants, a URN other than the school's own marks a grant to a school it replaced.",
  })
  recipientUrn!: number | null;

  @Field(() => DateTimeResolver, { nullable: true })
  createdAt!: string | null;
}

@ObjectType("GrantEdge")
export class GrantEdge {
  @Field(() => String, { description: "Opaque position of this edge, for `after`." })
  cursor!: string;

  @Field(() => Grant)
  node!: Grant;
}

@ObjectType({ description: "Grants, newest award first." })
export class GrantConnection {
  @Field(() => [GrantEdge])
  edges!: GrantEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

// The three bases below exist for their fields: no field returns them, so they are not emitted
// (type-graphql 2 has no `isAbstract` option; unreferenced types are left out of the schema).

/** Awarded and matched money, as every funding figure carries it. */
@ObjectType()
abstract class FundingMoney {
  @Field(() => Float, { description: `Awarded money. ${PENCE_FLOAT}` })
  awardedPence!: number;

  @Field(() => Float, { description: `Matched money. ${PENCE_FLOAT}` })
  matchedPence!: number;
}

/** A breakdown row: its money with the two added up. */
@ObjectType()
abstract class FundingMoneyRow extends FundingMoney {
  @Field(() => Float, { description: `Awarded plus matched. ${PENCE_FLOAT}` })
  pence!: number;
}

/** A breakdown row over a set of schools, so its money can be put per pupil. */
@ObjectType()
abstract class FundingSchoolsRow extends FundingMoneyRow {
  @Field(() => Float, { description: "Pupils on roll in the row's open schools." })
  pupils!: number;

  @Field(() => Float, { nullable: true, description: "pence / pupils; null with no pupils." })
  perPupilPence!: number | null;

  @Field(() => Int, { description: "Schools some money lands on." })
  schoolsFunded!: number;
}

@ObjectType({ description: "Money landing on one local authority's schools." })
export class FundingAreaRow extends FundingSchoolsRow {
  @Field(() => Int, { description: "3-digit DfE LA code." })
  localAuthorityCode!: number;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType({ description: "Money landing on schools of one need band." })
export class FundingBandRow extends FundingSchoolsRow {
  @Field(() => Int, { nullable: true, description: "1 (most need) to 4; null: not banded." })
  band!: number | null;

  @Field(() => Int, { description: "Open schools of the band in the area." })
  schools!: number;
}

@ObjectType({ description: "Money of one fund landing in the area." })
export class FundingFundRow extends FundingMoneyRow {
  @Field(() => FundEnum)
  fund!: Fund;

  @Field(() => Int, { description: "Grants some of whose money lands in the area." })
  grants!: number;
}

@ObjectType({ description: "Part of the report's total (awarded plus matched)." })
export class FundingShare {
  @Field(() => Float, { description: PENCE_FLOAT })
  pence!: number;

  @Field(() => Float, { description: "pence / totalPence, 0 to 1; 0 when nothing was funded." })
  share!: number;
}

@ObjectType({
  description:
    "Where the money of school improvement grants awarded in a window lands in an area. A grant to a school lands on it; one to a partnership is shared among its member schools when it was awarded (a School Improvement Board's: the schools of the clusters it oversees) in proportion to pupils (a member without a count is given the mean of the others; equal shares when none has one), in whole pence by largest remainder, matched money likewise. The shares are fixed at award and stored, so later membership changes do not move them. Only the shares landing on the area's schools count.",
})
export class FundingReport extends FundingMoney {
  @Field(() => Region, { nullable: true, description: "Null for an LA or for England." })
  region!: unknown;

  @Field(() => LocalAuthority, { nullable: true, description: "Null for a region or England." })
  localAuthority!: unknown;

  @Field(() => LocalDateResolver, { nullable: true, description: "Grants awarded on or after." })
  from!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Grants awarded on or before." })
  to!: string | null;

  @Field(() => Int, {
    description:
      "Grants some of whose money landed in the area when awarded; for England also those whose money is unallocated.",
  })
  grants!: number;

  @Field(() => Float, { description: `awardedPence + matchedPence. ${PENCE_FLOAT}` })
  totalPence!: number;

  @Field(() => Float, {
    description: `England only: money of grants stored without shares on schools, so it landed nowhere (recordGrant always stores shares; this keeps any grant lacking them visible); 0 for an area. ${PENCE_FLOAT}`,
  })
  unallocatedPence!: number;

  @Field(() => Int, { description: "Open schools in the area." })
  schools!: number;

  @Field(() => Float, { description: "Pupils on roll in the area's open schools." })
  pupils!: number;

  @Field(() => Float, { nullable: true, description: "totalPence / pupils; null with no pupils." })
  perPupilPence!: number | null;

  @Field(() => Int, { description: "Schools in the area some money lands on." })
  schoolsFunded!: number;

  @Field(() => [FundingAreaRow], {
    description: "Per local authority, most money first; one row when an LA is asked for.",
  })
  byArea!: FundingAreaRow[];

  @Field(() => [FundingBandRow], { description: "Need bands 1 to 4, then unbanded." })
  byNeedBand!: FundingBandRow[];

  @Field(() => [FundingFundRow], { description: "Funds with money in the area, in Fund order." })
  byFund!: FundingFundRow[];

  @Field(() => FundingShare, {
    description:
      "Money landing on rural schools: ONS RUC2011 rural town and fringe, village or hamlet (School.rural).",
  })
  rural!: FundingShare;

  @Field(() => FundingShare, {
    description:
      "Money landing on coastal schools (School.coastal: the ONS coastal-towns flag where the school's town is classified, otherwise within 5 km of the Natural Earth 1:10m coastline; see School.coastalDefinition).",
  })
  coastal!: FundingShare;
}
