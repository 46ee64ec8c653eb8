/**
 * Writes the table of environment variables in docs/operations.md from the zod schema in
 * src/config.ts (`npm run config:docs`), between the CONFIG_START and CONFIG_END comments, or with
 * `--check` exits non-zero when the page's table differs from what the schema defines. Every
 * variable's description is its `.describe()` text; a variable without one is an error.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { z } from "zod";
import { commandLineArguments, environmentSchema, projectRoot } from "../src/config.js";

export const CONFIG_DOCS_FILE = path.join(projectRoot, "docs", "operations.md");
export const CONFIG_START =
  "<!-- config:start: written by scripts/emit-config-docs.ts from src/config.ts, do not edit by hand -->";
export const CONFIG_END = "<!-- config:end -->";

export interface ConfigVariable {
  name: string;
  /** As the table shows it: a value in backticks, "unset" or "empty". */
  defaultValue: string;
  /** The values the schema accepts, in words. */
  allowed: string;
  description: string;
}

/** What JSON Schema says of a field's innermost type: the constraints the table shows. */
interface Constraints {
  type?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
}

/**
 * Unwraps defaults, optionals and transforms (a pipe's input side is what the environment
 * holds) down to the type the value is checked against.
 */
function unwrapField(field: z.ZodType): {
  base: z.ZodType;
  optional: boolean;
  defaultValue: unknown;
  description: string | undefined;
} {
  let current = field;
  let optional = false;
  let defaultValue: unknown = undefined;
  let description = field.description;
  for (;;) {
    if (current instanceof z.ZodDefault) {
      defaultValue ??= current.def.defaultValue;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodOptional) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      break;
    }
    description ??= current.description;
  }
  return { base: current, optional, defaultValue, description };
}

function code(value: unknown): string {
  return `\`${String(value)}\``;
}

function shownDefault(value: unknown, optional: boolean): string {
  if (value === undefined) return optional ? "unset" : "none";
  if (value === "") return "empty";
  // A path under the project root is shown relative to it, so the table is the same everywhere.
  if (typeof value === "string" && path.isAbsolute(value) && value.startsWith(projectRoot)) {
    return code(path.relative(projectRoot, value).split(path.sep).join("/"));
  }
  return code(value);
}

function allowedValues(base: z.ZodType): string {
  // An enum's values in the order the schema lists them.
  if (base instanceof z.ZodEnum) return base.options.map(code).join(", ");
  const schema = z.toJSONSchema(base, { unrepresentable: "any" }) as Constraints;
  if (schema.type === "integer" || schema.type === "number") {
    const integer = schema.type === "integer";
    const step = integer ? 1 : 0;
    const low =
      schema.minimum ??
      (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + step);
    const rawHigh =
      schema.maximum ??
      (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - step);
    // Zod gives every integer the safe-integer range; only a real bound is worth showing.
    const high = rawHigh !== undefined && rawHigh >= Number.MAX_SAFE_INTEGER ? undefined : rawHigh;
    const kind = integer ? "integer" : "number";
    if (low !== undefined && high !== undefined) return `${kind}, ${low} to ${high}`;
    if (low !== undefined) return `${kind} ≥ ${low}`;
    if (high !== undefined) return `${kind} ≤ ${high}`;
    return kind;
  }
  if (schema.format === "uri") return "URL";
  const parts: string[] = [];
  if (schema.pattern !== undefined) parts.push(`matching ${code(schema.pattern)}`);
  const { minLength, maxLength } = schema;
  if (minLength !== undefined && maxLength !== undefined) {
    parts.push(`${minLength} to ${maxLength} characters`);
  } else if (maxLength !== undefined) {
    parts.push(`at most ${maxLength} characters`);
  } else if (minLength !== undefined && minLength > 1) {
    parts.push(`at least ${minLength} characters`);
  } else if (minLength === 1) {
    return "non-empty text";
  }
  return ["text", ...parts].join(", ");
}

/** Every variable of the schema, in the schema's order. */
export function configVariables(schema: z.ZodObject = environmentSchema): ConfigVariable[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { base, optional, defaultValue, description } = unwrapField(field as z.ZodType);
    if (!description) {
      throw new Error(`${name} in src/config.ts has no .describe() text for the docs.`);
    }
    return {
      name,
      defaultValue: shownDefault(defaultValue, optional),
      allowed: allowedValues(base),
      description,
    };
  });
}

function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

/** The markdown table, unaligned (prettier aligns it when the page is formatted). */
export function configTable(variables: ConfigVariable[] = configVariables()): string {
  const rows = variables.map((variable) =>
    [code(variable.name), variable.defaultValue, variable.allowed, variable.description].map(cell),
  );
  return [
    "| variable | default | allowed values | description |",
    "| --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** The page with the table between its markers replaced by the schema's, formatted as committed. */
export async function withConfigTable(
  page: string,
  table: string = configTable(),
): Promise<string> {
  const start = page.indexOf(CONFIG_START);
  const end = page.indexOf(CONFIG_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`The page has no "${CONFIG_START}" ... "${CONFIG_END}" section.`);
  }
  const replaced =
    page.slice(0, start + CONFIG_START.length) + "\n\n" + table + "\n\n" + page.slice(end);
  const options = await prettier.resolveConfig(CONFIG_DOCS_FILE);
  return prettier.format(replaced, { ...options, filepath: CONFIG_DOCS_FILE });
}

/** The committed page and what it should be. */
export async function configDocs(): Promise<{ committed: string; emitted: string }> {
  const committed = readFileSync(CONFIG_DOCS_FILE, "utf8");
  return { committed, emitted: await withConfigTable(committed) };
}

async function main(check: boolean): Promise<void> {
  const { committed, emitted } = await configDocs();
  const relative = path.relative(process.cwd(), CONFIG_DOCS_FILE);
  if (!check) {
    if (emitted !== committed) writeFileSync(CONFIG_DOCS_FILE, emitted);
    console.log(`Wrote the configuration table in ${relative}.`);
    return;
  }
  if (committed !== emitted) {
    console.error(
      `The configuration table in ${relative} is out of date with src/config.ts: run \`npm run config:docs\` and commit it.`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`The configuration table in ${relative} is up to date.`);
}

// Run as a script, not when the test imports it.
if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main(commandLineArguments().includes("--check")).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
