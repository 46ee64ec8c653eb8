/**
 * Child tasks (src/modules/common/child-task.ts), as recomputeFamilies runs its clustering: in
 * another process, at a lower priority, with errors coming back as the parent expects them.
 */
import { getPriority } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { runChildTask } from "../../src/modules/common/child-task.js";
import { ValidationError } from "../../src/errors/index.js";

const worker = {
  file: path.join(projectRoot, "tests/fixtures/child-task-worker.ts"),
  execArgv: ["--import", "tsx"],
};

describe("child tasks", () => {
  it("when a task runs, then it runs in another process at a lower priority and answers", async () => {
    const answer = await runChildTask<object, { niceness: number; pid: number }>(worker, {}, 10);
    expect(answer.pid).not.toBe(process.pid);
    expect(answer.niceness).toBe(Math.min(19, getPriority() + 10));
  });

  it("when the task breaks a domain rule, then the parent gets the same error naming the argument", async () => {
    const failure = runChildTask(worker, { fail: "validation" });
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toMatchObject({ argument: "targetSize", message: "too small" });
  });

  it("when the task fails otherwise or exits without answering, then the parent gets an error", async () => {
    await expect(runChildTask(worker, { fail: "other" })).rejects.toThrow("the database went away");
    await expect(runChildTask(worker, { fail: "exit" })).rejects.toThrow("without answering");
  });
});
