import { act, fireEvent, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { conversation, message, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('ConversationPage', () => {
  beforeEach(() => {
    signIn();
  });

  it('shows the messages as a thread, inbound and outbound styled apart, with the contact as heading', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-1', direction: 'INBOUND', text: 'Is the linen shirt available?' }),
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Yes, in S, M and L.', deliveryStatus: 'SENT' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const thread = await screen.findByRole('list', { name: 'Messages' });
    const [inbound, outbound] = within(thread).getAllByRole('listitem');
    expect(inbound).toHaveClass('message-inbound');
    expect(inbound).toHaveTextContent('Is the linen shirt available?');
    expect(outbound).toHaveClass('message-outbound');
    expect(outbound).toHaveTextContent('Yes, in S, M and L.');
    expect(outbound).toHaveTextContent('Sent');
    expect(await screen.findByRole('heading', { name: 'Maya' })).toBeInTheDocument();
  });

  it('labels each AI reply with the provider and model that answered, or the offline assistant', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-1', direction: 'INBOUND', text: 'Do you ship abroad?' }),
        message({
          id: 'm-2', direction: 'OUTBOUND', authorType: 'AI', text: 'Yes, worldwide.', deliveryStatus: 'SENT',
          answeredBy: { provider: 'groq', model: 'llama-3.3-70b-versatile', offline: false },
        }),
        message({
          id: 'm-3', direction: 'OUTBOUND', authorType: 'AI', text: 'Shipping takes 5 days.', deliveryStatus: 'SENT',
          answeredBy: { provider: 'offline', model: null, offline: true },
        }),
        message({ id: 'm-4', direction: 'OUTBOUND', authorType: 'AI', text: 'An older reply.', deliveryStatus: 'SENT' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const [inbound, groq, offline, older] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(groq).toHaveTextContent('Answered by Groq · llama-3.3-70b-versatile');
    expect(offline).toHaveTextContent('Answered by Offline assistant');
    expect(inbound).not.toHaveTextContent('Answered by');
    expect(older).not.toHaveTextContent('Answered by');
  });

  it('warns that an UNKNOWN delivery must be checked on Instagram before resending', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-1' }),
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Yes, it is.', deliveryStatus: 'UNKNOWN' }),
        message({ id: 'm-3', direction: 'OUTBOUND', text: 'Anything else?', deliveryStatus: 'FAILED' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const [, unknown, failed] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(unknown).toHaveTextContent('Delivery unknown — check Instagram before resending');
    expect(failed).toHaveTextContent('Not delivered');
  });

  it('offers Resend and Mark as delivered on an UNKNOWN delivery only', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-1' }),
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Yes, it is.', deliveryStatus: 'UNKNOWN', failureReason: 'TIMEOUT' }),
        message({ id: 'm-3', direction: 'OUTBOUND', text: 'Anything else?', deliveryStatus: 'SENT' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const [, unknown, sent] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(within(unknown!).getByRole('button', { name: 'Resend' })).toBeEnabled();
    expect(within(unknown!).getByRole('button', { name: 'Mark as delivered' })).toBeEnabled();
    expect(within(sent!).queryByRole('button')).not.toBeInTheDocument();
  });

  it('resends an UNKNOWN message through the API and shows it sending again', async () => {
    const fake = stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Yes, it is.', deliveryStatus: 'UNKNOWN' }),
      ]),
      'POST /api/conversations/c-1/messages/m-2/resend': ok({
        id: 'm-2', direction: 'OUTBOUND', text: 'Yes, it is.', deliveryStatus: 'PENDING', attempts: 1,
      }),
    });
    renderApp('/inbox/c-1');

    fireEvent.click(await screen.findByRole('button', { name: 'Resend' }));

    expect(await screen.findByText('Sending…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Resend' })).not.toBeInTheDocument();
    const [request] = fake.requestsTo('POST /api/conversations/c-1/messages/m-2/resend');
    expect(request?.headers.authorization).toBe('Bearer eyJ.test.token');
    expect(fake.requestsTo('POST /api/conversations/c-1/messages/m-2/mark-delivered')).toHaveLength(0);
  });

  it('marks an UNKNOWN message delivered without resending it', async () => {
    const fake = stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Yes, it is.', deliveryStatus: 'UNKNOWN' }),
      ]),
      'POST /api/conversations/c-1/messages/m-2/mark-delivered': ok({
        id: 'm-2', direction: 'OUTBOUND', text: 'Yes, it is.', deliveryStatus: 'SENT', attempts: 1,
      }),
    });
    renderApp('/inbox/c-1');

    fireEvent.click(await screen.findByRole('button', { name: 'Mark as delivered' }));

    expect(await screen.findByText('Sent')).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/conversations/c-1/messages/m-2/mark-delivered')).toHaveLength(1);
    expect(fake.requestsTo('POST /api/conversations/c-1/messages/m-2/resend')).toHaveLength(0);
  });

  it('says why when the server refuses the action, and keeps the buttons', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Yes, it is.', deliveryStatus: 'UNKNOWN' }),
      ]),
      'POST /api/conversations/c-1/messages/m-2/resend': problem(409, 'Conflict', {
        detail: 'Only a message whose delivery is UNKNOWN can be resent or marked delivered; this one is SENT',
      }),
    });
    renderApp('/inbox/c-1');

    fireEvent.click(await screen.findByRole('button', { name: 'Resend' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('this one is SENT');
    expect(screen.getByRole('button', { name: 'Resend' })).toBeEnabled();
  });

  it("shows a customer's comment as a comment, and the assistant's private reply to it", async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-1', direction: 'INBOUND', text: 'How much is it?', kind: 'COMMENT', comment: { id: '1785', postId: '1789' } }),
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'It is 45 EUR.', deliveryStatus: 'SENT', privateReplyTo: '1785' }),
        message({ id: 'm-3', direction: 'INBOUND', text: 'Thanks!', kind: 'MESSAGE' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const [comment, reply, dm] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(comment).toHaveTextContent('Commented on a post');
    expect(comment).toHaveTextContent('How much is it?');
    expect(reply).toHaveTextContent('Private reply to their comment');
    expect(dm).not.toHaveTextContent('Commented on a post');
  });

  it('explains a private reply that Meta would no longer accept', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Late', deliveryStatus: 'FAILED', failureReason: 'PRIVATE_REPLY_WINDOW_CLOSED', privateReplyTo: '1785' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const [late] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(late).toHaveTextContent('Not sent: Meta accepts a private reply only within 7 days of the comment.');
  });

  it('explains an EXPIRED reply and offers no action on it', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-2', direction: 'OUTBOUND', text: 'Old answer', deliveryStatus: 'EXPIRED', failureReason: 'REPLAY_TOO_OLD' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const [expired] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(expired).toHaveTextContent('Not sent — this reply was held up too long and is out of date.');
    expect(within(expired!).queryByRole('button')).not.toBeInTheDocument();
  });

  it('adds a new message at the next poll without a reload', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const fake = stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([message({ id: 'm-1' })]),
    });
    renderApp('/inbox/c-1');
    await act(() => vi.advanceTimersByTimeAsync(0));

    fake.answer('GET /api/conversations/c-1/messages', ok([message({ id: 'm-1' }), message({ id: 'm-2', direction: 'OUTBOUND', text: 'Yes!', deliveryStatus: 'PENDING' })]));
    await act(() => vi.advanceTimersByTimeAsync(3000));

    expect(within(screen.getByRole('list', { name: 'Messages' })).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('Sending…')).toBeInTheDocument();
  });

  it('says so when the conversation is not there (or not this business\'s)', async () => {
    stubApi({
      'GET /api/conversations/elsewhere': problem(404, 'Not Found'),
      'GET /api/conversations/elsewhere/messages': problem(404, 'Not Found'),
    });
    renderApp('/inbox/elsewhere');

    expect(await screen.findByRole('alert')).toHaveTextContent('This conversation does not exist, or belongs to another business.');
  });

  it('shows Sellavie\'s own messages (checkout links, receipts) apart from the assistant\'s, with their delivery status', async () => {
    stubApi({
      'GET /api/conversations/c-1': ok(conversation({ id: 'c-1' })),
      'GET /api/conversations/c-1/messages': ok([
        message({ id: 'm-1', authorType: 'CUSTOMER', text: "I'd like 2 linen shirts" }),
        message({ id: 'm-2', direction: 'OUTBOUND', authorType: 'ASSISTANT', text: 'Great choice!', deliveryStatus: 'SENT' }),
        message({
          id: 'm-3',
          direction: 'OUTBOUND',
          authorType: 'SYSTEM',
          text: 'Pay for your order here: https://checkout.paystack.com/0peioxfhpn',
          deliveryStatus: 'PENDING',
        }),
        message({ id: 'm-4', direction: 'OUTBOUND', authorType: 'SYSTEM', text: 'Payment received, thank you!', deliveryStatus: 'UNKNOWN' }),
      ]),
    });
    renderApp('/inbox/c-1');

    const [, assistant, link, receipt] = within(await screen.findByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(assistant).not.toHaveClass('message-system');
    expect(assistant).not.toHaveTextContent('Sellavie');
    expect(link).toHaveClass('message-outbound', 'message-system');
    expect(link).toHaveTextContent(/^Sellavie:/);
    expect(link).toHaveTextContent('https://checkout.paystack.com/0peioxfhpn');
    expect(link).toHaveTextContent('Sending…');
    expect(receipt).toHaveClass('message-system');
    expect(receipt).toHaveTextContent('Delivery unknown — check Instagram before resending');
    expect(within(receipt!).getByRole('button', { name: 'Resend' })).toBeEnabled();
  });
});
