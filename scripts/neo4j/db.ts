/** npm run db:start | db:stop | db:status for the project's own Neo4j server. */
import { config } from "../../src/config.js";
import { runCommand } from "../cli.js";
import { localServerOptions, start, status, stop } from "./local-server.js";

async function main(command: string | undefined): Promise<number> {
  const c = config();
  const options = localServerOptions(c, (line) => console.log(line));
  if (c.NEO4J_URI) {
    console.log(`NEO4J_URI is set (${c.NEO4J_URI}): the local server is not used.`);
    return 0;
  }
  switch (command) {
    case "start":
      await start(options);
      return 0;
    case "stop":
      console.log((await stop(options)) ? "Neo4j stopped." : "Neo4j was not running.");
      return 0;
    case "status": {
      const s = await status(options);
      console.log(
        s.running
          ? `Neo4j running (pid ${s.pid}) on ${s.uri}, data in ${s.home}`
          : `Neo4j not running (${s.uri}, data in ${s.home})`,
      );
      return s.running ? 0 : 3;
    }
    default:
      console.error("usage: db.ts start|stop|status");
      return 2;
  }
}

await runCommand(() => main(process.argv[2]));
