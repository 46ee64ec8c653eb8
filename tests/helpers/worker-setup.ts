/** Runs before every integration test file: its worker's own database (worker-databases.ts). */
import { inject } from "vitest";
import { useWorkerDatabase } from "./worker-databases.js";

useWorkerDatabase(inject("workerDatabases"));
