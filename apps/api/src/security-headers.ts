import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The policy of everything we serve: the SPA loads only its own built files (Vite emits no inline
 * script), talks only to its own origin (REST and Socket.IO; CSP 3 lets 'self' match ws:/wss: on
 * the same host and port) and may not be framed. React and Radix set styles through the CSSOM
 * (element.style), which a CSP does not restrict, so styles need no 'unsafe-inline'.
 */
const appDirectives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // Helmet adds upgrade-insecure-requests by default; we are often served over plain http
  // (localhost, the compose stack), where it would send the page's own requests to https.
  upgradeInsecureRequests: null,
};

const headersFor = (styleSrc: string[]) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...appDirectives, styleSrc } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });

const appHeaders = headersFor(["'self'"]);
// Swagger UI's page carries <style> blocks and style attributes of its own; its scripts are files.
const docsHeaders = headersFor(["'self'", "'unsafe-inline'"]);

/** Content-Security-Policy, X-Frame-Options, nosniff, Referrer-Policy and helmet's other headers. */
export function securityHeaders(docsPath: string) {
  const isDocs = (path: string) => path === docsPath || path.startsWith(`${docsPath}/`);
  return (req: Request, res: Response, next: NextFunction) =>
    (isDocs(req.path) ? docsHeaders : appHeaders)(req, res, next);
}
