import { ApiError, api } from './api';
import { currentSession, startSession } from './session/session';
import { authResponse, signIn } from './test/fixtures';
import { cursorPage, ok, page, problem, stubApi } from './test/fakeApi';

describe('api client', () => {
  it('sends the session token as a Bearer header and returns the typed body', async () => {
    signIn({ accessToken: 'token-abc' });
    const fake = stubApi({ 'GET /api/conversations': ok([]) });

    const conversations = await api.conversations();

    expect(conversations).toEqual([]);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer token-abc');
  });

  it('calls sign-up and log-in without a token, as JSON', async () => {
    const fake = stubApi({ 'POST /api/auth/login': ok(authResponse()) });

    await api.login({ email: 'ada@shop.example', password: 'secret-pass' });

    const [request] = fake.requests;
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({ email: 'ada@shop.example', password: 'secret-pass' });
  });

  it('turns a problem answer into an ApiError with status, title and the "errors" map', async () => {
    stubApi({
      'POST /api/auth/signup': problem(400, 'Bad Request', { detail: 'Invalid request', errors: { email: 'must be a well-formed email address' } }),
    });

    const error = await api.signup({ email: 'x', password: 'p', businessName: 'b' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, title: 'Bad Request', detail: 'Invalid request', fieldErrors: { email: 'must be a well-formed email address' } });
  });

  it('reads field errors from "fieldErrors" too, joining lists of messages', async () => {
    stubApi({
      'POST /api/auth/signup': problem(400, 'Bad Request', { fieldErrors: { password: ['too short', 'needs a digit'], businessName: 'must not be blank' } }),
    });

    const error = await api.signup({ email: 'x', password: 'p', businessName: '' }).catch((e: unknown) => e);

    expect((error as ApiError).fieldErrors).toEqual({ password: 'too short needs a digit', businessName: 'must not be blank' });
  });

  it('gives an error answer without a JSON body the HTTP status text as title', async () => {
    signIn();
    vi.stubGlobal('fetch', vi.fn(async () => new Response('upstream down', { status: 502, statusText: 'Bad Gateway' })));

    const error = await api.channels().catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, title: 'Bad Gateway', fieldErrors: {} });
  });

  it('reports an unreachable server as an ApiError with status 0', async () => {
    signIn();
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    const error = await api.channels().catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, title: 'Cannot reach Sellavie' });
  });

  it('ends the session when an authenticated call answers 401 and the refresh cookie cannot renew it', async () => {
    signIn();
    const fake = stubApi({
      'GET /api/channels': problem(401, 'Unauthorized'),
      'POST /api/auth/refresh': problem(401, 'Invalid refresh token'),
    });

    await expect(api.channels()).rejects.toMatchObject({ status: 401 });

    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(currentSession()).toBeNull();
  });

  it('after a 401 refreshes once and retries the call with the new token', async () => {
    signIn({ accessToken: 'revoked-token' });
    const fake = stubApi({
      'GET /api/channels': [problem(401, 'Unauthorized'), ok([])],
      'POST /api/auth/refresh': ok(authResponse({ accessToken: 'fresh-token' })),
    });

    await expect(api.channels()).resolves.toEqual([]);

    const calls = fake.requestsTo('GET /api/channels');
    expect(calls.map((call) => call.headers.authorization)).toEqual(['Bearer revoked-token', 'Bearer fresh-token']);
    expect(currentSession()?.accessToken).toBe('fresh-token');
  });

  it('several calls refused at once share a single refresh', async () => {
    signIn({ accessToken: 'stale' });
    const fake = stubApi({
      'GET /api/channels': [problem(401, 'Unauthorized'), ok([])],
      'GET /api/notifications': [problem(401, 'Unauthorized'), ok([])],
      'POST /api/auth/refresh': ok(authResponse({ accessToken: 'fresh' })),
    });

    await Promise.all([api.channels(), api.notifications()]);

    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('does not call the server with an expired token: it refreshes first, else the call fails with 401', async () => {
    startSession(authResponse({ expiresIn: 60 }), Date.now() - 61_000);
    const fake = stubApi({ 'GET /api/channels': ok([]), 'POST /api/auth/refresh': problem(401, 'Invalid refresh token') });

    await expect(api.channels()).rejects.toMatchObject({ status: 401 });

    expect(fake.requestsTo('GET /api/channels')).toHaveLength(0);
    expect(currentSession()).toBeNull();
  });

  it('an expired token is renewed with the refresh cookie before the call goes out', async () => {
    startSession(authResponse({ expiresIn: 60 }), Date.now() - 61_000);
    const fake = stubApi({ 'GET /api/channels': ok([]), 'POST /api/auth/refresh': ok(authResponse({ accessToken: 'renewed' })) });

    await api.channels();

    expect(fake.requestsTo('GET /api/channels')[0]?.headers.authorization).toBe('Bearer renewed');
  });

  it('lists the member\'s sessions and revokes one by id', async () => {
    signIn({ accessToken: 'token-abc' });
    const fake = stubApi({
      'GET /api/auth/sessions': ok({ sessions: [] }),
      'DELETE /api/auth/sessions/s%201': { status: 204 },
    });

    await expect(api.sessions()).resolves.toEqual({ sessions: [] });
    await api.revokeSession('s 1');

    expect(fake.requestsTo('DELETE /api/auth/sessions/s%201')[0]?.headers.authorization).toBe('Bearer token-abc');
  });

  it('resends or marks delivered one message with a POST to its own path', async () => {
    signIn({ accessToken: 'token-abc' });
    const fake = stubApi({
      'POST /api/conversations/c%201/messages/m-2/resend': ok({ id: 'm-2', direction: 'OUTBOUND', text: 'Hi', deliveryStatus: 'PENDING', attempts: 1 }),
      'POST /api/conversations/c%201/messages/m-2/mark-delivered': ok({ id: 'm-2', direction: 'OUTBOUND', text: 'Hi', deliveryStatus: 'SENT', attempts: 1 }),
    });

    const resent = await api.resendMessage('c 1', 'm-2');
    const delivered = await api.markMessageDelivered('c 1', 'm-2');

    expect(resent.deliveryStatus).toBe('PENDING');
    expect(delivered.deliveryStatus).toBe('SENT');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/conversations/c%201/messages/m-2/resend',
      'POST /api/conversations/c%201/messages/m-2/mark-delivered',
    ]);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer token-abc');
    expect(fake.requests[0]?.body).toBeUndefined();
  });

  it('reads a refused import\'s line list from "errors" as line errors', async () => {
    signIn();
    stubApi({
      'POST /api/catalog/import': problem(422, 'Invalid file', {
        errors: [
          { line: 3, field: 'price', message: 'USD prices have at most 2 decimals' },
          { line: 4, message: 'has 5 columns, expected 7' },
        ],
      }),
    });

    const error = (await api.importProducts('sku,name\n').catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({});
    expect(error.lineErrors).toEqual([
      { line: 3, field: 'price', message: 'USD prices have at most 2 decimals' },
      { line: 4, field: null, message: 'has 5 columns, expected 7' },
    ]);
  });

  it('sends a CSV import as text/csv, as it is', async () => {
    signIn({ accessToken: 'token-abc' });
    const fake = stubApi({ 'POST /api/catalog/import': ok({ created: 0, updated: 0, unchanged: 1 }) });

    const result = await api.importProducts('sku,name,description,price,currency,stock,active\nA,B,,1,USD,,\n');

    expect(result).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(fake.requests[0]?.headers['content-type']).toBe('text/csv');
    expect(fake.requests[0]?.body).toBe('sku,name,description,price,currency,stock,active\nA,B,,1,USD,,\n');
  });

  it('puts product filters in the query and escapes a SKU in the path, keeping its slashes', async () => {
    signIn();
    const fake = stubApi({
      'GET /api/catalog/products?q=linen+shirt&active=true': ok([]),
      'DELETE /api/catalog/products/BAG/01%20%C3%A9': { status: 204 },
    });

    await api.products({ q: ' linen shirt ', active: true });
    await api.deleteProduct('BAG/01 é');

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/catalog/products?q=linen+shirt&active=true',
      'DELETE /api/catalog/products/BAG/01%20%C3%A9',
    ]);
  });
  it('reads a list page and its X-Has-More header (absent: no more)', async () => {
    signIn();
    stubApi({
      'GET /api/orders?status=PAID&page=2': page([{ id: 'o-1' }], true),
      'GET /api/invoices?before=2026-11-29T18%3A00%3A00Z': ok([]),
    });

    expect(await api.orders({ status: 'PAID', page: 2 })).toEqual({ items: [{ id: 'o-1' }], hasMore: true });
    expect(await api.invoices({ before: '2026-11-29T18:00:00Z' })).toEqual({ items: [], hasMore: false });
  });

  it('fetches a PDF with the token, and an error answer is an ApiError like any other', async () => {
    signIn({ accessToken: 'token-abc' });
    const fake = stubApi({
      'GET /api/invoices/inv-1/pdf': { file: { content: '%PDF-1.7', contentType: 'application/pdf' } },
      'GET /api/invoices/inv-2/pdf': problem(404, 'Not Found'),
    });

    const pdf = await api.invoicePdf('inv-1');

    expect(pdf.type).toBe('application/pdf');
    expect(pdf.size).toBe(8);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer token-abc');
    await expect(api.invoicePdf('inv-2')).rejects.toMatchObject({ status: 404 });
  });

  it('asks for revenue with the dates and zone in the query', async () => {
    signIn();
    const fake = stubApi({ 'GET /api/revenue?from=2026-11-01&to=2026-11-30&zone=Europe%2FParis': ok({ currency: 'EUR' }) });

    await api.revenue({ from: '2026-11-01', to: '2026-11-30', zone: 'Europe/Paris' });

    expect(fake.requests).toHaveLength(1);
  });

  it('reads a refused reply\'s reason and alternative from the problem', async () => {
    signIn();
    stubApi({
      'POST /api/conversations/c-1/messages': problem(422, 'Unprocessable Content', {
        detail: 'Outside the 24 h window',
        reason: 'OUTSIDE_MESSAGING_WINDOW',
        alternative: 'TEMPLATE',
      }),
    });

    const error = await api.reply('c-1', { text: 'Hi' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 422, reason: 'OUTSIDE_MESSAGING_WINDOW', alternative: 'TEMPLATE', detail: 'Outside the 24 h window' });
  });

  it('pages the inbox by cursor: filter, label and text in the query, X-Next-Cursor read back', async () => {
    signIn();
    stubApi({
      'GET /api/conversations?filter=unassigned&label=vip&q=linen&limit=20&cursor=abc': cursorPage([{ id: 'c-1' }], 'def'),
      'GET /api/conversations': cursorPage([], null),
    });

    expect(await api.conversationPage({ filter: 'unassigned', label: ' vip ', q: ' linen ', limit: 20, cursor: 'abc' })).toEqual({
      items: [{ id: 'c-1' }],
      nextCursor: 'def',
    });
    expect(await api.conversationPage({ filter: 'all', q: '  ' })).toEqual({ items: [], nextCursor: null });
  });
});
