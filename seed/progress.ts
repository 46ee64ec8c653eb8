import cliProgress from "cli-progress";

/** One stage of the import: a known amount of work done in steps. */
export interface StageProgress {
  increment(by?: number): void;
  stop(): void;
}

export interface Progress {
  stage(name: string, total: number, unit?: string): StageProgress;
}

/** For tests and programmatic use: reports nothing. */
export const silentProgress: Progress = {
  stage: () => ({ increment: () => {}, stop: () => {} }),
};

/** A cli-progress bar per stage on a terminal. */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return {
    stage(name, total, unit = "rows") {
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${name.padEnd(24)} {bar} {value}/{total} ${unit} | {duration_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
      return {
        increment: (by = 1) => bar.increment(by),
        stop: () => bar.stop(),
      };
    },
  };
}

/**
 * Plain lines for logs and CI, where a redrawn bar would fill the output: the start, each further
 * quarter, and the end of every stage.
 */
export function lineProgress(write: (line: string) => void): Progress {
  return {
    stage(name, total, unit = "rows") {
      const started = Date.now();
      let done = 0;
      let reportedQuarter = 0;
      write(`${name}: 0/${total} ${unit}`);
      return {
        increment(by = 1) {
          done += by;
          const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
          if (quarter > reportedQuarter && quarter < 4) {
            reportedQuarter = quarter;
            write(`${name}: ${done}/${total} ${unit}`);
          }
        },
        stop() {
          write(
            `${name}: ${done}/${total} ${unit} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
          );
        },
      };
    },
  };
}

/** A bar on a terminal, plain lines otherwise, both on stderr so stdout keeps the summary. */
export function defaultProgress(): Progress {
  return process.stderr.isTTY
    ? barProgress()
    : lineProgress((line) => process.stderr.write(`${line}\n`));
}
