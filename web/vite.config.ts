/**
 * The web app, built into dist/web and served by the API server at `/` (src/web.ts). Everything
 * it loads comes from the project, so it works with no internet access.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { laShapesPlugin } from "../scripts/la-shapes.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), laShapesPlugin()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // Content-Security-Policy allows no inline scripts or styles: keep everything in files.
    assetsInlineLimit: 0,
    // dist/web/.vite/manifest.json: which chunks each page loads (bench/web.bench.ts reads it).
    manifest: true,
    rollupOptions: {
      input: {
        app: fileURLToPath(new URL("index.html", import.meta.url)),
        // GraphiQL at GET /graphql (src/web.ts), a page of its own so the app does not load Monaco.
        graphiql: fileURLToPath(new URL("graphiql.html", import.meta.url)),
      },
      onwarn(warning, warn) {
        // GraphiQL's modules start with "use client", which only server components read.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
    // Monaco and GraphiQL make one large chunk, loaded only by the IDE page.
    chunkSizeWarningLimit: 6_000,
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
