# syntax=docker/dockerfile:1
#
# The compiled GraphQL server and web app (the default target), and an image for the batch jobs
# (`--target jobs`: seed, families, need bands), which run from the TypeScript sources through
# tsx. How they are deployed, and what was checked without Docker: docs/deployment.md.
#
#   docker build -t school-partnerships .
#   docker build -t school-partnerships-jobs --target jobs .

ARG NODE_IMAGE=node:20-slim

# Everything needed to build: the dev dependencies (TypeScript, Vite, codegen), the sources, the
# schema, the tests' and web app's .graphql documents (codegen) and seed/data/geography (the map's
# shapes are made at build time).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches/ patches/
# Install scripts off: the project's own postinstall runs codegen, whose inputs are not copied
# yet; the patches are applied here instead, and `npm run build` runs codegen first.
RUN npm ci --ignore-scripts --no-audit --no-fund && npx patch-package
COPY . .
RUN npm run build

# Production dependencies only. `--ignore-scripts` again: the postinstall's codegen is a dev
# dependency. Of the patches only type-graphql's applies to a production package (the other two
# patch GraphiQL, which is bundled into dist/web by the build).
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches/type-graphql+*.patch patches/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npx patch-package \
  && npm cache clean --force

# One-off jobs against the configured database, e.g.
#   docker run --rm --env-file prod.env school-partnerships-jobs npm run families
#   docker run --rm --env-file prod.env school-partnerships-jobs npm run need-bands
FROM ${NODE_IMAGE} AS jobs
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY cypher/ cypher/
COPY src/ src/
COPY scripts/ scripts/
COPY seed/ seed/
# The seed writes its rejected rows to .neo4j/seed-rejections.log; nothing else is written.
RUN mkdir .neo4j && chown node:node .neo4j
USER node
# With no command given, lists the scripts it can run.
CMD ["npm", "run"]

# The server: dist/ (compiled src/ and the built web app in dist/web), the cypher/ statements it
# reads at start, package.json (ES modules) and the production dependencies.
FROM ${NODE_IMAGE} AS server
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY package.json ./
COPY cypher/ cypher/
COPY --from=build /app/dist/ dist/
USER node
EXPOSE 4000
# Liveness only; /ready (database up, schema applied) is for the orchestrator's readiness probe.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself, which drains requests (src/index.ts).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=64", "--max-old-space-size=384", "dist/index.js"]
