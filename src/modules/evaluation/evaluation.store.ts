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

  constructor(private readonly source: ImpactSource) {}

  async current(): Promise<PreparedImpactSnapshot> {
    const version: ImpactDataVersion = await this.source.findDataVersion();
    return this.held.get(JSON.stringify(version), () =>
      this.source.loadSnapshot(version).then((snapshot) => new PreparedImpactSnapshot(snapshot)),
    );
  }
}
