/** Serves a peer's schema with Apollo on a free port, as this service does, and GET /statements. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";

export async function serve<Context extends BaseContext>(
  schema: GraphQLSchema,
  context: () => Promise<Context>,
  statements: () => number,
  close: () => Promise<void>,
): Promise<void> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  app.get("/statements", (_req, res) => {
    res.json({ executed: statements() });
  });
  app.use("/graphql", express.json({ limit: "1mb" }), expressMiddleware(apollo, { context }));
  httpServer.keepAliveTimeout = 60_000;
  httpServer.listen(0, "127.0.0.1", () => {
    const { port } = httpServer.address() as AddressInfo;
    console.log(`listening http://127.0.0.1:${port}/graphql`);
  });
  process.on("SIGTERM", () => {
    void apollo
      .stop()
      .then(close)
      .then(() => process.exit(0));
  });
}
