import { pino, type DestinationStream, type Logger } from "pino";
import type { Config } from "./config.js";

export type { Logger } from "pino";

export interface LoggerOptions {
  level: Config["LOG_LEVEL"];
  /** Where JSON lines go; standard output when absent. */
  destination?: DestinationStream;
}

/**
 * One JSON object per line, ISO timestamps and the level as a word, so log shippers need no
 * custom parsing. Credentials that could reach a log through request headers are redacted.
 */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service: "school-partnerships" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: ["req.headers.authorization", "req.headers.cookie"],
    },
    destination,
  );
}
