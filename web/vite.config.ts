/**
 * The web app, built into dist/web and served by the API server at `/` (src/web.ts). Everything
 * it loads comes from the project, so it works with no internet access.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // Content-Security-Policy allows no inline scripts or styles: keep everything in files.
    assetsInlineLimit: 0,
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
