/**
 * Lets at most `limit` tasks run at once; the others wait and start in arrival order as running
 * ones finish. p-limit does the same but is only a transitive dependency here, and a dozen lines
 * need no package of their own.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(`A concurrency limit must be a whole number of at least 1, not ${limit}.`);
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // A finished task hands its place straight to the next in line, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
