/**
 * Requests per caller per window on /graphql, counted by express-rate-limit in this process's
 * memory (each instance of the service counts on its own). A caller is the subject of a valid
 * bearer token, else the client address as Express sees it, which honours the `trust proxy`
 * setting (TRUST_PROXY), so behind a proxy each client is counted rather than the proxy.
 */
import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Principal } from "../auth/principal.js";
import { ErrorCode } from "../errors/index.js";

export interface RateLimitOptions {
  /** Requests a caller may make per window; 0 switches the limit off. */
  limit: number;
  windowMs: number;
  /** Token subjects or client addresses never limited, such as a benchmark's. */
  exempt?: readonly string[];
}

export interface Caller {
  /** The subject of a valid bearer token, when the request carries one. */
  sub?: string;
  /** The client address, `trust proxy` applied. */
  address: string;
}

/** The address without the IPv4-mapped prefix Node gives IPv4 clients of a dual-stack socket. */
function plainAddress(address: string | undefined): string {
  return (address ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/**
 * The limiter for /graphql. `principalOf` gives the request's principal, rejecting for a token
 * that does not verify (counted by address then; the request itself is refused later as usual).
 * Over the limit the answer is HTTP 429 with Retry-After and a GraphQL-style error body whose
 * code is RATE_LIMITED.
 */
export function rateLimitPerCaller(
  { limit, windowMs, exempt = [] }: RateLimitOptions,
  principalOf: (req: Request, res: Response) => Promise<Principal>,
  requestIdOf: (res: Response) => string,
): RequestHandler {
  const exempted = new Set(exempt);
  const callerOf = async (req: Request, res: Response): Promise<Caller> => {
    const principal = await principalOf(req, res).catch(() => undefined);
    const address = plainAddress(req.ip ?? req.socket.remoteAddress);
    return principal && principal.role !== "ANONYMOUS"
      ? { sub: principal.sub, address }
      : { address };
  };
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    skip: async (req, res) => {
      if (limit === 0) return true;
      const { sub, address } = await callerOf(req, res);
      return exempted.has(address) || (sub !== undefined && exempted.has(sub));
    },
    keyGenerator: async (req, res) => {
      const { sub, address } = await callerOf(req, res);
      return sub !== undefined ? `sub:${sub}` : `address:${ipKeyGenerator(address)}`;
    },
    handler: (_req, res, _next, options) => {
      const retryAfter = Number(res.getHeader("retry-after")) || Math.ceil(options.windowMs / 1000);
      res.setHeader("retry-after", String(retryAfter));
      res.status(options.statusCode).json({
        errors: [
          {
            message: `Too many requests; try again in ${retryAfter} s.`,
            extensions: {
              code: ErrorCode.RateLimited,
              retryAfterSeconds: retryAfter,
              requestId: requestIdOf(res),
            },
          },
        ],
      });
    },
  });
}
