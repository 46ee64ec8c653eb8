import { decodeCursor, pageSize, toPage, type Page } from "../common/pagination.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { MaybePromise } from "../common/loaders.js";
import { membersPageCacheKey, type PartnershipLoaders } from "./partnership.loaders.js";
import type {
  MemberRecord,
  MembersSlice,
  MembershipRecord,
  PartnershipRecord,
} from "./partnership.model.js";

/** Ids we issue are short; a longer one cannot name a partnership and is not looked up. */
const MAX_ID_LENGTH = 200;

export class PartnershipService {
  /**
   * Each slice's page, built once: a partnership named under a hundred schools of one answer is
   * the same page a hundred times, and a page holds an edge and a cursor per member.
   */
  private readonly pages = new WeakMap<MembersSlice, Page<MemberRecord>>();
  /** First pages kept from school statements, by membersPageCacheKey. */
  private readonly heldSlices = new Map<string, MembersSlice>();

  constructor(private readonly loaders: PartnershipLoaders) {}

  async byId(id: string): Promise<PartnershipRecord | null> {
    if (id.length === 0 || id.length > MAX_ID_LENGTH) return null;
    return this.loaders.partnershipById.load(id);
  }

  membershipsOfSchool(urn: number): MaybePromise<MembershipRecord[]> {
    return this.loaders.membershipsByUrn.get(urn);
  }

  /** Memberships the school has ended (left the trust), newest first. */
  formerMembershipsOfSchool(urn: number): MaybePromise<MembershipRecord[]> {
    return this.loaders.formerMembershipsByUrn.get(urn);
  }

  /**
   * Keeps what a school statement read with its schools when the operation asked for it: each
   * school's memberships, and first pages of `size` members of the partnerships they name. The
   * fields then answer from them at once.
   */
  prime(
    memberships: ReadonlyMap<number, MembershipRecord[]>,
    firstMembers: ReadonlyMap<string, MembersSlice>,
    size: number | null,
  ): void {
    for (const [urn, list] of memberships) this.loaders.membershipsByUrn.prime(urn, list);
    if (size === null) return;
    for (const [partnershipId, slice] of firstMembers) {
      this.heldSlices.set(membersPageCacheKey({ partnershipId, first: size, after: null }), slice);
    }
  }

  /**
   * A page of a partnership's members in (name, urn) order. Pages for many partnerships in
   * one request are fetched together, whatever their size or position; a first page read with
   * the schools naming the partnership is answered at once.
   */
  members(
    partnershipId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): MaybePromise<Page<MemberRecord>> {
    const size = pageSize(first, "first");
    const key = { partnershipId, first: size, after: decodeCursor(after, "after") };
    const held = this.heldSlices.get(membersPageCacheKey(key));
    if (held !== undefined) return this.pageOf(held, size);
    return this.loaders.membersPage.load(key).then((slice) => this.pageOf(slice, size));
  }

  private pageOf(slice: MembersSlice, size: number): Page<MemberRecord> {
    let page = this.pages.get(slice);
    if (!page) {
      page = toPage(slice.members, size, (member) => member.school, slice.total);
      this.pages.set(slice, page);
    }
    return page;
  }

  leaders(partnershipId: string): Promise<Leadership[]> {
    return this.loaders.leadersById.load(partnershipId);
  }
}
