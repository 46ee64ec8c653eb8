/**
 * Bearer tokens: verified with jose, their claims parsed into a Principal. HS256 with a shared
 * secret by default; when a JWKS URL is configured, only tokens signed by one of that key set's
 * keys are accepted (and the shared secret is not), as with a real identity provider.
 */
import {
  SignJWT,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { z } from "zod";
import { ErrorCode, InvalidTokenError, RequestError } from "../errors/index.js";

export { InvalidTokenError };
import { ANONYMOUS, type Principal, type SignedInPrincipal } from "./principal.js";

/** Far larger than any token we or an identity provider issue; longer ones are not parsed. */
const MAX_TOKEN_LENGTH = 8_192;
const ASYMMETRIC_ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"];

export type TokenKey =
  | { kind: "secret"; secret: Uint8Array }
  | { kind: "jwks"; url: string }
  /** No key: every token is refused; anonymous requests still work. */
  | { kind: "none" };

export interface TokenVerifierOptions {
  key: TokenKey;
  issuer?: string;
  audience?: string;
  /** Allowed clock drift between the issuer and us. */
  clockToleranceSeconds?: number;
}

const subject = z.string().min(1).max(200);
const claimsSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("SCHOOL"), sub: subject, urn: z.number().int().positive() }),
  z.object({
    role: z.literal("SYSTEM_LEADER"),
    sub: subject,
    systemLeaderId: z.string().min(1).max(200),
  }),
  z.object({
    role: z.literal("OVERSIGHT"),
    sub: subject,
    regionCodes: z
      .array(z.string().regex(/^E1200000[1-9]$/, "must be ONS region codes E12000001..9"))
      .min(1)
      .max(9),
  }),
  z.object({ role: z.literal("ADMIN"), sub: subject }),
]);

export type TokenClaims = z.infer<typeof claimsSchema>;

/** The principal a verified payload describes; throws when a role's own claim is missing. */
export function principalFromClaims(payload: JWTPayload): SignedInPrincipal {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".") || "claims"}: ${issue.message}`)
      .join("; ");
    throw new InvalidTokenError(`The bearer token's claims are not usable (${problems}).`);
  }
  const claims = parsed.data;
  switch (claims.role) {
    case "SCHOOL":
      return { role: "SCHOOL", sub: claims.sub, urn: claims.urn };
    case "SYSTEM_LEADER":
      return { role: "SYSTEM_LEADER", sub: claims.sub, systemLeaderId: claims.systemLeaderId };
    case "OVERSIGHT":
      return { role: "OVERSIGHT", sub: claims.sub, regionCodes: [...new Set(claims.regionCodes)] };
    case "ADMIN":
      return { role: "ADMIN", sub: claims.sub };
  }
}

/** The token in an `Authorization: Bearer ...` header; null when there is no header. */
export function bearerToken(header: string | undefined | null): string | null {
  if (header === undefined || header === null || header.trim() === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new InvalidTokenError("Send the token as `Authorization: Bearer <token>`.");
  }
  return match[1];
}

export class TokenVerifier {
  private readonly getKey: Uint8Array | JWTVerifyGetKey | null;
  private readonly algorithms: string[];

  constructor(private readonly options: TokenVerifierOptions) {
    const { key } = options;
    this.getKey =
      key.kind === "secret"
        ? key.secret
        : key.kind === "jwks"
          ? createRemoteJWKSet(new URL(key.url), { timeoutDuration: 5_000 })
          : null;
    this.algorithms = key.kind === "secret" ? ["HS256"] : ASYMMETRIC_ALGORITHMS;
  }

  /** The principal behind an Authorization header: anonymous without one. */
  async principalFor(authorization: string | undefined | null): Promise<Principal> {
    const token = bearerToken(authorization);
    return token === null ? ANONYMOUS : this.verify(token);
  }

  async verify(token: string): Promise<SignedInPrincipal> {
    if (this.getKey === null) {
      throw new InvalidTokenError("This server accepts no bearer tokens.");
    }
    if (token.length > MAX_TOKEN_LENGTH)
      throw new InvalidTokenError("The bearer token is too long.");
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ["exp", "sub"],
      };
      // jose overloads on the key's type; the two calls are the same otherwise.
      ({ payload } =
        this.getKey instanceof Uint8Array
          ? await jwtVerify(token, this.getKey, options)
          : await jwtVerify(token, this.getKey, options));
    } catch (error) {
      throw tokenError(error);
    }
    return principalFromClaims(payload);
  }
}

function tokenError(error: unknown): Error {
  if (error instanceof joseErrors.JWTExpired) {
    return new InvalidTokenError("The bearer token has expired; get a new one.");
  }
  if (error instanceof joseErrors.JWKSTimeout || error instanceof TypeError) {
    // The identity provider's key set could not be fetched: our problem, not the client's.
    return new RequestError(
      "Cannot check the bearer token now; try again shortly.",
      ErrorCode.ServiceUnavailable,
    );
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new InvalidTokenError(`The bearer token is not accepted (${error.claim}).`);
  }
  return new InvalidTokenError("The bearer token is not valid.");
}

export interface MintOptions {
  /** e.g. "8h", "15m"; a jose time span. */
  expiresIn?: string;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token for development and tests; identity providers issue real ones. */
export async function mintToken(
  claims: TokenClaims,
  secret: Uint8Array,
  { expiresIn = "8h", issuer, audience }: MintOptions = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  let jwt = new SignJWT(rest)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (issuer) jwt = jwt.setIssuer(issuer);
  if (audience) jwt = jwt.setAudience(audience);
  return jwt.sign(secret);
}
