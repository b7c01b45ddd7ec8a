import { vi } from 'vitest';

/*
 * GET /api/events for tests: each connection is a real streaming Response whose body the test writes to
 * (server-sent event text, in whatever chunks it likes) and ends. Every other request goes to the fetch
 * stubbed before it (stubApi), so a page and its stream run together.
 */

export type StreamConnection = {
  headers: Record<string, string>;
  /** Writes raw event-stream text, e.g. `id: 7\nevent: message\ndata: {...}\n\n`. */
  send: (text: string) => void;
  /** The server ends the stream. */
  end: () => void;
  aborted: () => boolean;
};

export type FakeEventStream = {
  connections: StreamConnection[];
  latest: () => StreamConnection;
  /** Answers the next connections with these statuses (then 200 streams again), e.g. 503 or 401. */
  refuseNext: (...statuses: number[]) => void;
  attempts: () => number;
};

/** One SSE event as the server writes it. */
export function sse(event: string, id: string, data: Record<string, unknown> = {}): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function stubEventStream(path = '/api/events'): FakeEventStream {
  const connections: StreamConnection[] = [];
  const refusals: number[] = [];
  let attempts = 0;
  const fallback = globalThis.fetch;
  const encoder = new TextEncoder();

  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    if (url !== path) {
      return fallback(input, init);
    }
    attempts += 1;
    const refusal = refusals.shift();
    if (refusal !== undefined) {
      return new Response(JSON.stringify({ title: 'Refused', status: refusal }), {
        status: refusal,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let open = true;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      cancel: () => {
        open = false;
      },
    });
    let aborted = false;
    init.signal?.addEventListener('abort', () => {
      aborted = true;
      if (open) {
        open = false;
        controller.error(new DOMException('The operation was aborted.', 'AbortError'));
      }
    });
    connections.push({
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      send: (text) => {
        if (open) {
          controller.enqueue(encoder.encode(text));
        }
      },
      end: () => {
        if (open) {
          open = false;
          controller.close();
        }
      },
      aborted: () => aborted,
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  });
  vi.stubGlobal('fetch', fetchStub);

  return {
    connections,
    latest: () => {
      const connection = connections[connections.length - 1];
      if (!connection) {
        throw new Error('No event stream was opened');
      }
      return connection;
    },
    refuseNext: (...statuses) => refusals.push(...statuses),
    attempts: () => attempts,
  };
}
