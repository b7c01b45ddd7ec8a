import { openEventStream, reconnectDelay, SILENCE_LIMIT_MS, type LiveEvent, type StreamStatus } from './eventStream';
import { sse, stubEventStream } from '../test/fakeEventStream';

/* The stream client on its own: SSE parsing, Last-Event-ID, reconnecting with backoff, 401, silence. */

async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

function open(token: () => string | null = () => 'token-1') {
  const events: LiveEvent[] = [];
  const statuses: StreamStatus[] = [];
  const resets = vi.fn();
  const unauthorized = vi.fn();
  const stream = openEventStream({
    token,
    onEvent: (event) => events.push(event),
    onReset: resets,
    onStatus: (status) => statuses.push(status),
    onUnauthorized: unauthorized,
  });
  return { events, statuses, resets, unauthorized, stream };
}

describe('event stream client', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends the token, reads events split across chunks, and skips heartbeat comments', async () => {
    const server = stubEventStream();
    const client = open();
    await advance(0);

    expect(server.latest().headers.authorization).toBe('Bearer token-1');
    expect(server.latest().headers.accept).toBe('text/event-stream');
    expect(server.latest().headers['last-event-id']).toBeUndefined();
    expect(client.statuses).toEqual(['live']);

    const event = sse('message', '41', { conversationId: 'c-1', messageId: 'm-9', direction: 'INBOUND' });
    server.latest().send(': connected\n\n' + event.slice(0, 20));
    await advance(0);
    expect(client.events).toEqual([]);
    server.latest().send(event.slice(20) + ':\n\n');
    await advance(0);

    expect(client.events).toEqual([{ id: '41', kind: 'message', conversationId: 'c-1', messageId: 'm-9' }]);
    client.stream.close();
  });

  it('reconnects after the stream ends, resuming from the largest id it saw', async () => {
    const server = stubEventStream();
    const client = open();
    await advance(0);
    server.latest().send(sse('message-status', '7', { conversationId: 'c-1', messageId: 'm-1' }));
    // An event committed a moment late can arrive after a larger id.
    server.latest().send(sse('message', '5', { conversationId: 'c-2', messageId: 'm-2' }));
    await advance(0);

    server.latest().end();
    await advance(0);
    expect(client.statuses.at(-1)).toBe('down');
    expect(server.attempts()).toBe(1);

    await advance(1000);
    expect(server.attempts()).toBe(2);
    expect(server.latest().headers['last-event-id']).toBe('7');
    expect(client.statuses.at(-1)).toBe('live');
    client.stream.close();
  });

  it('hands a reset on and resumes from the id it carries', async () => {
    const server = stubEventStream();
    const client = open();
    await advance(0);
    server.latest().send(sse('reset', '120'));
    await advance(0);
    expect(client.resets).toHaveBeenCalledTimes(1);
    expect(client.events).toEqual([]);

    server.latest().end();
    await advance(1000);
    expect(server.latest().headers['last-event-id']).toBe('120');
    client.stream.close();
  });

  it('backs off while the server refuses (1 s, 2 s, 4 s), then starts over once connected', async () => {
    const server = stubEventStream();
    server.refuseNext(503, 429, 502);
    const client = open();
    await advance(0);
    expect(server.attempts()).toBe(1);
    await advance(999);
    expect(server.attempts()).toBe(1);
    await advance(1);
    expect(server.attempts()).toBe(2);
    await advance(2000);
    expect(server.attempts()).toBe(3);
    await advance(3999);
    expect(server.attempts()).toBe(3);
    await advance(1);
    expect(server.attempts()).toBe(4);
    expect(client.statuses.at(-1)).toBe('live');

    server.latest().end();
    await advance(1000);
    expect(server.attempts()).toBe(5);
    client.stream.close();
  });

  it('stops for good on 401 and says the session is over', async () => {
    const server = stubEventStream();
    server.refuseNext(401);
    const client = open();
    await advance(0);
    await advance(60_000);

    expect(client.unauthorized).toHaveBeenCalledTimes(1);
    expect(server.attempts()).toBe(1);
    expect(client.statuses).toEqual(['down']);
  });

  it('takes a stream silent for a minute (not even a heartbeat) for dead, and reconnects', async () => {
    const server = stubEventStream();
    const client = open();
    await advance(0);
    await advance(SILENCE_LIMIT_MS - 1000);
    server.latest().send(':\n\n');
    await advance(SILENCE_LIMIT_MS - 1000);
    expect(server.latest().aborted()).toBe(false);

    await advance(1000);
    expect(server.connections[0]!.aborted()).toBe(true);
    await advance(1000);
    expect(server.attempts()).toBe(2);
    client.stream.close();
  });

  it('opens nothing without a token, and nothing more once closed', async () => {
    const server = stubEventStream();
    open(() => null);
    await advance(5000);
    expect(server.attempts()).toBe(0);

    const client = open();
    await advance(0);
    client.stream.close();
    await advance(0);
    expect(server.latest().aborted()).toBe(true);
    await advance(60_000);
    expect(server.attempts()).toBe(1);
  });

  it('spreads reconnects: at most a quarter more than the doubling, capped at 30 s', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect(reconnectDelay(0)).toBe(1250);
    expect(reconnectDelay(10)).toBe(37_500);
    expect(reconnectDelay(3, () => 0)).toBe(8000);
  });
});
