import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";

export const CYPHER_ROOT = path.join(projectRoot, "cypher");

/** A query name is its path under cypher/ without the extension, e.g. "schools/findSchoolsByUrns". */
export type CypherName = string;

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return listCypherFiles(full);
    return entry.endsWith(".cypher") ? [full] : [];
  });
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
 * Every statement under cypher/, read once. Each file holds exactly one statement,
 * so a name maps to something the driver can run as it is.
 */
export class CypherRegistry {
  private readonly sources: ReadonlyMap<CypherName, string>;
  private readonly statements: ReadonlyMap<CypherName, string>;

  constructor(root: string = CYPHER_ROOT) {
    const entries = listCypherFiles(root).map((file): [CypherName, string] => {
      const name = path
        .relative(root, file)
        .replace(/\\/g, "/")
        .replace(/\.cypher$/, "");
      return [name, readFileSync(file, "utf8").trim().replace(/;\s*$/, "")];
    });
    this.sources = new Map(entries);
    this.statements = new Map(entries.map(([name, source]) => [name, withoutCommentLines(source)]));
  }

  /** The file as written, header comments included. */
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
