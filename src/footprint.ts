/** What the process has cost by the time it is ready, for the start-up log line. */
export interface Footprint {
  /** Milliseconds from process start (Node's time origin) to now. */
  startupMs: number;
  /** Resident set size: all the memory the process holds, in MB. */
  rssMb: number;
  /** JavaScript heap in use and reserved, in MB. */
  heapUsedMb: number;
  heapTotalMb: number;
}

const MB = 1024 * 1024;

function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

/**
 * The time since the process started and its memory now. `performance.now()` counts from the
 * process's start, so the figure includes loading the code and waiting for the database.
 */
export function footprint(
  sinceStartMs: number = performance.now(),
  memory: Pick<NodeJS.MemoryUsage, "rss" | "heapUsed" | "heapTotal"> = process.memoryUsage(),
): Footprint {
  return {
    startupMs: Math.round(sinceStartMs),
    rssMb: megabytes(memory.rss),
    heapUsedMb: megabytes(memory.heapUsed),
    heapTotalMb: megabytes(memory.heapTotal),
  };
}
