import { createParser, type EventSourceMessage } from 'eventsource-parser';

/*
 * The console's live feed (GET /api/events, server-sent events) read with fetch, because the browser's
 * EventSource cannot send the Authorization header. eventsource-parser does the SSE framing; this module
 * does the connection: the token, Last-Event-ID, reconnecting with backoff, and noticing a silent stream.
 */

/** What changed: `message` (a new message), `message-status` (its delivery status), `conversation`. */
export type LiveEvent = {
  id: string;
  kind: 'message' | 'message-status' | 'conversation' | (string & {});
  conversationId: string | null;
  messageId: string | null;
};

/** `connecting` before the first answer, `live` while events flow, `down` while waiting to reconnect. */
export type StreamStatus = 'connecting' | 'live' | 'down';

export type EventStreamOptions = {
  /** The bearer token to send, or null when signed out (then nothing is opened). */
  token: () => string | null;
  onEvent: (event: LiveEvent) => void;
  /** The server says events may have been missed: refetch everything. */
  onReset: () => void;
  onStatus: (status: StreamStatus) => void;
  /** The server refused the token (401): the session is over. */
  onUnauthorized: () => void;
  url?: string;
};

export const STREAM_URL = '/api/events';
/** The server sends a heartbeat comment every 20 s; this long without a byte means the connection is dead. */
export const SILENCE_LIMIT_MS = 60_000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** 1 s, 2 s, 4 s ... at most 30 s, each with up to a quarter more at random, so tabs do not reconnect in step. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
  return Math.round(base * (1 + random() / 4));
}

/**
 * The largest id seen: ids grow with time, and one committed a moment late may arrive after a larger
 * one; resuming from the largest never asks for what the replay already covered.
 */
function later(current: string | null, candidate: string): string {
  if (current === null || !/^\d+$/.test(candidate) || !/^\d+$/.test(current)) {
    return candidate;
  }
  return BigInt(candidate) > BigInt(current) ? candidate : current;
}

/** Opens the stream and keeps it open until `close()`. */
export function openEventStream(options: EventStreamOptions): { close: () => void } {
  let closed = false;
  let lastEventId: string | null = null;
  let attempt = 0;
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const watchSilence = () => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => controller?.abort(), SILENCE_LIMIT_MS);
  };

  const retryLater = () => {
    clearTimeout(silenceTimer);
    if (closed) {
      return;
    }
    options.onStatus('down');
    retryTimer = setTimeout(connect, reconnectDelay(attempt));
    attempt += 1;
  };

  const dispatch = (message: EventSourceMessage) => {
    if (message.id) {
      lastEventId = later(lastEventId, message.id);
    }
    if (message.event === 'reset') {
      options.onReset();
      return;
    }
    let data: { conversationId?: string; messageId?: string } = {};
    try {
      data = JSON.parse(message.data) as typeof data;
    } catch {
      // An event without readable data still says something changed; the handler refetches broadly.
    }
    options.onEvent({
      id: message.id ?? '',
      kind: message.event ?? 'message',
      conversationId: data.conversationId ?? null,
      messageId: data.messageId ?? null,
    });
  };

  async function connect() {
    const token = options.token();
    if (closed || token === null) {
      return;
    }
    controller = new AbortController();
    const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
    if (lastEventId !== null) {
      headers['Last-Event-ID'] = lastEventId;
    }
    try {
      const response = await fetch(options.url ?? STREAM_URL, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        closed = true;
        options.onStatus('down');
        options.onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        retryLater();
        return;
      }
      attempt = 0;
      options.onStatus('live');
      watchSilence();
      const parser = createParser({ onEvent: dispatch });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || closed) {
          break;
        }
        watchSilence();
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Network failure, or aborted by close() or by the silence watch: handled below.
    }
    retryLater();
  }

  void connect();
  return {
    close: () => {
      closed = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      controller?.abort();
    },
  };
}
