import { act, screen, within } from '@testing-library/react';
import { ok, stubApi } from '../test/fakeApi';
import { conversation, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('InboxPage', () => {
  beforeEach(() => {
    signIn();
  });

  it('lists each conversation as a link with contact, channel, preview, time and mode', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    stubApi({
      'GET /api/conversations': ok([
        conversation({ id: 'c-2', contact: { id: 'k-2', externalId: '1784', name: 'Maya' }, lastMessage: { text: 'Yes, size M is in stock.', direction: 'OUTBOUND', at: fiveMinutesAgo } }),
        conversation({ id: 'c-1', contact: { id: 'k-1', externalId: '17841400000000009', name: null }, mode: 'HUMAN' }),
      ]),
    });
    renderApp('/inbox');

    const list = await screen.findByRole('list', { name: 'Conversations' });
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveAttribute('href', '/inbox/c-2');
    expect(links[0]).toHaveTextContent('Maya');
    expect(links[0]).toHaveTextContent('Instagram · Linen shop IG');
    expect(links[0]).toHaveTextContent('You: Yes, size M is in stock.');
    expect(links[0]).toHaveTextContent('5 min. ago');
    expect(links[0]).toHaveTextContent('Bot');
    expect(links[1]).toHaveTextContent('17841400000000009');
    expect(links[1]).toHaveTextContent('Human');
  });

  it('points to connecting a channel when there is no conversation yet', async () => {
    stubApi({ 'GET /api/conversations': ok([]) });
    renderApp('/inbox');

    expect(await screen.findByRole('heading', { name: 'No conversations yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connect your Instagram account' })).toHaveAttribute('href', '/channels');
  });

  it('shows a new conversation without a reload, at the next poll', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const fake = stubApi({ 'GET /api/conversations': ok([]) });
    renderApp('/inbox');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('heading', { name: 'No conversations yet' })).toBeInTheDocument();

    fake.answer('GET /api/conversations', ok([conversation({ contact: { id: 'k', externalId: '1', name: 'Maya' } })]));
    await act(() => vi.advanceTimersByTimeAsync(3000));

    expect(screen.getByRole('link', { name: /Maya/ })).toBeInTheDocument();
    expect(fake.requestsTo('GET /api/conversations')).toHaveLength(2);
  });

  it('stops polling when the user leaves the inbox', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const fake = stubApi({ 'GET /api/conversations': ok([]), 'GET /api/channels': ok([]) });
    const { router } = renderApp('/inbox');
    await act(() => vi.advanceTimersByTimeAsync(0));

    await act(() => router.navigate('/channels'));
    await act(() => vi.advanceTimersByTimeAsync(30_000));

    expect(fake.requestsTo('GET /api/conversations')).toHaveLength(1);
  });
});
