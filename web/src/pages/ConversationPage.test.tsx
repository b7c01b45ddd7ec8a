import { act, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { conversation, message, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('ConversationPage', () => {
  beforeEach(() => {
    signIn();
  });

  it('shows the messages as a thread, inbound and outbound styled apart, with the contact as heading', async () => {
    stubApi({
      'GET /api/conversations': ok([conversation({ id: 'c-1' })]),
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

  it('warns that an UNKNOWN delivery must be checked on Instagram before resending', async () => {
    stubApi({
      'GET /api/conversations': ok([conversation({ id: 'c-1' })]),
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

  it('adds a new message at the next poll without a reload', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fake = stubApi({
      'GET /api/conversations': ok([conversation({ id: 'c-1' })]),
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
      'GET /api/conversations': ok([]),
      'GET /api/conversations/elsewhere/messages': problem(404, 'Not Found'),
    });
    renderApp('/inbox/elsewhere');

    expect(await screen.findByRole('alert')).toHaveTextContent('This conversation does not exist, or belongs to another business.');
  });
});
