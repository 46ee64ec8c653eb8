/**
 * GraphiQL, bundled from npm, at GET /graphql for browsers: no CDN, no telemetry. With
 * introspection off (the default), it takes the schema from the SDL the service serves at
 * /schema.graphql. Tokens go in its Headers tab: {"Authorization": "Bearer …"}.
 */
import { GraphiQL } from "graphiql";
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { buildSchema, type GraphQLSchema } from "graphql";
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import "./graphiql.css";

type FetcherParams = Parameters<NonNullable<Parameters<typeof GraphiQL>[0]["fetcher"]>>;

async function fetcher(params: FetcherParams[0], options?: FetcherParams[1]) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(options?.headers as Record<string, string> | undefined),
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

const EXAMPLE = `# Run with the button or Ctrl-Enter.
query KewstokePrimary {
  school(urn: 109092) {
    name
    ofsted { rating inspectedOn }
    need { band reasons { detail } }
    localAuthority { name region { name } }
  }
}
`;

function Ide() {
  const [schema, setSchema] = useState<GraphQLSchema | null | undefined>(undefined);
  useEffect(() => {
    fetch("/schema.graphql")
      .then((response) => (response.ok ? response.text() : null))
      .then((sdl) => setSchema(sdl ? buildSchema(sdl) : null))
      .catch(() => setSchema(null));
  }, []);
  if (schema === undefined) return <p className="ide-loading">Loading the schema…</p>;
  return <GraphiQL fetcher={fetcher} schema={schema ?? undefined} defaultQuery={EXAMPLE} />;
}

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
