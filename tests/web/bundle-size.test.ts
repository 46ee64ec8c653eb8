/**
 * The web app's JavaScript budget (README): what the app's page can load, from the build's own
 * manifest, stays within 500 KiB, and the IDE's editor never reaches the app. Sizes, not times:
 * they do not depend on how busy the machine is. `npm test` builds the app first.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEB_ROOT } from "../../src/web.js";

const BUDGET_BYTES = 500 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

function reachable(manifest: Record<string, ManifestChunk>, entry: string): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entry);
  return [...files].filter((file) => file.endsWith(".js"));
}

describe("the web app's JavaScript", () => {
  const manifest = JSON.parse(
    readFileSync(path.join(WEB_ROOT, ".vite", "manifest.json"), "utf8"),
  ) as Record<string, ManifestChunk>;
  const app = reachable(manifest, "index.html");
  const bytes = (files: string[]) =>
    files.reduce((sum, file) => sum + readFileSync(path.join(WEB_ROOT, file)).length, 0);

  it("when every page and map chunk the app can load is added up, then it is within 500 KiB", () => {
    expect(app.length).toBeGreaterThan(1);
    expect(bytes(app)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("when the app's chunks are listed, then none is the IDE's (GraphiQL, Monaco)", () => {
    const ide = new Set(reachable(manifest, "graphiql.html"));
    const shared = app.filter((file) => ide.has(file));
    // React is shared by both pages; the editor is the IDE's alone.
    expect(bytes(app.filter((file) => !ide.has(file)))).toBeGreaterThan(0);
    expect(shared.every((file) => !/graphiql|monaco|editor|worker/i.test(file))).toBe(true);
    expect(bytes(shared)).toBeLessThan(BUDGET_BYTES);
  });
});
