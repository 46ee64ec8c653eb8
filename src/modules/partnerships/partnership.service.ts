import { decodeCursor, pageSize, toPage, type Page } from "../common/pagination.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { PartnershipLoaders } from "./partnership.loaders.js";
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

  constructor(private readonly loaders: PartnershipLoaders) {}

  async byId(id: string): Promise<PartnershipRecord | null> {
    if (id.length === 0 || id.length > MAX_ID_LENGTH) return null;
    return this.loaders.partnershipById.load(id);
  }

  async membershipsOfSchool(urn: number): Promise<MembershipRecord[]> {
    return (await this.loaders.membershipsByUrn.load(urn)).current;
  }

  /** Memberships the school has ended (left the trust), newest first. */
  async formerMembershipsOfSchool(urn: number): Promise<MembershipRecord[]> {
    return (await this.loaders.membershipsByUrn.load(urn)).former;
  }

  /**
   * A page of a partnership's members in (name, urn) order. Pages for many partnerships in
   * one request are fetched together, whatever their size or position.
   */
  async members(
    partnershipId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<MemberRecord>> {
    const size = pageSize(first, "first");
    const position = decodeCursor(after, "after");
    const slice = await this.loaders.membersPage.load({
      partnershipId,
      first: size,
      after: position,
    });
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
