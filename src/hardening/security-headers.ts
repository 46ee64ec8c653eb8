import type { RequestHandler } from "express";
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

/**
 * The GraphQL IDE's page (GraphiQL with the Monaco editor, src/web.ts) styles its editors inline
 * as it runs, so there alone styles may be inline; scripts still come only from the service.
 */
export const ideContentSecurityPolicy: RequestHandler = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: { ...CONTENT_SECURITY_POLICY, "style-src": ["'self'", "'unsafe-inline'"] },
});

export interface SecurityHeaderOptions {
  /**
   * Other origins the web app's scripts may fetch from: the identity provider it signs people in
   * with (its discovery document, token and key endpoints). Nothing else is added.
   */
  connectTo?: readonly string[];
}

/**
 * Security headers from helmet on every response: Content-Security-Policy, X-Content-Type-Options
 * nosniff, X-Frame-Options, Referrer-Policy no-referrer, Strict-Transport-Security (ignored by
 * browsers over plain HTTP), Cross-Origin-Opener/Resource-Policy and the rest of its defaults.
 */
export function securityHeaders({ connectTo = [] }: SecurityHeaderOptions = {}): RequestHandler {
  const options: HelmetOptions = {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        "connect-src": [...CONTENT_SECURITY_POLICY["connect-src"], ...connectTo],
      },
    },
  };
  return helmet(options);
}
