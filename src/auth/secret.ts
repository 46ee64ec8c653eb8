import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import type { TokenKey, TokenVerifierOptions } from "./tokens.js";

/**
 * The key bearer tokens are checked with. JWT_JWKS_URL wins (an identity provider signs);
 * else JWT_SECRET. Outside production, with neither set, a random secret is generated once into
 * JWT_SECRET_FILE (git-ignored under .neo4j/) so `npm run token` and the server agree without
 * any setup. Production refuses to start without a real key.
 */
export function tokenKey(config: Config): TokenKey {
  if (config.JWT_JWKS_URL) return { kind: "jwks", url: config.JWT_JWKS_URL };
  if (config.JWT_SECRET)
    return { kind: "secret", secret: new TextEncoder().encode(config.JWT_SECRET) };
  if (config.NODE_ENV === "production") {
    throw new Error(
      "Set JWT_SECRET (at least 32 characters) or JWT_JWKS_URL: production needs a real token key.",
    );
  }
  return { kind: "secret", secret: developmentSecret(config.JWT_SECRET_FILE) };
}

/** Reads the development secret, creating it (readable by this user only) on first use. */
export function developmentSecret(file: string): Uint8Array {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first; its secret is the one to use.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) {
    throw new Error(`${file} holds a secret shorter than 32 characters: delete it to regenerate.`);
  }
  return new TextEncoder().encode(secret);
}

export function verifierOptions(config: Config): TokenVerifierOptions {
  return { key: tokenKey(config), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
}
