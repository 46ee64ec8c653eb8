/**
 * What the built web app ships, read from Vite's manifest (dist/web/.vite/manifest.json): the
 * JavaScript files a page's entry can load, its own chunks, the ones they import and the ones
 * they load lazily. Used by the JavaScript budget test and `npm run bench:web`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { WEB_ROOT } from "../src/web.js";

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

export interface ShippedFile {
  file: string;
  bytes: Buffer;
}

/** Every JavaScript file `entry` (e.g. "index.html") can load, with its bytes. */
export function javaScriptOf(entry: string, root: string = WEB_ROOT): ShippedFile[] {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".vite", "manifest.json"), "utf8"),
  ) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entry);
  return [...files]
    .filter((file) => file.endsWith(".js"))
    .map((file) => ({ file, bytes: readFileSync(path.join(root, file)) }));
}

export function totalBytes(files: readonly ShippedFile[]): number {
  return files.reduce((sum, { bytes }) => sum + bytes.length, 0);
}
