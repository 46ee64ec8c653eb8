/**
 * npm run token -- --role SCHOOL --urn 100000
 *
 * Mints a development bearer token signed with the local secret (JWT_SECRET, or the generated
 * one in JWT_SECRET_FILE) and prints it. Servers configured with JWT_JWKS_URL accept only their
 * identity provider's tokens, so this refuses to run there.
 */
import { config } from "../src/config.js";
import { ROLES } from "../src/auth/principal.js";
import { tokenKey } from "../src/auth/secret.js";
import { mintToken, principalFromClaims, type TokenClaims } from "../src/auth/tokens.js";
import { readCommandLine, runCommand } from "./cli.js";

const USAGE = `usage: npm run token -- --role ROLE [options]
  --role ROLE               ${ROLES.join(" | ")}
  --urn URN                 the school a SCHOOL token acts for
  --system-leader-id ID     the system leader a SYSTEM_LEADER token acts for
  --region CODE             a region an OVERSIGHT token oversees (repeat for more), e.g. E12000007
  --sub SUBJECT             who the token names (default: dev-<role>)
  --expires SPAN            lifetime, e.g. 15m, 8h, 7d (default 8h)`;

async function main(): Promise<number> {
  const parsed = readCommandLine(USAGE, {
    options: {
      role: { type: "string" },
      urn: { type: "string" },
      "system-leader-id": { type: "string" },
      region: { type: "string", multiple: true },
      sub: { type: "string" },
      expires: { type: "string", default: "8h" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const role = values.role?.toUpperCase();
  const claims = {
    role,
    sub: values.sub ?? `dev-${(role ?? "user").toLowerCase()}`,
    ...(values.urn !== undefined ? { urn: Number(values.urn) } : {}),
    ...(values["system-leader-id"] !== undefined
      ? { systemLeaderId: values["system-leader-id"] }
      : {}),
    ...(values.region !== undefined ? { regionCodes: values.region } : {}),
  };
  try {
    // The same parser the server uses, so a token it would refuse is never printed.
    principalFromClaims(claims);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const c = config();
  const key = tokenKey(c);
  if (key.kind !== "secret") {
    console.error("JWT_JWKS_URL is set: tokens come from the identity provider, not this script.");
    return 1;
  }
  const token = await mintToken(claims as TokenClaims, key.secret, {
    expiresIn: values.expires,
    issuer: c.JWT_ISSUER,
    audience: c.JWT_AUDIENCE,
  });
  console.log(token);
  return 0;
}

await runCommand(main);
