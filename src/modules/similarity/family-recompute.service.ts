import { authorize } from "../../auth/policy.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import { ConflictError, ValidationError } from "../../errors/index.js";
import type { ConnectionSettings } from "../../db/connection.js";
import type { DatabaseOptions } from "../../db/driver.js";
import { runChildTask, workerBeside } from "../common/child-task.js";
import type { FamilyRecomputeInput } from "./family-recompute.worker.js";
import type { FamilyRunRecord, FamilyRunStamp } from "./family.model.js";
import {
  runFamilies,
  type FamilyRunOutcome,
  type FamilyRunRequest,
  type FamilyStore,
} from "./family-run.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import { checkWholeNumber } from "../common/checks.js";

/** What recomputeFamilies needs of storage: the families store, runs by version, audit. */
export interface RecomputeStore extends FamilyStore {
  findRunsByVersions(versions: readonly number[]): Promise<Map<number, FamilyRunRecord>>;
  recordRecompute(
    before: FamilyRunStamp | null,
    after: FamilyRunRecord,
    origin: WriteOrigin,
  ): Promise<void>;
}

/** The index answering similarity and matching, rebuilt once a new run is current. */
export interface RefreshableIndex {
  refresh(): Promise<unknown>;
}

export const TARGET_SIZE_RANGE = { min: 10, max: 500 } as const;
export const SEED_RANGE = { min: 0, max: 2_147_483_647 } as const;

/** Runs the families computation; by default in this process, in the server in a child process. */
export type FamiliesRunner = (request: FamilyRunRequest) => Promise<FamilyRunOutcome>;

/** One recompute per process at a time: a run reads and clusters every school in England. */
let running = false;

function bounded(name: string, value: number | null, range: { min: number; max: number }) {
  return value === null ? undefined : checkWholeNumber(value, range.min, range.max, name);
}

/**
 * The server's runner: the computation in a child process at a lower operating-system priority
 * (common/child-task.ts, family-recompute.worker.ts) over its own connection to `db`'s database,
 * so the half minute of clustering does not hold up the server's requests.
 */
export function familiesInChildProcess(db: {
  settings: ConnectionSettings;
  options: DatabaseOptions;
}): FamiliesRunner {
  const worker = workerBeside(import.meta.url, "./family-recompute.worker");
  return (request) =>
    runChildTask<FamilyRecomputeInput, FamilyRunOutcome>(worker, {
      connection: db.settings,
      options: db.options,
      request,
    });
}

/** Recomputes the families of similar schools (admins only), as `npm run families` does. */
export class FamilyRecomputeService {
  constructor(
    private readonly store: RecomputeStore,
    private readonly index: RefreshableIndex,
    private readonly principal: Principal,
    private readonly requestId: string,
    private readonly runner: FamiliesRunner = (request) => runFamilies(store, request),
  ) {}

  async recompute(targetSize: number | null, seed: number | null): Promise<FamilyRunRecord> {
    authorize(this.principal, "recomputeFamilies");
    if (this.principal.role === "ANONYMOUS")
      throw new Error("unreachable: authorize admits no anonymous writes");
    const request = {
      targetSize: bounded("targetSize", targetSize, TARGET_SIZE_RANGE),
      seed: bounded("seed", seed, SEED_RANGE),
    };
    if (running) throw new ConflictError("A families recompute is already running; try later.");
    running = true;
    try {
      const before = await this.store.findCurrentRun();
      const outcome = await this.runner(request).catch((error: unknown) => {
        if (error instanceof ValidationError) {
          throw new ValidationError(`\`${error.argument}\`: ${error.message}`, error.argument);
        }
        throw error;
      });
      if (outcome.status !== "written") throw new Error("unreachable: ifMissing was not set");
      const run = (await this.store.findRunsByVersions([outcome.version])).get(outcome.version);
      if (!run) throw new Error(`FamilyRun ${outcome.version} is missing after it was written.`);
      await this.store.recordRecompute(before, run, {
        actor: actorOf(this.principal),
        requestId: this.requestId,
      });
      await this.index.refresh();
      return run;
    } finally {
      running = false;
    }
  }
}
