/**
 * Proposals memoised per (LA, target size, mixPhases), held once per process and shared by every
 * request. Proposals are deterministic, but building them costs up to a second of CPU for the
 * largest LAs at small target sizes, on the one thread every request shares, and anyone may ask.
 *
 * Before each use the store asks for the graph's data version (one read shared by every store,
 * see db/data-version.ts); a set built under another version is built again. The version is read
 * before the candidates, so a change landing between the two reads is caught by the next request
 * (its version differs), never hidden. Any write moves the version, so a write anywhere rebuilds
 * an LA's proposals when they are next asked for: writes are rare beside reads, and a rebuild
 * costs at most about a second for the largest LA. The memo is least-recently-used and bounded,
 * so callers varying the parameters cannot grow it without limit.
 */
import { dataVersionKey, type DataVersions } from "../../db/data-version.js";
import type { ClusterCandidates, ClusterProposalRecord } from "./cluster.model.js";
import { buildProposals, type ProposalParameters } from "./cluster.rules.js";

/** Enough for every parameter set a few councils are comparing at once. */
export const DEFAULT_PROPOSAL_CAPACITY = 64;

/** What the store reads (ClusterRepository). */
export interface ClusterDataSource {
  /** The LA's candidate schools; null when no LA has the code. */
  candidates(laCode: number): Promise<ClusterCandidates | null>;
}

/** Proposals for one LA and parameter set, with the schools that could not be placed. */
export interface ProposalSet {
  proposals: ClusterProposalRecord[];
  /** Open state-funded schools without a location, in URN order. */
  unplacedUrns: number[];
}

/** Something read or built under one data version, shared by whoever asks while it is current. */
interface Held<T> {
  version: string;
  value: Promise<T>;
}

export class ClusterProposalStore {
  /** Keyed by LA and parameters, least recently used first. */
  private readonly entries = new Map<string, Held<ProposalSet | null> & { laCode: number }>();
  /**
   * The candidates of each LA some entry was built from: other parameters for the same LA are
   * built from them without reading again, and every set of one LA shares one copy of its
   * school records, which are most of what a set weighs. Dropped with the LA's last entry.
   */
  private readonly candidateSets = new Map<number, Held<ClusterCandidates | null>>();

  constructor(
    private readonly source: ClusterDataSource,
    private readonly versions: DataVersions,
    readonly capacity = DEFAULT_PROPOSAL_CAPACITY,
  ) {}

  /** How many parameter sets are held. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The proposals for the data as it is now, built only when the data version differs from the
   * one they were built under; null when no LA has the code. Callers share the records
   * returned and must not change them.
   */
  async proposals(laCode: number, parameters: ProposalParameters): Promise<ProposalSet | null> {
    const versionKey = dataVersionKey(await this.versions.get());
    const key = `${laCode}|${parameters.targetSize}|${parameters.mixPhases}`;

    const held = this.entries.get(key);
    // Re-inserted on every use, so the Map's order runs from least to most recently used.
    this.entries.delete(key);
    if (held !== undefined && held.version === versionKey) {
      this.entries.set(key, held);
      return held.value;
    }

    const value = this.candidatesFor(laCode, versionKey).then(
      (candidates) => candidates && toProposalSet(candidates, parameters),
    );
    const entry = { version: versionKey, value, laCode };
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.dropCandidatesIfUnused(oldest.laCode);
    }
    // Neither a failed read nor an LA gone since its version was read is kept.
    const forget = () => {
      if (this.entries.get(key) !== entry) return;
      this.entries.delete(key);
      this.dropCandidatesIfUnused(laCode);
    };
    value.then((result) => result ?? forget(), forget);
    return value;
  }

  private candidatesFor(laCode: number, version: string): Promise<ClusterCandidates | null> {
    const held = this.candidateSets.get(laCode);
    if (held !== undefined && held.version === version) return held.value;
    const entry = { version, value: this.source.candidates(laCode) };
    this.candidateSets.set(laCode, entry);
    const forget = () => {
      if (this.candidateSets.get(laCode) === entry) this.candidateSets.delete(laCode);
    };
    entry.value.then((candidates) => candidates ?? forget(), forget);
    return entry.value;
  }

  private dropCandidatesIfUnused(laCode: number): void {
    for (const entry of this.entries.values()) if (entry.laCode === laCode) return;
    this.candidateSets.delete(laCode);
  }
}

function toProposalSet(candidates: ClusterCandidates, parameters: ProposalParameters): ProposalSet {
  return {
    proposals: buildProposals(candidates, parameters),
    unplacedUrns: candidates.schools
      .filter((candidate) => candidate.school.location === null)
      .map((candidate) => candidate.school.urn),
  };
}
