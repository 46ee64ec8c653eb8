import { describe, expect, it } from "vitest";
import { z } from "zod";
import { environmentSchema } from "../src/config.js";
import {
  CONFIG_END,
  CONFIG_START,
  configDocs,
  configTable,
  configVariables,
  withConfigTable,
} from "./emit-config-docs.js";

describe("the configuration table in docs/operations.md", () => {
  it("when the page is compared with the table the schema gives, then it is up to date (`npm run config:docs`)", async () => {
    const { committed, emitted } = await configDocs();
    expect(committed).toBe(emitted);
  });

  it("when the variables are listed, then every variable of the schema has a row with a description", () => {
    const names = configVariables().map((variable) => variable.name);
    expect(names).toEqual(Object.keys(environmentSchema.shape));
    expect(configVariables().every((variable) => variable.description.length > 0)).toBe(true);
  });

  it("when a field has a default, a transform, bounds or no value, then the table says so", () => {
    const schema = z.object({
      PORT: z.coerce.number().int().min(0).max(65535).default(4000).describe("Where | to listen."),
      LIMIT: z.coerce.number().int().positive().default(5).describe("A limit."),
      FLAG: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .default(false)
        .describe("A switch."),
      LIST: z
        .string()
        .default("")
        .transform((list) => list.split(","))
        .describe("A list."),
      URL: z.string().url().optional().describe("An address."),
      SECRET: z.string().min(32).optional().describe("A key."),
      SIZE: z
        .string()
        .regex(/^\d+m$/)
        .default("512m")
        .describe("A size."),
    });
    expect(configVariables(schema)).toEqual([
      {
        name: "PORT",
        defaultValue: "`4000`",
        allowed: "integer, 0 to 65535",
        description: "Where | to listen.",
      },
      { name: "LIMIT", defaultValue: "`5`", allowed: "integer ≥ 1", description: "A limit." },
      {
        name: "FLAG",
        defaultValue: "`false`",
        allowed: "`true`, `false`",
        description: "A switch.",
      },
      { name: "LIST", defaultValue: "empty", allowed: "text", description: "A list." },
      { name: "URL", defaultValue: "unset", allowed: "URL", description: "An address." },
      {
        name: "SECRET",
        defaultValue: "unset",
        allowed: "text, at least 32 characters",
        description: "A key.",
      },
      {
        name: "SIZE",
        defaultValue: "`512m`",
        allowed: "text, matching `^\\d+m$`",
        description: "A size.",
      },
    ]);
    expect(configTable(configVariables(schema))).toContain(
      "| `PORT` | `4000` | integer, 0 to 65535 | Where \\| to listen. |",
    );
  });

  it("when a variable has no description, then the table is refused", () => {
    expect(() => configVariables(z.object({ PORT: z.string().default("1") }))).toThrow(
      /PORT .* no \.describe\(\)/,
    );
  });

  it("when a page's table is stale, then only the part between the markers is rewritten", async () => {
    const page = `# Page\n\nBefore.\n\n${CONFIG_START}\n\n| old |\n| --- |\n| row |\n\n${CONFIG_END}\n\nAfter.\n`;
    const table = "| a | b |\n| --- | --- |\n| 1 | 2 |";
    const rewritten = await withConfigTable(page, table);
    expect(rewritten).toBe(
      `# Page\n\nBefore.\n\n${CONFIG_START}\n\n| a   | b   |\n| --- | --- |\n| 1   | 2   |\n\n${CONFIG_END}\n\nAfter.\n`,
    );
    await expect(withConfigTable("# No markers\n", table)).rejects.toThrow(/no/);
  });
});
