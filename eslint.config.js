import js from "@eslint/js";
import tseslint from "typescript-eslint";

export const config = tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      ".neo4j/",
      ".neo4j-scale/",
      ".scale-build/",
      "tests/__generated__/",
      "web/src/__generated__/",
      "seed/data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);

export default config;
