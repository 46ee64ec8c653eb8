/**
 * npx tsx seed/copy-bundle.ts [BUNDLE_DIR]
 *
 * Regenerates seed/data from the shared open-data bundle (default ../shared/data/england): every
 * file the importer reads, gzip-compressed and byte-for-byte otherwise, the bundle's README, and
 * MANIFEST.json with each file's provenance and checksum. The importer reads only seed/data, so
 * the project stands alone once this has run.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { commandLineArguments, projectRoot } from "../src/config.js";
import {
  DATASETS,
  datasetProperties,
  OGL,
  OGL_ATTRIBUTION,
  SEED_DATA_DIR,
  dataFile,
  formatOrigin,
} from "./datasets.js";

const DEFAULT_BUNDLE = path.resolve(projectRoot, "..", "shared", "data", "england");

interface ManifestFile {
  path: string;
  sourceBytes: number;
  sha256: string;
}

function copyBundle(bundleDir: string): void {
  if (!existsSync(path.join(bundleDir, "README.md"))) {
    throw new Error(`${bundleDir} does not look like the open-data bundle (no README.md)`);
  }
  mkdirSync(SEED_DATA_DIR, { recursive: true });
  copyFileSync(path.join(bundleDir, "README.md"), path.join(SEED_DATA_DIR, "README.md"));

  const datasets = Object.values(DATASETS).map((dataset) => {
    const files: ManifestFile[] = dataset.files.map((relative) => {
      const bytes = readFileSync(path.join(bundleDir, relative));
      const target = dataFile(relative);
      mkdirSync(path.dirname(target), { recursive: true });
      // Node writes no timestamp into the gzip header, so the same input gives the same bytes.
      writeFileSync(target, gzipSync(bytes, { level: 9 }));
      console.log(`${relative}.gz  ${bytes.length} bytes`);
      return {
        path: `${relative}.gz`,
        sourceBytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      };
    });
    // The origin in full as well as on one line; the keys keep their order.
    return {
      ...datasetProperties(dataset),
      origin: { ...dataset.origin, summary: formatOrigin(dataset.origin) },
      files,
    };
  });

  const manifest = {
    description:
      "Open data the importer loads (npm run seed). Regenerate with `npx tsx seed/copy-bundle.ts`. " +
      "Files are gzip-compressed copies of the bundle's CSVs, otherwise unchanged: the importer " +
      "handles their encodings (UTF-8 with BOM, Windows-1252).",
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
    datasets,
  };
  writeFileSync(
    path.join(SEED_DATA_DIR, "MANIFEST.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  console.log(`Wrote ${path.relative(projectRoot, SEED_DATA_DIR)}/MANIFEST.json`);
}

copyBundle(path.resolve(commandLineArguments()[0] ?? DEFAULT_BUNDLE));
