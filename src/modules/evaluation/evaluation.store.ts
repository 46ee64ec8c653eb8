/**
 * The evaluation snapshot (every school's series and family, every membership), read once per
 * process and shared by every request, with the national baseline and each answer memoised
 * beside it. Before each use the store reads the data version (current FamilyRun, counts of
 * schools and memberships, memberships ended, latest joining date, when sources were last loaded: a few
 * milliseconds); when it differs, the snapshot is read again and the memo dropped.
 */
import type { ImpactDataVersion, ImpactSnapshot } from "./evaluation.model.js";
import type { ImpactSource } from "./evaluation.repository.js";
import { IMPACT_MEASURES } from "./evaluation.model.js";
import { buildBaseline, type ImpactBaseline } from "./impact.js";
import { FreshVersion, Memo, VersionedValue, type Freshness } from "../common/versioned.js";

export class PreparedImpactSnapshot extends Memo {
  readonly baseline: ImpactBaseline;

  constructor(readonly snapshot: ImpactSnapshot) {
    super();
    this.baseline = buildBaseline(snapshot.schools, IMPACT_MEASURES);
  }
}

export class ImpactDataStore {
  private readonly held = new VersionedValue<PreparedImpactSnapshot>();

  private readonly versions: FreshVersion<ImpactDataVersion>;

  /** `freshness` says how often the data version is read (FreshVersion); every use by default. */
  constructor(
    private readonly source: ImpactSource,
    freshness?: Freshness,
  ) {
    this.versions = new FreshVersion(() => source.findDataVersion(), freshness);
  }

  async current(): Promise<PreparedImpactSnapshot> {
    const version: ImpactDataVersion = await this.versions.get();
    return this.held.get(JSON.stringify(version), () =>
      this.source.loadSnapshot(version).then((snapshot) => new PreparedImpactSnapshot(snapshot)),
    );
  }
}
