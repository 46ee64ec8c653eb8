import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// One copy of graphql for source files and dependencies alike, so instanceof GraphQLError holds.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "seed/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          globalSetup: ["tests/helpers/global-setup.ts"],
          // Each worker has a database of its own (tests/helpers/worker-databases.ts), so two
          // on the project's server; NEO4J_URI's is one database, so one worker.
          setupFiles: ["tests/helpers/worker-setup.ts"],
          maxWorkers: process.env["NEO4J_URI"] ? 1 : 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
