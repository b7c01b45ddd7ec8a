import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ConversationSummary } from '../api';
import { ok, problem, stubApi, type StubbedRoutes } from '../test/fakeApi';
import { conversation, message, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

/*
 * The team's side of a conversation (issue 8): who answers, replies within Meta's windows, templates,
 * notes, labels, assignment, and how each kind of message shows.
 */
const base = '/api/conversations/c-1';
const hours = (n: number) => new Date(Date.now() + n * 60 * 60 * 1000).toISOString();

function open(overrides: Partial<ConversationSummary> = {}, routes: StubbedRoutes = {}) {
  const current = conversation({ id: 'c-1', windowClosesAt: hours(3.5), ...overrides });
  const fake = stubApi({
    [`GET ${base}`]: ok(current),
    [`GET ${base}/messages`]: ok([message({ id: 'm-1', text: 'Is the linen shirt available?' })]),
    [`POST ${base}/read`]: ok({ ...current, unread: 0 }),
    ...routes,
  });
  renderApp('/inbox/c-1');
  return { fake, current };
}

describe('Conversation: who answers', () => {
  beforeEach(() => {
    signIn();
  });

  it('takes over: the header shows Human and offers Release', async () => {
    const { fake, current } = open({ mode: 'BOT' });
    fake.answer(`POST ${base}/takeover`, ok({ ...current, mode: 'HUMAN', assigneeId: 'user-1' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Take over' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'Maya' }).parentElement).toHaveTextContent('Human'));
    expect(screen.getByRole('button', { name: 'Release' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take over' })).not.toBeInTheDocument();
    expect(screen.getByText('Assigned to you')).toBeInTheDocument();
    expect(fake.requestsTo(`POST ${base}/takeover`)).toHaveLength(1);
  });

  it('releases to the assistant: the header shows Bot again', async () => {
    const { fake, current } = open({ mode: 'HUMAN', assigneeId: 'user-1' });
    fake.answer(`POST ${base}/release`, ok({ ...current, mode: 'BOT' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Release' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'Maya' }).parentElement).toHaveTextContent('Bot'));
    expect(screen.getByRole('button', { name: 'Take over' })).toBeInTheDocument();
    expect(fake.requestsTo(`POST ${base}/release`)).toHaveLength(1);
  });

  it('closes: the header shows Closed and Close is no longer offered', async () => {
    const { fake, current } = open({ mode: 'HUMAN' });
    fake.answer(`POST ${base}/close`, ok({ ...current, mode: 'CLOSED' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Close' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'Maya' }).parentElement).toHaveTextContent('Closed'));
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
    expect(fake.requestsTo(`POST ${base}/close`)).toHaveLength(1);
  });

  it('says why a takeover was refused and keeps the mode', async () => {
    open({ mode: 'BOT' }, { [`POST ${base}/takeover`]: problem(404, 'Not Found', { detail: 'No such conversation' }) });

    fireEvent.click(await screen.findByRole('button', { name: 'Take over' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('No such conversation');
    expect(screen.getByRole('heading', { name: 'Maya' }).parentElement).toHaveTextContent('Bot');
  });

  it('marks the conversation read when it is opened', async () => {
    const { fake } = open({ unread: 4 });

    await screen.findByRole('list', { name: 'Messages' });

    await waitFor(() => expect(fake.requestsTo(`POST ${base}/read`)).toHaveLength(1));
  });

  it('assigns the conversation to the signed-in member, and to nobody', async () => {
    const { fake, current } = open({ assigneeId: null });
    fake.answer(`PUT ${base}/assignee`, [ok({ ...current, assigneeId: 'user-1' }), ok({ ...current, assigneeId: null })]);

    fireEvent.click(await screen.findByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText('Assigned to you')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Unassign' }));
    expect(await screen.findByText('Unassigned')).toBeInTheDocument();

    expect(fake.requestsTo(`PUT ${base}/assignee`).map((request) => request.body)).toEqual([{ assigneeId: 'user-1' }, { assigneeId: null }]);
  });

  it('assigns the conversation to another member of the team, picked from GET /api/members', async () => {
    const team = {
      members: [
        { userId: 'user-1', email: 'ada@shop.example', role: 'OWNER', joinedAt: '2026-11-01T10:00:00Z' },
        { userId: 'user-2', email: 'bola@shop.example', role: 'AGENT', joinedAt: '2026-11-02T10:00:00Z' },
      ],
    };
    const { fake, current } = open({ assigneeId: null }, { 'GET /api/members': ok(team) });
    fake.answer(`PUT ${base}/assignee`, ok({ ...current, assigneeId: 'user-2' }));

    const picker = await screen.findByRole('combobox', { name: 'Assign to' });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Nobody',
      'ada@shop.example (you)',
      'bola@shop.example',
    ]);
    fireEvent.change(picker, { target: { value: 'user-2' } });

    expect(await screen.findByText('Assigned to bola@shop.example')).toBeInTheDocument();
    expect(fake.requestsTo(`PUT ${base}/assignee`).map((request) => request.body)).toEqual([{ assigneeId: 'user-2' }]);
  });

  it('adds a label (lower-case, trimmed) and removes one, sending the whole list', async () => {
    const { fake, current } = open({ labels: ['wholesale'] });
    fake.answer(`PUT ${base}/labels`, [ok({ ...current, labels: ['wholesale', 'vip'] }), ok({ ...current, labels: ['vip'] })]);

    fireEvent.change(await screen.findByLabelText('New label'), { target: { value: '  VIP ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add label' }));
    const labels = await screen.findByRole('list', { name: 'Labels' });
    await waitFor(() => expect(within(labels).getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual(['wholesale', 'vip']));

    fireEvent.click(screen.getByRole('button', { name: 'Remove label wholesale' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Labels' })).getAllByRole('listitem')).toHaveLength(1));

    expect(fake.requestsTo(`PUT ${base}/labels`).map((request) => request.body)).toEqual([
      { labels: ['wholesale', 'vip'] },
      { labels: ['vip'] },
    ]);
  });

  it('refuses a label longer than 32 characters without calling the server', async () => {
    const { fake } = open();

    fireEvent.change(await screen.findByLabelText('New label'), { target: { value: 'x'.repeat(33) } });
    fireEvent.click(screen.getByRole('button', { name: 'Add label' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('A label has at most 32 characters.');
    expect(fake.requestsTo(`PUT ${base}/labels`)).toHaveLength(0);
  });
});

describe('Conversation: replying', () => {
  beforeEach(() => {
    signIn();
  });

  it('posts the reply with its image link and shows it in the thread as the member\'s, sending', async () => {
    const { fake } = open({}, {
      [`POST ${base}/messages`]: { status: 201, body: message({ id: 'm-9', direction: 'OUTBOUND', authorType: 'MEMBER', authorId: 'user-1', text: 'Yes, in M.', deliveryStatus: 'PENDING', attachments: [{ type: 'image', url: 'https://cdn.example/shirt.jpg' }] }) },
    });

    fireEvent.change(await screen.findByLabelText('Message'), { target: { value: 'Yes, in M.' } });
    fireEvent.change(screen.getByLabelText('Image link (optional)'), { target: { value: 'https://cdn.example/shirt.jpg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    const thread = screen.getByRole('list', { name: 'Messages' });
    await waitFor(() => expect(within(thread).getAllByRole('listitem')).toHaveLength(2));
    const reply = within(thread).getAllByRole('listitem')[1]!;
    expect(reply).toHaveClass('message-outbound', 'message-member');
    expect(reply).toHaveTextContent(/^You:/);
    expect(reply).toHaveTextContent('Sending…');
    expect(within(reply).getByRole('img')).toHaveAttribute('src', 'https://cdn.example/shirt.jpg');
    const [request] = fake.requestsTo(`POST ${base}/messages`);
    expect(request?.body).toEqual({ text: 'Yes, in M.', imageUrl: 'https://cdn.example/shirt.jpg' });
    expect(screen.getByLabelText('Message')).toHaveValue('');
  });

  it('sends text only when there is no image link', async () => {
    const { fake } = open({}, {
      [`POST ${base}/messages`]: { status: 201, body: message({ id: 'm-9', direction: 'OUTBOUND', authorType: 'MEMBER', text: 'Hello', deliveryStatus: 'PENDING' }) },
    });

    fireEvent.change(await screen.findByLabelText('Message'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(fake.requestsTo(`POST ${base}/messages`)).toHaveLength(1));
    expect(fake.requestsTo(`POST ${base}/messages`)[0]?.body).toEqual({ text: 'Hello' });
  });

  it('explains a 422 outside the window in words, with the alternative, and keeps the text', async () => {
    open({ channel: { id: 'wa-1', type: 'WHATSAPP', name: 'Shop WhatsApp' }, windowClosesAt: hours(-2) }, {
      [`POST ${base}/messages`]: problem(422, 'Unprocessable Content', { reason: 'OUTSIDE_MESSAGING_WINDOW', alternative: 'TEMPLATE', detail: 'Outside the 24 h window' }),
      'GET /api/channels/wa-1/templates': ok([]),
    });

    fireEvent.change(await screen.findByLabelText('Message'), { target: { value: 'Still there?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("The customer's messaging window is closed. Send an approved template instead.");
    expect(screen.getByLabelText('Message')).toHaveValue('Still there?');
  });

  it('explains a 422 with no alternative (Instagram after 7 days)', async () => {
    open({ windowClosesAt: hours(-24 * 8) }, {
      [`POST ${base}/messages`]: problem(422, 'Unprocessable Content', { reason: 'OUTSIDE_MESSAGING_WINDOW' }),
    });

    fireEvent.change(await screen.findByLabelText('Message'), { target: { value: 'Hello?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The customer's messaging window is closed. Nothing can be sent until the customer writes again.",
    );
  });

  it.each([
    ['INSTAGRAM', 3.5, 'Window closes in 3 h'],
    ['WHATSAPP', 0.76, 'Window closes in 45 min'],
    ['WHATSAPP', -1, 'Outside the 24 h window: only a template can be sent (WhatsApp).'],
    ['MESSENGER', -30, "Outside the 24 h window: only a human reply, within 7 days of the customer's last message"],
    ['INSTAGRAM', -24 * 7, 'Outside the 7-day window: nothing can be sent until the customer writes again.'],
  ])('shows the window of a %s conversation whose window closes in %s h', async (type, inHours, text) => {
    open(
      { channel: { id: 'ch-1', type, name: 'Shop' }, windowClosesAt: hours(inHours) },
      { 'GET /api/channels/ch-1/templates': ok([]) },
    );

    expect(await screen.findByText(text, { exact: false })).toHaveClass('window-state');
  });

  it('sends a WhatsApp template with its parameters', async () => {
    const { fake } = open({ channel: { id: 'wa-1', type: 'WHATSAPP', name: 'Shop WhatsApp' }, windowClosesAt: hours(-5) }, {
      'GET /api/channels/wa-1/templates': ok([
        { name: 'order_update', language: 'en_US', category: 'UTILITY', status: 'APPROVED', body: 'Hi {{1}}, your order {{2}} is ready.', parameterCount: 2 },
        { name: 'hello', language: 'en_US', category: 'MARKETING', status: 'APPROVED', body: 'Hello!', parameterCount: 0 },
      ]),
      [`POST ${base}/messages`]: { status: 201, body: message({ id: 'm-9', direction: 'OUTBOUND', authorType: 'MEMBER', authorId: 'user-1', text: 'Hi Maya, your order 42 is ready.', deliveryStatus: 'PENDING' }) },
    });

    const picker = await screen.findByRole('form', { name: 'Template' });
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(3));
    expect(within(picker).getByRole('button', { name: 'Send template' })).toBeDisabled();
    fireEvent.change(within(picker).getByLabelText('Template'), { target: { value: 'order_update:en_US' } });
    expect(picker).toHaveTextContent('Hi {{1}}, your order {{2}} is ready.');
    fireEvent.change(within(picker).getByLabelText('Parameter 1'), { target: { value: 'Maya' } });
    fireEvent.change(within(picker).getByLabelText('Parameter 2'), { target: { value: '42' } });
    fireEvent.click(within(picker).getByRole('button', { name: 'Send template' }));

    expect(await screen.findByText('Hi Maya, your order 42 is ready.')).toBeInTheDocument();
    expect(fake.requestsTo(`POST ${base}/messages`)[0]?.body).toEqual({
      template: { name: 'order_update', language: 'en_US', parameters: ['Maya', '42'] },
    });
  });

  it('offers no template picker outside WhatsApp', async () => {
    const { fake } = open();

    await screen.findByRole('form', { name: 'Reply' });

    expect(screen.queryByRole('form', { name: 'Template' })).not.toBeInTheDocument();
    expect(fake.requests.some((request) => request.path.includes('/templates'))).toBe(false);
  });

  it('adds an internal note, shown apart from the messages and with no delivery status', async () => {
    const { fake } = open({}, {
      [`POST ${base}/notes`]: { status: 201, body: message({ id: 'n-1', direction: 'INTERNAL', authorType: 'MEMBER', authorId: 'user-1', text: 'VIP, offer free shipping', deliveryStatus: null }) },
    });

    fireEvent.change(await screen.findByLabelText('Note (the customer never sees it)'), { target: { value: 'VIP, offer free shipping' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));

    const thread = screen.getByRole('list', { name: 'Messages' });
    await waitFor(() => expect(within(thread).getAllByRole('listitem')).toHaveLength(2));
    const note = within(thread).getAllByRole('listitem')[1]!;
    expect(note).toHaveClass('message-note');
    expect(note).not.toHaveClass('message-outbound');
    expect(note).toHaveTextContent(/^Internal note · You:/);
    expect(note.querySelector('.delivery')).toBeNull();
    expect(fake.requestsTo(`POST ${base}/notes`)[0]?.body).toEqual({ text: 'VIP, offer free shipping' });
    expect(fake.requestsTo(`POST ${base}/messages`)).toHaveLength(0);
  });
});

describe('Conversation: messages', () => {
  beforeEach(() => {
    signIn();
  });

  it('shows each author apart: customer, assistant (AI or the old ASSISTANT), member, Sellavie', async () => {
    open({}, {
      [`GET ${base}/messages`]: ok([
        message({ id: 'm-1', authorType: 'CUSTOMER', text: 'Hi' }),
        message({ id: 'm-2', direction: 'OUTBOUND', authorType: 'AI', text: 'Hello!', deliveryStatus: 'SENT' }),
        message({ id: 'm-3', direction: 'OUTBOUND', authorType: 'ASSISTANT', text: 'Anything else?', deliveryStatus: 'SENT' }),
        message({ id: 'm-4', direction: 'OUTBOUND', authorType: 'MEMBER', authorId: 'user-2', text: 'I am Ada from the team', deliveryStatus: 'SENT' }),
        message({ id: 'm-5', direction: 'OUTBOUND', authorType: 'SYSTEM', text: 'Receipt', deliveryStatus: 'SENT' }),
      ]),
    });

    const [customer, ai, assistant, member, system] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(customer).toHaveClass('message-inbound');
    expect(ai).toHaveClass('message-ai');
    expect(ai).toHaveTextContent(/^Assistant:/);
    expect(assistant).toHaveClass('message-ai');
    expect(assistant).toHaveTextContent(/^Assistant:/);
    expect(member).toHaveClass('message-member');
    expect(member).toHaveTextContent(/^Team member:/);
    expect(system).toHaveClass('message-system');
  });

  it('shows delivery ticks: sent, delivered, read, failed with the reason in words', async () => {
    open({}, {
      [`GET ${base}/messages`]: ok([
        message({ id: 'm-1', direction: 'OUTBOUND', authorType: 'AI', text: 'a', deliveryStatus: 'SENT' }),
        message({ id: 'm-2', direction: 'OUTBOUND', authorType: 'AI', text: 'b', deliveryStatus: 'DELIVERED' }),
        message({ id: 'm-3', direction: 'OUTBOUND', authorType: 'AI', text: 'c', deliveryStatus: 'READ' }),
        message({ id: 'm-4', direction: 'OUTBOUND', authorType: 'AI', text: 'd', deliveryStatus: 'FAILED', failureReason: 'HANDED_OFF' }),
      ]),
    });

    const [sent, delivered, read, failed] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(sent!.querySelector('.delivery')).toHaveTextContent('✓ Sent');
    expect(delivered!.querySelector('.delivery')).toHaveTextContent('✓✓ Delivered');
    expect(read!.querySelector('.delivery')).toHaveClass('delivery-read');
    expect(read!.querySelector('.delivery')).toHaveTextContent('✓✓ Read');
    expect(failed).toHaveTextContent('Not delivered');
    expect(failed).toHaveTextContent('Not sent: the conversation had been taken over by the team.');
  });

  it('shows image attachments as thumbnails linking to the image, and other files as links', async () => {
    open({}, {
      [`GET ${base}/messages`]: ok([
        message({
          id: 'm-1',
          text: null,
          attachments: [
            { type: 'image', url: 'https://lookaside.example/photo.jpg' },
            { type: 'audio', url: 'https://lookaside.example/voice.mp4' },
          ],
        }),
      ]),
    });

    const [inbound] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    const image = within(inbound!).getByRole('img', { name: 'Image 1' });
    expect(image).toHaveAttribute('src', 'https://lookaside.example/photo.jpg');
    expect(image.closest('a')).toHaveAttribute('href', 'https://lookaside.example/photo.jpg');
    expect(within(inbound!).getByRole('link', { name: 'Audio attachment' })).toHaveAttribute('href', 'https://lookaside.example/voice.mp4');
    expect(inbound).not.toHaveTextContent('(no text)');
  });

  it('names WhatsApp media it cannot link to, with its caption; links a location to the map; shows story replies and reactions', async () => {
    open({}, {
      [`GET ${base}/messages`]: ok([
        message({
          id: 'm-1',
          text: null,
          attachments: [
            { type: 'image', url: null, mediaId: '1234567890', caption: 'The blue one' },
            { type: 'location', url: null, caption: 'Yaba Market, Lagos', latitude: 6.5095, longitude: 3.3711 },
          ],
        }),
        message({
          id: 'm-2',
          text: 'Love this!',
          attachments: [{ type: 'story_reply', url: 'https://lookaside.example/story.jpg' }],
        }),
        message({
          id: 'm-3',
          direction: 'OUTBOUND',
          authorType: 'AI',
          text: 'It is in stock.',
          deliveryStatus: 'READ',
          reactions: [{ emoji: '❤️', by: 'CUSTOMER', at: '2026-03-12T12:05:00Z' }],
        }),
      ]),
    });

    const [media, story, reply] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(within(media!).queryByRole('img')).not.toBeInTheDocument();
    expect(media).toHaveTextContent('Image (open it in WhatsApp): The blue one');
    expect(within(media!).getByRole('link', { name: 'Location' })).toHaveAttribute(
      'href',
      'https://www.openstreetmap.org/?mlat=6.5095&mlon=3.3711#map=16/6.5095/3.3711',
    );
    expect(media).toHaveTextContent('Yaba Market, Lagos');
    expect(within(story!).getByRole('link', { name: 'Reply to your story attachment' })).toHaveAttribute(
      'href',
      'https://lookaside.example/story.jpg',
    );
    expect(reply).toHaveTextContent('Customer reacted ❤️');
  });
});
