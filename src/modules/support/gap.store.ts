/**
 * The support snapshot, held in memory once per process and shared by every request, with what
 * is computed from it (the reach index, gap results, assignments) memoised beside it.
 *
 * Before each use (once per request, see GapService) the store asks for the graph's data version
 * (one read shared by every store, see db/data-version.ts). When it differs from the snapshot's,
 * or the date has changed (an engagement's end passing), the snapshot is read again and
 * everything memoised is dropped with it. So figures are computed once per change of data, not
 * once per query.
 */
import {
  areasChanged,
  dataVersionKey,
  type DataVersion,
  type DataVersions,
} from "../../db/data-version.js";
import type { SnapshotEngagement, SupportSnapshot } from "./gap.model.js";
import {
  areaGroups,
  buildReachIndex,
  computeGaps,
  LeaderGrid,
  type AreaGroup,
  type GapParameters,
  type GapResult,
  type ReachIndex,
} from "./gap-index.js";
import { DEFAULT_GAP_PARAMETERS, MAX_SENSITIVITY_CHANGE } from "./support.rules.js";
import { openEngagementCounts, type SnapshotSource } from "./gap.repository.js";
import { trustSupports, type TrustSupport } from "./gap-index.js";
import { assignHubAreas, type HubAreas } from "./hub-areas.js";
import { Memo, VersionedValue } from "../common/versioned.js";

/** A snapshot with its indexes and a memo of everything computed from it. */
export class PreparedSnapshot extends Memo {
  readonly grid: LeaderGrid;
  readonly index: ReachIndex;
  readonly groups: AreaGroup[];
  /** Which LAs each Teaching School Hub serves (support.rules.ts). */
  readonly hubAreas: HubAreas;
  /** Trusts whose strong schools support their own schools in need. */
  readonly trusts: TrustSupport[];
  readonly schoolPosition: ReadonlyMap<number, number>;
  readonly leaderPosition: ReadonlyMap<string, number>;
  /** Schools with an open support engagement. */
  readonly supportedUrns: ReadonlySet<number>;
  /** True when at least one school has a need band. */
  readonly hasNeedBands: boolean;

  /**
   * `reuse` hands over the indexes of a snapshot with the same schools and leaders in the same
   * order: only the engagements differ, and no index depends on them.
   */
  constructor(
    readonly snapshot: SupportSnapshot,
    reuse?: PreparedSnapshot,
  ) {
    super();
    this.grid = reuse?.grid ?? new LeaderGrid(snapshot.leaders);
    this.hubAreas = reuse?.hubAreas ?? hubAreasOf(snapshot);
    this.trusts = reuse?.trusts ?? trustSupports(snapshot);
    this.index =
      reuse?.index ??
      buildReachIndex(snapshot, this.grid, 1 + MAX_SENSITIVITY_CHANGE, this.hubAreas);
    this.groups = reuse?.groups ?? areaGroups(snapshot);
    this.schoolPosition =
      reuse?.schoolPosition ?? new Map(snapshot.schools.map((school, i) => [school.urn, i]));
    this.leaderPosition =
      reuse?.leaderPosition ?? new Map(snapshot.leaders.map((leader, i) => [leader.id, i]));
    this.supportedUrns = new Set(snapshot.engagements.filter((e) => e.open).map((e) => e.urn));
    this.hasNeedBands = snapshot.schools.some((school) => school.needBand !== null);
  }

  /** The same schools and leaders with these engagements (and the open counts they give). */
  withEngagements(engagements: SnapshotEngagement[]): PreparedSnapshot {
    const open = openEngagementCounts(engagements);
    const leaders = this.snapshot.leaders.map((leader) => ({
      ...leader,
      openEngagements: open.get(leader.id) ?? 0,
    }));
    return new PreparedSnapshot({ ...this.snapshot, leaders, engagements }, this);
  }

  gaps(parameters: GapParameters = DEFAULT_GAP_PARAMETERS): GapResult {
    return this.memoize(`gaps:${JSON.stringify(parameters)}`, () =>
      computeGaps(this.snapshot, this.index, parameters, this.groups, this.trusts),
    );
  }
}

/** Hub areas from the snapshot: each LA's position is the mean of its located schools'. */
export function hubAreasOf(snapshot: SupportSnapshot): HubAreas {
  const sums = new Map<number, { latitude: number; longitude: number; count: number }>();
  for (const school of snapshot.schools) {
    if (school.laCode === null || school.latitude === null || school.longitude === null) continue;
    const sum = sums.get(school.laCode) ?? { latitude: 0, longitude: 0, count: 0 };
    sum.latitude += school.latitude;
    sum.longitude += school.longitude;
    sum.count++;
    sums.set(school.laCode, sum);
  }
  const hubs = snapshot.leaders.flatMap((leader, key) =>
    leader.designation === "TEACHING_SCHOOL_HUB" && leader.hubCode !== null && !leader.synthetic
      ? [{ key, ...leader, hubCode: leader.hubCode }]
      : [],
  );
  const areas = snapshot.localAuthorities.map((la) => {
    const sum = sums.get(la.code);
    return {
      code: la.code,
      name: la.name,
      regionCode: la.regionCode,
      latitude: sum ? sum.latitude / sum.count : null,
      longitude: sum ? sum.longitude / sum.count : null,
    };
  });
  return assignHubAreas(hubs, areas);
}

/** Areas written that the snapshot holds nothing of: the audit event every write records. */
const NOT_IN_SNAPSHOT = new Set(["audit"]);

/** True when, of everything the snapshot holds, only support engagements were written. */
export function onlyEngagementsChanged(before: DataVersion, after: DataVersion): boolean {
  const changed = areasChanged(before, after)?.filter((area) => !NOT_IN_SNAPSHOT.has(area));
  return (
    changed !== undefined && changed.length > 0 && changed.every((area) => area === "engagements")
  );
}

export class SupportDataStore {
  private readonly held = new VersionedValue<PreparedSnapshot>();
  /** The version of what is held, to tell when only engagements changed. */
  private version: DataVersion | null = null;

  constructor(
    private readonly source: SnapshotSource,
    private readonly versions: DataVersions,
  ) {}

  /**
   * The snapshot for the data as it is now, read again only when the data version changed.
   * When only support engagements changed (one was recorded or closed), only they are read
   * again and the indexes are kept: that is a few milliseconds rather than a full read.
   */
  async current(): Promise<PreparedSnapshot> {
    const version = await this.versions.get();
    return this.held.get(dataVersionKey(version), (previous) => {
      const incremental =
        previous !== null && this.version !== null && onlyEngagementsChanged(this.version, version);
      this.version = version;
      return incremental
        ? Promise.all([previous, this.source.loadEngagements()]).then(([prepared, engagements]) =>
            prepared.withEngagements(engagements),
          )
        : this.source.loadSnapshot().then((snapshot) => new PreparedSnapshot(snapshot));
    });
  }

  /** Drops the snapshot, for writers in this process that change what it holds. */
  invalidate(): void {
    this.held.clear();
    this.version = null;
  }
}
