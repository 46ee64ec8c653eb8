import type { Request, RequestHandler } from "express";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The Content-Security-Policy for everything the service serves: scripts, styles, fonts and
 * connections from its own origin only, and workers also from `blob:` URLs, which the web app's
 * GraphQL IDE (GraphiQL's editor) starts its workers from. Nothing may frame the service.
 */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "font-src": ["'self'", "data:"],
  "img-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'", "blob:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "script-src-attr": ["'none'"],
  "upgrade-insecure-requests": null,
};

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
};

/**
 * Apollo's landing page on GET /graphql (a browser asking for HTML) loads the Sandbox from
 * Apollo's CDN with inline scripts, which the policy above forbids; that one page goes without
 * the Content-Security-Policy and keeps the other headers. Everything else gets all of them.
 */
function isLandingPage(req: Request): boolean {
  return (
    req.method === "GET" &&
    req.path === "/graphql" &&
    req.accepts(["application/json", "text/html"]) === "text/html"
  );
}

/**
 * Security headers from helmet on every response: Content-Security-Policy, X-Content-Type-Options
 * nosniff, X-Frame-Options, Referrer-Policy no-referrer, Strict-Transport-Security (ignored by
 * browsers over plain HTTP), Cross-Origin-Opener/Resource-Policy and the rest of its defaults.
 */
export function securityHeaders(): RequestHandler {
  const all = helmet(OPTIONS);
  const withoutPolicy = helmet({ ...OPTIONS, contentSecurityPolicy: false });
  return (req, res, next) => (isLandingPage(req) ? withoutPolicy : all)(req, res, next);
}
