import { vi } from 'vitest';

/*
 * The HTTP boundary for component tests: a stub of the global fetch that answers by "METHOD /path"
 * and records every request. The console's own code (api.ts, session, pages) runs for real.
 */

/** `headers` are added to the answer (e.g. `X-Has-More`); a `file` is answered as it is, with its own content type. */
export type StubbedReply = { status?: number; body?: unknown; headers?: Record<string, string>; file?: { content: string; contentType: string } };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** JSON bodies parsed; other bodies (a CSV file) as their text. */
  body: unknown;
};

/** A route answers with one reply every time, or with a list of replies in turn (the last one repeating). */
export type StubbedRoutes = Record<string, StubbedReply | StubbedReply[]>;

export type FakeApi = {
  requests: RecordedRequest[];
  requestsTo: (route: string) => RecordedRequest[];
  /** Changes a route's answer from now on (e.g. a new conversation arrives). */
  answer: (route: string, reply: StubbedReply | StubbedReply[]) => void;
};

/** The console's live event stream: answered 503 and not recorded unless a test stubs it (see fakeEventStream). */
const EVENT_STREAM = 'GET /api/events';

/** The layout's business switcher asks on every signed-in page: answered "no other business" and not recorded unless stubbed. */
const BUSINESSES = 'GET /api/me/businesses';

export function ok(body: unknown): StubbedReply {
  return { status: 200, body };
}

/** A list page: the array and its `X-Has-More` header. */
export function page(items: unknown[], hasMore: boolean): StubbedReply {
  return { status: 200, body: items, headers: { 'X-Has-More': String(hasMore) } };
}

/** A list page paged by cursor: the array and, unless it is the last page, `X-Next-Cursor`. */
export function cursorPage(items: unknown[], nextCursor: string | null): StubbedReply {
  return { status: 200, body: items, headers: nextCursor ? { 'X-Next-Cursor': nextCursor } : {} };
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): StubbedReply {
  return { status, body: { type: 'about:blank', title, status, ...extra } };
}

export function stubApi(routes: StubbedRoutes): FakeApi {
  const table = new Map<string, StubbedReply[]>(Object.entries(routes).map(([route, reply]) => [route, [reply].flat()]));
  const requests: RecordedRequest[] = [];

  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = await recordedBody(init.body, headers['content-type']);
    const route = `${method} ${path}`;
    if (route === EVENT_STREAM && !table.has(route)) {
      // The live stream is its own boundary (fakeEventStream); without it, it is down and pages poll.
      return json(503, { title: 'Event stream not stubbed', status: 503 });
    }
    if (route === BUSINESSES && !table.has(route)) {
      return json(200, { businesses: [] });
    }
    requests.push({ method, path, headers, body });

    if (init.signal?.aborted) {
      throw new DOMException('The operation was aborted.', 'AbortError');
    }
    const replies = table.get(route);
    if (!replies || replies.length === 0) {
      return json(599, { title: `No stubbed answer for ${route}`, status: 599 });
    }
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply.file) {
      return new Response(reply.file.content, {
        status: reply.status ?? 200,
        headers: { 'Content-Type': reply.file.contentType, ...reply.headers },
      });
    }
    return json(reply.status ?? 200, reply.body, reply.headers);
  });
  vi.stubGlobal('fetch', fetchStub);

  return {
    requests,
    requestsTo: (route) => requests.filter((request) => `${request.method} ${request.path}` === route),
    answer: (route, reply) => {
      table.set(route, [reply].flat());
    },
  };
}

async function recordedBody(body: RequestInit['body'], contentType: string | undefined): Promise<unknown> {
  if (typeof body === 'string') {
    return contentType === 'application/json' ? JSON.parse(body) : body;
  }
  if (body instanceof Blob) {
    return readText(body);
  }
  return undefined;
}

/** jsdom's Blob has no text(); its FileReader does the same. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const isProblem = status >= 400;
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json', ...headers },
  });
}
