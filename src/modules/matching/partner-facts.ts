/**
 * What partner matching knows of each school beyond the similarity index: its need band, its age
 * range, and each outcome figure with the year it describes and its dataset. From these it works
 * out the newest year of each figure and the England median of that year, which decide who is
 * strong on a focus (matching.rules.ts), and which schools have recorded offers. Held once per
 * process and read again when need bands, figures or offers may have changed (PartnerFactsStore):
 * at once after an offer is changed through this process, within DATA_VERSION_MAX_AGE_MS (and
 * the reload) after one made through another.
 */
import {
  areasChanged,
  dataVersionKey,
  type DataVersion,
  type DataVersions,
} from "../../db/data-version.js";
import { OUTCOME_FEATURES, type OutcomeFeature } from "../similarity/features.js";
import { quantileSorted } from "../similarity/stats.js";
import { FOCUS_KEY_STAGE, type KeyStage } from "./matching.rules.js";

/** One figure as the graph holds it. `year` is an academic year ("2024/25"), or for the Ofsted grade the inspection date. */
export interface DatedFigure {
  value: number;
  year: string | null;
  source: string | null;
}

export interface SchoolFacts {
  urn: number;
  needBand: number | null;
  /** Statutory high age; null when unknown. */
  highAge: number | null;
  figures: { readonly [F in OutcomeFeature]?: DatedFigure };
  /** Progress 8's 95% confidence interval (2023/24 on); null when not published. */
  progress8Lower: number | null;
  progress8Upper: number | null;
  /** Whether it has recorded offers: only such candidates' offers are read at request time. */
  offersTopics: boolean;
}

/** The England median of a figure over the schools with a figure for its newest year. */
export interface EnglandMedian {
  value: number;
  year: string | null;
  /** The dataset most of those figures came from. */
  source: string | null;
  schools: number;
}

export class PartnerFacts {
  private readonly byUrn = new Map<number, SchoolFacts>();
  /** Per figure, the newest year any school has it for. */
  readonly newestYear: { readonly [F in OutcomeFeature]: string | null };
  readonly englandMedian: { readonly [F in OutcomeFeature]: EnglandMedian | null };

  constructor(schools: readonly SchoolFacts[]) {
    for (const school of schools) this.byUrn.set(school.urn, school);
    const newest = {} as { [F in OutcomeFeature]: string | null };
    const medians = {} as { [F in OutcomeFeature]: EnglandMedian | null };
    for (const feature of OUTCOME_FEATURES) {
      // The Ofsted grade is dated by inspection: every school's latest judgement is current.
      let year: string | null = null;
      if (feature !== "ofstedGrade") {
        for (const school of schools) {
          const figureYear = school.figures[feature]?.year ?? null;
          if (figureYear !== null && (year === null || figureYear > year)) year = figureYear;
        }
      }
      newest[feature] = year;
      const current = schools.flatMap((school) => {
        const figure = school.figures[feature];
        return figure && (feature === "ofstedGrade" || figure.year === year) ? [figure] : [];
      });
      medians[feature] = current.length === 0 ? null : medianOf(current, year);
    }
    this.newestYear = newest;
    this.englandMedian = medians;
  }

  get size(): number {
    return this.byUrn.size;
  }

  school(urn: number): SchoolFacts | null {
    return this.byUrn.get(urn) ?? null;
  }

  /** The newest year of any figure of the key stage. */
  keyStageYear(stage: KeyStage): string | null {
    let year: string | null = null;
    for (const feature of OUTCOME_FEATURES) {
      const figureYear = this.newestYear[feature];
      if (FOCUS_KEY_STAGE[feature] === stage && figureYear !== null) {
        if (year === null || figureYear > year) year = figureYear;
      }
    }
    return year;
  }

  /**
   * Whether a figure is published for the newest year of its key stage (KS2 progress scores,
   * last published for 2018/19, are not while KS2 attainment runs to 2024/25). The Ofsted grade
   * always is.
   */
  isCurrentFigure(feature: OutcomeFeature): boolean {
    const stage = FOCUS_KEY_STAGE[feature];
    if (stage === null) return true;
    const year = this.newestYear[feature];
    return year !== null && year === this.keyStageYear(stage);
  }

  /** The school's figure when it is of the figure's newest year; null otherwise. */
  currentFigure(urn: number, feature: OutcomeFeature): DatedFigure | null {
    const figure = this.byUrn.get(urn)?.figures[feature];
    if (!figure) return null;
    return feature === "ofstedGrade" || figure.year === this.newestYear[feature] ? figure : null;
  }
}

function medianOf(figures: readonly DatedFigure[], year: string | null): EnglandMedian {
  const sorted = Float64Array.from(figures, (figure) => figure.value).sort();
  const sources = new Map<string, number>();
  for (const { source } of figures) {
    if (source !== null) sources.set(source, (sources.get(source) ?? 0) + 1);
  }
  const source = [...sources].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return {
    value: quantileSorted(sorted, 0.5),
    year,
    source: source ?? null,
    schools: figures.length,
  };
}

/** Where the facts come from; MatchingRepository in the application. */
export interface PartnerFactsSource {
  findPartnerFacts(): Promise<SchoolFacts[]>;
}

/**
 * The data version's areas (cypher/ folders) whose writes can change the facts: need bands
 * (gaps), family runs and their figures (similarity), offers, and data loads (seed, data).
 */
const FACT_AREAS = new Set(["gaps", "similarity", "offers", "seed", "data"]);

/**
 * The process-wide PartnerFacts: read on first use, and read again when the graph's data version
 * says need bands, figures or offers may have changed. Every use compares the version (which the
 * process reads at most once per DATA_VERSION_MAX_AGE_MS, and at once after its own writes) and
 * reloads in the background: requests keep the facts they have until the new ones are complete.
 * `catchUp()` waits for the reload instead, for a request that must see a write (a bookmark sent
 * back). A failed read is not kept.
 */
export class PartnerFactsStore {
  private held: { version: DataVersion; facts: PartnerFacts } | null = null;
  private loading: Promise<PartnerFacts> | null = null;
  private stale = false;

  constructor(
    private readonly source: PartnerFactsSource,
    private readonly versions: DataVersions,
  ) {}

  /** After a change made through this process (an offer): the next read waits for fresh facts. */
  invalidate(): void {
    this.stale = true;
  }

  async current(): Promise<PartnerFacts> {
    if (!this.held) return this.load();
    if (this.stale) {
      this.stale = false;
      return this.load();
    }
    const held = this.held;
    void this.versions
      .get()
      .then((version) => (this.outdated(held, version) ? this.load() : undefined))
      .catch(() => undefined);
    return held.facts;
  }

  /** Reloads now, and waits, when the data version says the facts may have changed. */
  async catchUp(): Promise<void> {
    const held = this.held;
    if (!held) return;
    if (this.outdated(held, await this.versions.get())) await this.load();
  }

  private outdated(held: { version: DataVersion }, version: DataVersion): boolean {
    if (this.held !== held || dataVersionKey(version) === dataVersionKey(held.version)) {
      return false;
    }
    const changed = areasChanged(held.version, version);
    return changed === null || changed.some((area) => FACT_AREAS.has(area));
  }

  private load(): Promise<PartnerFacts> {
    this.loading ??= (async () => {
      try {
        // The version is read before the facts: the facts are never older than the version held.
        const version = await this.versions.get();
        const facts = new PartnerFacts(await this.source.findPartnerFacts());
        this.held = { version, facts };
        return facts;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
