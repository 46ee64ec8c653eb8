/**
 * Long computations (clustering every school in England) run in a child process at a lower
 * operating-system priority, so the server's event loop and CPU share stay with the requests.
 * The parent sends one input and gets one answer back; the child does its own database work.
 *
 * `runChildTask` forks the worker module; the worker calls `serveChildTask` with the function that
 * does the work. A domain validation or conflict error raised in the child comes back as one in
 * the parent; any other failure as an Error with the child's message.
 */
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import { ConflictError, ValidationError } from "../../errors/index.js";

/** Niceness of a child task: on Linux 0 is normal, 19 the lowest priority. */
export const CHILD_TASK_NICENESS = 10;

type Answer<O> =
  | { ok: true; value: O }
  | { ok: false; error: { name: string; message: string; argument?: string } };

/**
 * The worker beside `callerUrl` (an `import.meta.url`) named `name` without extension: the
 * compiled `.js` when the caller is compiled, else the `.ts` source run through tsx.
 */
export function workerBeside(
  callerUrl: string,
  name: string,
): { file: string; execArgv: string[] } {
  const compiled = fileURLToPath(new URL(`${name}.js`, callerUrl));
  if (callerUrl.endsWith(".js") && existsSync(compiled)) return { file: compiled, execArgv: [] };
  return { file: fileURLToPath(new URL(`${name}.ts`, callerUrl)), execArgv: ["--import", "tsx"] };
}

/** Runs the worker once with `input` at `niceness`, and resolves with what it answers. */
export function runChildTask<I, O>(
  worker: { file: string; execArgv: string[] },
  input: I,
  niceness: number = CHILD_TASK_NICENESS,
): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const child = fork(worker.file, [], {
      execArgv: [
        ...process.execArgv.filter((arg) => !arg.startsWith("--cpu-prof")),
        ...worker.execArgv,
      ],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let answered = false;
    try {
      if (child.pid !== undefined) setPriority(child.pid, niceness);
    } catch {
      // Lowering priority is allowed everywhere we run; if it is not, the task runs at normal.
    }
    child.once("message", (message: Answer<O>) => {
      answered = true;
      if (message.ok) resolve(message.value);
      else if (message.error.name === "ValidationError" && message.error.argument) {
        reject(new ValidationError(message.error.message, message.error.argument));
      } else if (message.error.name === "ConflictError") {
        reject(new ConflictError(message.error.message));
      } else reject(new Error(message.error.message));
    });
    child.once("error", (error) => {
      if (!answered) reject(error);
    });
    child.once("exit", (code, signal) => {
      if (!answered) {
        reject(
          new Error(`The child task ${worker.file} ended (${signal ?? code}) without answering.`),
        );
      }
    });
    child.send(input as object);
  });
}

/**
 * Lowers the calling process to CHILD_TASK_NICENESS (never raises it): `npm run families` and
 * `npm run need-bands` recompute beside a running server without taking its CPU share.
 */
export function lowerOwnPriority(): void {
  try {
    setPriority(Math.max(getPriority(), CHILD_TASK_NICENESS));
  } catch {
    // As in runChildTask: at worst the computation runs at normal priority.
  }
}

/** In the worker: answers the parent's one input with `work`'s result, then exits. */
export function serveChildTask<I, O>(work: (input: I) => Promise<O>): void {
  process.once("message", (input: I) => {
    void work(input)
      .then(
        (value): Answer<O> => ({ ok: true, value }),
        (error: unknown): Answer<O> => ({
          ok: false,
          error: {
            name: error instanceof Error ? error.name : "Error",
            message: error instanceof Error ? error.message : String(error),
            argument: error instanceof ValidationError ? error.argument : undefined,
          },
        }),
      )
      .then((answer) => process.send?.(answer, () => process.exit(0)));
  });
}
