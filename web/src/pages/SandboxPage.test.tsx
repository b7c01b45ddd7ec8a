import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { COALESCE_MS } from '../live/LiveUpdates';
import { ok, problem, stubApi } from '../test/fakeApi';
import { sse, stubEventStream } from '../test/fakeEventStream';
import { conversation, message, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('SandboxPage (Try your assistant)', () => {
  beforeEach(() => {
    signIn();
  });

  it('starts empty, sends the first message and shows it with the assistant’s reply', async () => {
    const fake = stubApi({
      'GET /api/sandbox/conversation': problem(404, 'Not Found'),
      'POST /api/sandbox/messages': { status: 202, body: { messageId: 'sandbox-1', eventId: 'e-1' } },
    });
    renderApp('/try-assistant');

    expect(await screen.findByRole('heading', { name: 'Try your assistant' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('nothing is sent to any customer');
    expect(screen.getByRole('note')).toHaveTextContent('left out of your analytics');
    expect(await screen.findByText('No messages yet: say hello to your assistant.')).toBeInTheDocument();

    fake.answer('GET /api/sandbox/conversation', ok(conversation({ id: 'sb-1', sandbox: true })));
    fake.answer('GET /api/conversations/sb-1/messages', ok([
      message({ id: 'm-1', direction: 'INBOUND', text: 'Do you ship to Lagos?' }),
      message({
        id: 'm-2', direction: 'OUTBOUND', authorType: 'AI', text: 'Yes, in 2 days.', deliveryStatus: 'SENT',
        answeredBy: { provider: 'openai', model: 'gpt-4o-mini', offline: false },
      }),
    ]));
    const form = screen.getByRole('form', { name: 'Message your assistant' });
    fireEvent.change(within(form).getByLabelText('Message'), { target: { value: 'Do you ship to Lagos?' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send' }));

    const thread = await screen.findByRole('list', { name: 'Messages' });
    await waitFor(() => expect(within(thread).getAllByRole('listitem')).toHaveLength(2));
    const [mine, reply] = within(thread).getAllByRole('listitem');
    expect(mine).toHaveTextContent('Do you ship to Lagos?');
    expect(reply).toHaveTextContent('Assistant');
    expect(reply).toHaveTextContent('Yes, in 2 days.');
    expect(reply).toHaveTextContent('Answered by OpenAI · gpt-4o-mini');
    expect(mine).not.toHaveTextContent('Answered by');
    expect(fake.requestsTo('POST /api/sandbox/messages').map((request) => request.body)).toEqual([
      { text: 'Do you ship to Lagos?' },
    ]);
    expect(within(form).getByLabelText('Message')).toHaveValue('');
  });

  it('says so when the business sent too many test messages, and keeps the text', async () => {
    stubApi({
      'GET /api/sandbox/conversation': problem(404, 'Not Found'),
      'POST /api/sandbox/messages': problem(429, 'Sandbox rate limit', {
        detail: 'Too many sandbox messages for your business just now; try again in a minute.',
      }),
    });
    renderApp('/try-assistant');

    const form = await screen.findByRole('form', { name: 'Message your assistant' });
    fireEvent.change(within(form).getByLabelText('Message'), { target: { value: 'hello' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('try again in a minute');
    expect(within(form).getByLabelText('Message')).toHaveValue('hello');
  });

  it('refuses a message over 1000 characters before sending it', async () => {
    const fake = stubApi({ 'GET /api/sandbox/conversation': problem(404, 'Not Found') });
    renderApp('/try-assistant');

    const form = await screen.findByRole('form', { name: 'Message your assistant' });
    fireEvent.change(within(form).getByLabelText('Message'), { target: { value: 'a'.repeat(1001) } });

    expect(within(form).getByRole('alert')).toHaveTextContent('At most 1000 characters.');
    expect(within(form).getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(fake.requestsTo('POST /api/sandbox/messages')).toHaveLength(0);
  });

  describe('with the live feed up', () => {
    const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
      vi.spyOn(Math, 'random').mockReturnValue(0);
    });

    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("shows the assistant's reply when its event arrives, without polling the thread", async () => {
      const fake = stubApi({
        'GET /api/sandbox/conversation': ok(conversation({ id: 'sb-1', sandbox: true })),
        'GET /api/conversations/sb-1/messages': ok([message({ id: 'm-1', direction: 'INBOUND', text: 'Do you ship to Lagos?' })]),
      });
      const server = stubEventStream();
      renderApp('/try-assistant');
      await advance(0);
      await advance(30_000);
      expect(fake.requestsTo('GET /api/conversations/sb-1/messages')).toHaveLength(1);

      fake.answer('GET /api/conversations/sb-1/messages', ok([
        message({ id: 'm-1', direction: 'INBOUND', text: 'Do you ship to Lagos?' }),
        message({ id: 'm-2', direction: 'OUTBOUND', authorType: 'AI', text: 'Yes, in 2 days.', deliveryStatus: 'SENT' }),
      ]));
      server.latest().send(sse('message', '7', { conversationId: 'sb-1', messageId: 'm-2', direction: 'OUTBOUND' }));
      await advance(COALESCE_MS);
      await advance(0);

      expect(fake.requestsTo('GET /api/conversations/sb-1/messages')).toHaveLength(2);
      expect(screen.getByText('Yes, in 2 days.')).toBeInTheDocument();
    });

    it('asks for the conversation every 3 s until the first message has created it', async () => {
      const fake = stubApi({ 'GET /api/sandbox/conversation': problem(404, 'Not Found') });
      stubEventStream();
      renderApp('/try-assistant');
      await advance(0);
      expect(fake.requestsTo('GET /api/sandbox/conversation')).toHaveLength(1);

      fake.answer('GET /api/sandbox/conversation', ok(conversation({ id: 'sb-1', sandbox: true })));
      fake.answer('GET /api/conversations/sb-1/messages', ok([message({ id: 'm-1', direction: 'INBOUND', text: 'Hello?' })]));
      await advance(3_000);

      expect(fake.requestsTo('GET /api/sandbox/conversation')).toHaveLength(2);
      await advance(0);
      expect(screen.getByText('Hello?')).toBeInTheDocument();
      await advance(30_000);
      expect(fake.requestsTo('GET /api/sandbox/conversation')).toHaveLength(2);
    });
  });
});
