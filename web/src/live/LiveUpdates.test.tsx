import { act, screen } from '@testing-library/react';
import { endSession } from '../session/session';
import { ok, stubApi } from '../test/fakeApi';
import { sse, stubEventStream, type FakeEventStream } from '../test/fakeEventStream';
import { conversation, message, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { COALESCE_MS } from './LiveUpdates';

/*
 * The console with its event stream: each event refetches the queries that show what changed, polling
 * stops while the stream is up and comes back while it is down.
 */

async function advance(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

const list = 'GET /api/conversations';
const detail = 'GET /api/conversations/c-1';
const messages = 'GET /api/conversations/c-1/messages';

function stubConversation() {
  return stubApi({
    [list]: ok([conversation({ id: 'c-1' })]),
    [detail]: ok(conversation({ id: 'c-1' })),
    [messages]: ok([message({ id: 'm-1' })]),
    'POST /api/conversations/c-1/read': ok(conversation({ id: 'c-1' })),
  });
}

async function send(server: FakeEventStream, event: string, id: string, data: Record<string, unknown>) {
  server.latest().send(sse(event, id, data));
  await advance(COALESCE_MS);
}

describe('live updates', () => {
  beforeEach(() => {
    signIn();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens one stream for the signed-in tab and shows it is live', async () => {
    stubConversation();
    const server = stubEventStream();
    renderApp('/inbox');
    await advance(0);

    expect(server.attempts()).toBe(1);
    expect(server.latest().headers.authorization).toMatch(/^Bearer /);
    expect(screen.getByText('Live')).toHaveClass('live-indicator-up');
  });

  it('stops polling the inbox while the stream is up, and refetches it on a new message', async () => {
    const fake = stubConversation();
    const server = stubEventStream();
    renderApp('/inbox');
    await advance(0);
    expect(fake.requestsTo(list)).toHaveLength(1);

    await advance(30_000);
    expect(fake.requestsTo(list)).toHaveLength(1);

    fake.answer(list, ok([conversation({ id: 'c-1', contact: { id: 'k-1', externalId: '1784', name: 'Maya' } })]));
    await send(server, 'message', '8', { conversationId: 'c-1', messageId: 'm-2', direction: 'INBOUND' });
    expect(fake.requestsTo(list)).toHaveLength(2);
    await advance(0);
    expect(screen.getByText('Maya')).toBeInTheDocument();
  });

  it('applies a burst of events with one refetch per query', async () => {
    const fake = stubConversation();
    const server = stubEventStream();
    renderApp('/inbox');
    await advance(0);

    server.latest().send(
      sse('message', '9', { conversationId: 'c-1', messageId: 'm-2' }) +
        sse('conversation', '10', { conversationId: 'c-1', mode: 'HUMAN' }) +
        sse('message', '11', { conversationId: 'c-1', messageId: 'm-3' }),
    );
    await advance(COALESCE_MS);
    expect(fake.requestsTo(list)).toHaveLength(2);
  });

  it('in a conversation, a status change refetches its messages and a mode change its details', async () => {
    const fake = stubConversation();
    const server = stubEventStream();
    renderApp('/inbox/c-1');
    await advance(0);
    expect(fake.requestsTo(messages)).toHaveLength(1);
    expect(fake.requestsTo(detail)).toHaveLength(1);

    await send(server, 'message-status', '12', { conversationId: 'c-1', messageId: 'm-1', deliveryStatus: 'DELIVERED' });
    expect(fake.requestsTo(messages)).toHaveLength(2);
    expect(fake.requestsTo(detail)).toHaveLength(1);

    await send(server, 'conversation', '13', { conversationId: 'c-1', mode: 'HUMAN' });
    expect(fake.requestsTo(detail)).toHaveLength(2);
    expect(fake.requestsTo(messages)).toHaveLength(2);

    // Another conversation's news is not this page's.
    await send(server, 'message', '14', { conversationId: 'c-9', messageId: 'm-7' });
    expect(fake.requestsTo(messages)).toHaveLength(2);
    expect(fake.requestsTo(detail)).toHaveLength(2);
  });

  it("a contact's change (a conversation event) refetches the contact shown; a new message does not", async () => {
    const fake = stubConversation();
    const contact = 'GET /api/contacts/contact-1';
    fake.answer(contact, ok({ id: 'contact-1', channel: { id: 'channel-1', type: 'INSTAGRAM', name: 'Linen shop IG' }, externalId: '1784', name: 'Maya', nameEdited: false, username: null, pictureUrl: null, notes: null, profileFetchedAt: null }));
    const server = stubEventStream();
    renderApp('/inbox/c-1');
    await advance(0);
    expect(fake.requestsTo(contact)).toHaveLength(1);

    await send(server, 'message', '15', { conversationId: 'c-1', messageId: 'm-2', direction: 'INBOUND' });
    expect(fake.requestsTo(contact)).toHaveLength(1);

    fake.answer(contact, ok({ id: 'contact-1', channel: { id: 'channel-1', type: 'INSTAGRAM', name: 'Linen shop IG' }, externalId: '1784', name: 'Maya', nameEdited: true, username: null, pictureUrl: null, notes: 'Prefers Saturdays.', profileFetchedAt: null }));
    await send(server, 'conversation', '16', { conversationId: 'c-1', mode: 'BOT' });
    expect(fake.requestsTo(contact)).toHaveLength(2);
    await advance(0);
    expect(screen.getByText('Prefers Saturdays.')).toBeInTheDocument();
  });

  it('a reset refetches everything shown', async () => {
    const fake = stubConversation();
    const server = stubEventStream();
    renderApp('/inbox/c-1');
    await advance(0);

    await send(server, 'reset', '500', {});
    expect(fake.requestsTo(messages)).toHaveLength(2);
    expect(fake.requestsTo(detail)).toHaveLength(2);
  });

  it('polls every 3 s while the stream is down, and stops again once it is back', async () => {
    const fake = stubConversation();
    const server = stubEventStream();
    renderApp('/inbox');
    await advance(0);
    server.latest().send(sse('message', '20', { conversationId: 'c-1' }));
    await advance(COALESCE_MS);
    const before = fake.requestsTo(list).length;

    // The stream breaks and the server refuses the next two attempts
    server.refuseNext(503, 503);
    server.latest().end();
    await advance(0);
    expect(screen.getByText('Reconnecting…')).toHaveClass('live-indicator-down');
    await advance(3000);
    expect(fake.requestsTo(list).length).toBe(before + 1);
    await advance(3000);
    expect(fake.requestsTo(list).length).toBe(before + 2);

    // Back after 1 + 2 + 4 s of backoff, resuming from the last id
    await advance(1000);
    expect(server.latest().headers['last-event-id']).toBe('20');
    expect(screen.getByText('Live')).toHaveClass('live-indicator-up');
    const afterReconnect = fake.requestsTo(list).length;
    await advance(30_000);
    expect(fake.requestsTo(list).length).toBe(afterReconnect);
  });

  it('closes the stream when the session ends', async () => {
    stubConversation();
    const server = stubEventStream();
    renderApp('/inbox');
    await advance(0);

    act(() => endSession());
    await advance(0);
    expect(server.latest().aborted()).toBe(true);
    await advance(60_000);
    expect(server.attempts()).toBe(1);
  });
});
