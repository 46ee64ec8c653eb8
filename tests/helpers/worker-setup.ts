/** Runs before every integration test file: a database of its own (worker-databases.ts). */
import { inject } from "vitest";
import { useWorkerDatabase } from "./worker-databases.js";

await useWorkerDatabase(inject("workerDatabases"));
