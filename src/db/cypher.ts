import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";

export const CYPHER_ROOT = path.join(projectRoot, "cypher");

/**
 * A query name is its path under cypher/ without the extension, e.g. "schools/findSchoolsByUrns":
 * one of the names in cypher-names.ts, generated from the files (`npm run cypher:names`), so a
 * misspelt name fails to compile rather than at run time.
 */
export type { CypherName } from "./cypher-names.js";
import type { CypherName } from "./cypher-names.js";

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return listCypherFiles(full);
    return entry.endsWith(".cypher") ? [full] : [];
  });
}

/** The name of every file under `root`, statements and fragments, in sorted order. */
export function cypherFileNames(root: string = CYPHER_ROOT): string[] {
  return listCypherFiles(root)
    .map((file) =>
      path
        .relative(root, file)
        .replace(/\\/g, "/")
        .replace(/\.cypher$/, ""),
    )
    .sort();
}

/**
 * The statement as sent: without its whole-line comments, which the database would otherwise
 * receive and read past on every run (a header is often longer than the statement).
 */
function withoutCommentLines(source: string): string {
  return source
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n")
    .trim();
}

/**
 * `// also changes: memberships` names a data-version area a statement writes beyond its folder's
 * (Database.writeTransaction), for what several folders write and one store depends on: the
 * similarity index reads memberships, which proposals, clusters and the seed all write.
 */
const ALSO_CHANGES = /^\/\/ also changes: ([\w-]+(?:, [\w-]+)*)[ \t]*$/gm;

/** `// include: schools/_schoolPage` stands for that fragment's text. */
const INCLUDE = /^\/\/ include: (\S+)[ \t]*$/gm;

/** A file whose name starts with `_` is a fragment: included by statements, never run alone. */
function isFragment(name: CypherName): boolean {
  return (name.split("/").at(-1) ?? name).startsWith("_");
}

/**
 * Every statement under cypher/, read once. Each file holds exactly one statement, so a name
 * maps to something the driver can run, once any `// include:` line is replaced by the fragment
 * it names (statements that end alike share one tail instead of four copies of it).
 */
export class CypherRegistry {
  private readonly sources: ReadonlyMap<CypherName, string>;
  private readonly statements: ReadonlyMap<CypherName, string>;
  private readonly areas: ReadonlyMap<CypherName, readonly string[]>;

  constructor(root: string = CYPHER_ROOT) {
    const files = new Map(
      listCypherFiles(root).map((file): [CypherName, string] => {
        const name = path
          .relative(root, file)
          .replace(/\\/g, "/")
          .replace(/\.cypher$/, "") as CypherName;
        return [name, readFileSync(file, "utf8").trim().replace(/;\s*$/, "")];
      }),
    );
    const expanded = (name: CypherName, text: string): string =>
      text.replace(INCLUDE, (_line, included: string) => {
        const fragment = files.get(included as CypherName);
        if (fragment === undefined || !isFragment(included as CypherName)) {
          throw new Error(`cypher/${name}.cypher includes ${included}, which is not a fragment.`);
        }
        return fragment;
      });
    const entries = [...files]
      .filter(([name]) => !isFragment(name))
      .map(([name, text]): [CypherName, string] => [name, expanded(name, text)]);
    this.sources = new Map(entries);
    this.areas = new Map(
      entries.map(([name, source]) => [
        name,
        [
          name.slice(0, name.indexOf("/")),
          ...[...source.matchAll(ALSO_CHANGES)].flatMap((match) => match[1]!.split(", ")),
        ],
      ]),
    );
    this.statements = new Map(entries.map(([name, source]) => [name, withoutCommentLines(source)]));
  }

  /** The statement with its comments (its file, fragments included). */
  source(name: CypherName): string {
    this.get(name);
    return this.sources.get(name)!;
  }

  /** The statement to run. */
  get(name: CypherName): string {
    const statement = this.statements.get(name);
    if (statement === undefined) {
      throw new Error(
        `No Cypher file cypher/${name}.cypher (known: ${[...this.statements.keys()].join(", ")})`,
      );
    }
    return statement;
  }

  /**
   * The data-version areas a write of the statement changes: its folder under cypher/, and any
   * its `// also changes:` line names.
   */
  areasOf(name: CypherName): readonly string[] {
    this.get(name);
    return this.areas.get(name)!;
  }

  names(): CypherName[] {
    return [...this.statements.keys()].sort();
  }
}

let shared: CypherRegistry | undefined;

/** The registry loaded at start-up; files are read once per process. */
export function cypherRegistry(): CypherRegistry {
  shared ??= new CypherRegistry();
  return shared;
}
