/**
 * The evaluation snapshot (every school's series and family, every membership), read once per
 * process and shared by every request, with the national baseline and each answer memoised
 * beside it. Before each use the store asks for the graph's data version (one read shared by
 * every store, see db/data-version.ts); when it has moved on, or the date has changed (a notice
 * running out ends a membership), the snapshot is read again and the memo dropped.
 */
import { dataVersionKey, type DataVersions } from "../../db/data-version.js";
import type { ImpactSnapshot } from "./evaluation.model.js";
import type { ImpactSource } from "./evaluation.repository.js";
import { IMPACT_MEASURES } from "./evaluation.model.js";
import { buildBaseline, type ImpactBaseline } from "./evaluation.rules.js";
import { Memo, VersionedValue } from "../common/versioned.js";

export class PreparedImpactSnapshot extends Memo {
  readonly baseline: ImpactBaseline;

  constructor(readonly snapshot: ImpactSnapshot) {
    super();
    this.baseline = buildBaseline(snapshot.schools, IMPACT_MEASURES);
  }
}

export class ImpactDataStore {
  private readonly held = new VersionedValue<PreparedImpactSnapshot>();

  constructor(
    private readonly source: ImpactSource,
    private readonly versions: DataVersions,
  ) {}

  async current(): Promise<PreparedImpactSnapshot> {
    const version = await this.versions.get();
    return this.held.get(dataVersionKey(version), () =>
      this.source.loadSnapshot().then((snapshot) => new PreparedImpactSnapshot(snapshot)),
    );
  }
}
