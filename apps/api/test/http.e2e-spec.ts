import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type TestApp } from './app';

/** Directives as a map, so a test can name the one it checks. */
function cspOf(header: string | undefined): Record<string, string> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

/** What every answer of ours carries, so a page of ours can neither run nor load foreign code. */
function expectHardened(headers: Record<string, string>, styleSrc = "'self'") {
  const csp = cspOf(headers['content-security-policy']);
  expect(csp).toMatchObject({
    'default-src': "'self'",
    'script-src': "'self'",
    'script-src-attr': "'none'",
    'style-src': styleSrc,
    'connect-src': "'self'",
    'object-src': "'none'",
    'frame-ancestors': "'none'",
    'base-uri': "'self'",
  });
  expect(csp).not.toHaveProperty('upgrade-insecure-requests');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('HTTP: security headers, HEAD, API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('sends CSP, frame, nosniff and referrer headers on the SPA, its client routes, its assets and the API', async () => {
    const answers = [
      await t.http.get('/').set('Accept', 'text/html').expect(200),
      await t.http.get('/conversations/3f0e1c9a').set('Accept', 'text/html').expect(200),
      await t.http.get('/assets/app.js').expect(200),
      await t.http.get('/api/health').expect(200),
      await t.http.get('/api/conversations').expect(401),
      await t.http.get('/api/nothing-here').expect(404),
    ];
    for (const res of answers) expectHardened(res.headers);
  });

  it('answers HEAD as GET on SPA routes and assets, with the same type and no body', async () => {
    for (const path of ['/', '/conversations', '/conversations/3f0e1c9a', '/assets/app.js']) {
      const get = await t.http.get(path).set('Accept', 'text/html');
      const head = await t.http.head(path).set('Accept', 'text/html');
      expect({ path, status: head.status }).toEqual({ path, status: get.status });
      expect(head.status).toBe(200);
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.text ?? '').toBe('');
      expectHardened(head.headers);
    }
    // A missing asset and an unknown API path stay 404 for both.
    for (const path of ['/assets/missing.js', '/api/nothing-here']) {
      const get = await t.http.get(path);
      const head = await t.http.head(path);
      expect({ path, get: get.status, head: head.status }).toEqual({ path, get: 404, head: 404 });
    }
  });

  it('the SPA page loads its code from files: no inline script the policy would block', () => {
    for (const page of [
      join(__dirname, '../../web/index.html'),
      join(__dirname, 'fixtures/web/index.html'),
    ]) {
      const scripts = readFileSync(page, 'utf8').match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
      for (const script of scripts)
        expect(script).toMatch(/^<script\b[^>]*\bsrc=[^>]*><\/script>$/);
    }
  });

  it("nginx, serving the SPA in the compose stack, sends the API's headers for it", async () => {
    const conf = readFileSync(join(__dirname, '../../../docker/nginx.conf'), 'utf8');
    const nginxHeaders = Object.fromEntries(
      [...conf.matchAll(/add_header ([\w-]+) (?:"([^"]+)"|(\S+)) always;/g)].map(
        ([, name, quoted, bare]) => [name!.toLowerCase(), quoted ?? bare],
      ),
    );
    const page = await t.http.get('/').set('Accept', 'text/html').expect(200);
    expectHardened(nginxHeaders);
    const { 'content-security-policy': nginxCsp, ...nginxOthers } = nginxHeaders;
    expect(cspOf(nginxCsp)).toEqual(cspOf(page.headers['content-security-policy']));
    for (const [name, value] of Object.entries(nginxOthers)) {
      expect({ name, value }).toEqual({ name, value: page.headers[name] });
    }
  });

  it('serves Swagger UI at /api/docs with its assets, under a policy that only relaxes styles', async () => {
    const page = await t.http.get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expectHardened(page.headers, "'self' 'unsafe-inline'");
    // Swagger UI's scripts are files on our origin; none is inline, so script-src 'self' holds.
    const scripts = page.text.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    const assets = [
      ...page.text.matchAll(/<script[^>]*\bsrc=['"]([^'"]+)['"]/g),
      ...page.text.matchAll(/<link[^>]*\bhref=['"]([^'"]+)['"]/g),
    ].map(([, url]) => new URL(url!, `${t.url}/api/docs`).pathname);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/api/docs/swagger-ui-bundle.js',
        '/api/docs/swagger-ui-init.js',
        '/api/docs/swagger-ui.css',
      ]),
    );
    for (const script of scripts) expect(script).toMatch(/\bsrc=/);
    for (const asset of assets) {
      const res = await t.http.get(asset);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expectHardened(res.headers, "'self' 'unsafe-inline'");
    }
    // The document Swagger UI fetches is an API answer and keeps the strict policy.
    const json = await t.http.get('/api/docs-json').expect(200);
    expectHardened(json.headers);
  });
});
