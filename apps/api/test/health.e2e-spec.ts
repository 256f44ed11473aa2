import { startApp, type TestApp } from './app';

describe('health and docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('GET /api/health answers 200 with database and redis up, without a token', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: 'up',
      redis: 'up',
      redisEvictionPolicy: 'noeviction',
      warnings: [],
    });
  });

  it('documents every endpoint with its schemas and bearer auth', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /api/auth/me',
        'GET /api/health',
        'GET /api/users',
        'PATCH /api/auth/me',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/auth/refresh',
        'POST /api/users',
        'GET /api/conversations',
        'POST /api/conversations',
        'GET /api/conversations/{id}',
        'GET /api/conversations/{id}/members',
        'GET /api/users/online',
        'PATCH /api/conversations/{id}',
        'POST /api/conversations/{id}/members',
        'DELETE /api/conversations/{id}/members/{userId}',
        'GET /api/conversations/{id}/messages',
        'POST /api/conversations/{id}/messages',
        'PATCH /api/conversations/{id}/messages/{messageId}',
        'DELETE /api/conversations/{id}/messages/{messageId}',
        'POST /api/conversations/{id}/read',
        'POST /api/conversations/{id}/messages/{messageId}/reactions',
        'DELETE /api/conversations/{id}/messages/{messageId}/reactions/{emoji}',
        'PUT /api/conversations/{id}/messages/{messageId}/pin',
        'DELETE /api/conversations/{id}/messages/{messageId}/pin',
        'GET /api/conversations/{id}/pins',
        'PUT /api/conversations/{id}/membership',
        'POST /api/conversations/{id}/attachments',
        'GET /api/attachments/{id}',
        'GET /api/attachments/{id}/content',
        'GET /api/attachments/{id}/link',
        'GET /api/attachments/{id}/thumbnail',
        'GET /api/files/{token}',
        'GET /api/admin/storage',
        'GET /api/conversations/{id}/draft',
        'PUT /api/conversations/{id}/draft',
        'GET /api/users/{id}',
        'PATCH /api/users/me',
        'POST /api/users/{id}/deactivate',
        'POST /api/users/{id}/reactivate',
        'GET /api/search/messages',
        'GET /api/admin/queues/stats',
        'GET /api/admin/queues/{name}/jobs',
        'GET /api/admin/queues/{name}/jobs/{jobId}',
        'POST /api/admin/queues/{name}/jobs/{jobId}/retry',
        'POST /api/admin/queues/{name}/retry-failed',
        'DELETE /api/admin/queues/{name}/jobs/{jobId}',
        'POST /api/admin/queues/{name}/pause',
        'POST /api/admin/queues/{name}/resume',
        'POST /api/admin/queues/probe',
        'POST /api/reminders',
        'GET /api/reminders',
        'DELETE /api/reminders/{id}',
        'POST /api/alerts',
        'GET /api/alerts/{id}',
        'POST /api/alerts/{id}/ack',
        'GET /api/notifications',
        'POST /api/notifications/read-all',
        'POST /api/notifications/{id}/read',
        'GET /api/settings/notifications',
        'PUT /api/settings/notifications',
        'POST /api/settings/notifications',
        'POST /api/admin/announcements',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'LoginDto',
        'LoginResponseDto',
        'TokenPairDto',
        'RefreshDto',
        'AuthUserDto',
        'UserPageDto',
        'CreateUserDto',
        'ConversationViewDto',
        'ConversationPageDto',
        'CreateConversationDto',
        'MessageViewDto',
        'MessagePageDto',
        'SendMessageDto',
        'MarkReadDto',
        'SearchPageDto',
        'SearchHitDto',
        'QueueStatsResponseDto',
        'JobListResponseDto',
        'JobViewDto',
        'ProbeJobDto',
        'CreateReminderDto',
        'ReminderViewDto',
        'ReminderPageDto',
        'CreateAlertDto',
        'AlertViewDto',
        'AlertAckDto',
        'AlertAckUpdateDto',
      ]),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(
      doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.$ref,
    ).toBe('#/components/schemas/LoginDto');
    expect(doc.paths['/api/users'].get.security).toEqual([{ bearer: [] }]);
    const swaggerUi = await t.http.get('/api/docs/').expect(200);
    expect(swaggerUi.text).toContain('swagger-ui');
  });

  it('serves the SPA on the same origin, index.html for client routes, JSON 404 under /api', async () => {
    for (const path of ['/', '/messages', '/messages/123']) {
      const page = await t.http.get(path).set('Accept', 'text/html').expect(200);
      expect(page.text).toContain('<div id="root">');
    }
    const missing = await t.http.get('/api/nothing-here').set('Accept', 'text/html').expect(404);
    expect(missing.body.statusCode).toBe(404);
  });

  it('answers 503 naming Redis when Redis is down', async () => {
    const down = await startApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await down.http.get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'error', database: 'up', redis: 'down' });
    } finally {
      await down.close();
    }
  });
});
