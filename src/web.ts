/**
 * The web app (web/, built into dist/web by `npm run build`) at `/`: its files as they are, and
 * its index page for any other GET a browser makes (`/schools/123456`), so every page has an
 * address people can share. Requests for JSON and paths of the API fall through to the 404.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Request, type RequestHandler } from "express";
import { printSchema, type GraphQLSchema } from "graphql";
import { projectRoot, type Config } from "./config.js";
import { ideContentSecurityPolicy } from "./hardening/security-headers.js";

export const WEB_ROOT = path.join(projectRoot, "dist", "web");

/** A browser asking for a page, not a client asking for JSON. */
function asksForPage(req: Request): boolean {
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    req.accepts(["application/json", "text/html"]) === "text/html"
  );
}

function wantsPage(req: Request): boolean {
  return asksForPage(req) && !req.path.startsWith("/graphql");
}

export function webApp(root: string = WEB_ROOT): RequestHandler[] {
  const index = path.join(root, "index.html");
  if (!existsSync(index)) {
    return [
      (req, res, next) => {
        if (!wantsPage(req)) return next();
        res.status(503).type("text").send("The web app is not built: run `npm run build`.");
      },
    ];
  }
  return [
    express.static(root, {
      index: false,
      // Built assets' names carry a content hash, so they may be cached for good; the page may not.
      setHeaders: (res, file) => {
        const immutable = file.startsWith(path.join(root, "assets") + path.sep);
        res.setHeader(
          "Cache-Control",
          immutable ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    }),
    (req, res, next) => {
      if (!wantsPage(req)) return next();
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(index);
    },
  ];
}

/**
 * GraphiQL (web/graphiql.html) for a browser's GET /graphql, in place of Apollo's landing page,
 * which loads its editor from Apollo's servers and reports usage to them. Every other request
 * to /graphql goes on to the API.
 */
export function graphqlIde(root: string = WEB_ROOT): RequestHandler {
  const page = path.join(root, "graphiql.html");
  return (req, res, next) => {
    if (!asksForPage(req) || !existsSync(page)) return next();
    res.setHeader("Cache-Control", "no-cache");
    ideContentSecurityPolicy(req, res, () => res.sendFile(page));
  };
}

/** The schema as SDL, for the IDE and other tools when introspection is off (it is public). */
export function schemaDocument(schema: GraphQLSchema): RequestHandler {
  const sdl = printSchema(schema);
  return (_req, res) => {
    res.type("text/plain; charset=utf-8").send(sdl);
  };
}

/** The identity provider the web app signs people in with (OpenID Connect, code flow + PKCE). */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  scope: string;
  /** The `resource` parameter (RFC 8707), for providers that issue tokens per API; else null. */
  resource: string | null;
  /** Shown as "Sign in with <name>". */
  name: string;
}

/** What GET /app-config.json tells the web app; nothing in it is secret. */
export interface WebAppConfig {
  /** null: the app offers no OpenID Connect sign-in. */
  oidc: OidcClientSettings | null;
  /**
   * Whether the API takes tokens signed with its shared secret (`npm run token`), so the app
   * offers a page to paste one. False when an identity provider's keys (JWT_JWKS_URL) are set.
   */
  developmentSignIn: boolean;
  /** The largest request body the API reads, so the app can refuse a bigger file in words. */
  maxRequestBytes: number;
}

export function webAppConfig(c: Config): WebAppConfig {
  const oidc =
    c.OIDC_ISSUER && c.OIDC_CLIENT_ID
      ? {
          issuer: c.OIDC_ISSUER,
          clientId: c.OIDC_CLIENT_ID,
          scope: c.OIDC_SCOPE,
          resource: c.OIDC_RESOURCE ?? null,
          name: c.OIDC_NAME ?? new URL(c.OIDC_ISSUER).host,
        }
      : null;
  return { oidc, developmentSignIn: !c.JWT_JWKS_URL, maxRequestBytes: c.MAX_REQUEST_BYTES };
}

/** GET /app-config.json: public settings the browser needs before it can sign anyone in. */
export function appConfigDocument(settings: WebAppConfig): RequestHandler {
  const body = JSON.stringify(settings);
  return (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type("application/json").send(body);
  };
}
