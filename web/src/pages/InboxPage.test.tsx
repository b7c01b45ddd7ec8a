import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cursorPage, ok, stubApi } from '../test/fakeApi';
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

  it("says when a conversation's latest message is a comment on a post", async () => {
    stubApi({
      'GET /api/conversations': ok([
        conversation({ id: 'c-3', lastMessage: { text: 'Love this colour', direction: 'INBOUND', at: new Date().toISOString(), kind: 'COMMENT' } }),
      ]),
    });
    renderApp('/inbox');

    const [link] = within(await screen.findByRole('list', { name: 'Conversations' })).getAllByRole('link');
    expect(link).toHaveTextContent('Commented on a post: Love this colour');
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

describe('InboxPage filters and pages', () => {
  beforeEach(() => {
    signIn();
  });

  it('asks for the chosen filter, with the label and the search text', async () => {
    const fake = stubApi({
      'GET /api/conversations': ok([conversation({ id: 'c-1' })]),
      'GET /api/conversations?filter=mine': ok([conversation({ id: 'c-2', contact: { id: 'k-2', externalId: '2', name: 'Tunde' } })]),
      'GET /api/conversations?filter=mine&label=vip&q=linen+shirt': ok([]),
    });
    renderApp('/inbox');
    await screen.findByRole('list', { name: 'Conversations' });

    fireEvent.click(screen.getByRole('button', { name: 'Mine' }));

    expect(await screen.findByRole('link', { name: /Tunde/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('link', { name: /Maya/ })).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Search'), { target: { value: ' linen shirt ' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'VIP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('No conversation matches.')).toBeInTheDocument();
    expect(fake.requestsTo('GET /api/conversations?filter=mine&label=vip&q=linen+shirt')).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'No conversations yet' })).not.toBeInTheDocument();
  });

  it.each([
    ['Unassigned', 'unassigned'],
    ['Bot', 'bot'],
    ['Human', 'human'],
    ['Closed', 'closed'],
  ])('sends filter=%s as %s', async (button, value) => {
    const fake = stubApi({ 'GET /api/conversations': ok([]), [`GET /api/conversations?filter=${value}`]: ok([]) });
    renderApp('/inbox');
    await screen.findByRole('heading', { name: 'No conversations yet' });

    fireEvent.click(within(screen.getByRole('group', { name: 'Show' })).getByRole('button', { name: button }));

    await waitFor(() => expect(fake.requestsTo(`GET /api/conversations?filter=${value}`)).toHaveLength(1));
  });

  it('loads the next page with the cursor the server gave, until there is none', async () => {
    const fake = stubApi({
      'GET /api/conversations': cursorPage([conversation({ id: 'c-1' })], 'cursor-2'),
      'GET /api/conversations?cursor=cursor-2': cursorPage([conversation({ id: 'c-2', contact: { id: 'k-2', externalId: '2', name: 'Tunde' } })], null),
    });
    renderApp('/inbox');

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: /Tunde/ })).toBeInTheDocument();
    const links = within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/inbox/c-1', '/inbox/c-2']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(fake.requestsTo('GET /api/conversations?cursor=cursor-2')).toHaveLength(1);
  });

  it('shows unread count, mode, who it is assigned to and the labels', async () => {
    stubApi({
      'GET /api/conversations': ok([
        conversation({ id: 'c-1', unread: 3, mode: 'HUMAN', assigneeId: 'user-1', labels: ['vip', 'wholesale'] }),
        conversation({ id: 'c-2', unread: 0, mode: 'CLOSED', assigneeId: 'user-2', labels: [] }),
        conversation({ id: 'c-3', mode: 'BOT', assigneeId: null }),
      ]),
    });
    renderApp('/inbox');

    const [mine, theirs, nobody] = within(await screen.findByRole('list', { name: 'Conversations' })).getAllByRole('link');
    expect(mine).toHaveTextContent('3 unread');
    expect(mine).toHaveTextContent('Human');
    expect(within(mine!).getByTitle('Assigned to you')).toHaveTextContent('You');
    expect(mine).toHaveTextContent('vip');
    expect(mine).toHaveTextContent('wholesale');
    expect(theirs).not.toHaveTextContent('unread');
    expect(theirs).toHaveTextContent('Closed');
    expect(within(theirs!).getByTitle('Assigned to a team member')).toHaveTextContent('Assigned');
    expect(nobody).not.toHaveTextContent('Assigned');
    expect(nobody).not.toHaveTextContent('You');
  });
});
