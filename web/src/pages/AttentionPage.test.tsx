import { screen, within } from '@testing-library/react';
import type { AttentionMessage } from '../api';
import { ok, stubApi } from '../test/fakeApi';
import { signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

function attention(overrides: Partial<AttentionMessage> = {}): AttentionMessage {
  return {
    id: 'm-1',
    conversationId: 'c-1',
    contact: { id: 'k-1', externalId: '17841400000000001', name: 'Maya' },
    text: 'Yes, the linen shirt is available.',
    deliveryStatus: 'UNKNOWN',
    failureReason: 'TIMEOUT',
    sentAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

describe('AttentionPage', () => {
  beforeEach(() => {
    signIn();
  });

  it('lists each reply that needs the team with its customer, status and a link to its conversation', async () => {
    stubApi({
      'GET /api/messages': ok([
        attention(),
        attention({ id: 'm-2', conversationId: 'c-2', contact: { id: 'k-2', externalId: '1784', name: null },
          deliveryStatus: 'FAILED', failureReason: 'RECIPIENT_UNAVAILABLE', text: 'Your order ships today.' }),
      ]),
    });
    renderApp('/attention');

    const list = await screen.findByRole('list', { name: 'Replies needing attention' });
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveAttribute('href', '/inbox/c-1');
    expect(links[0]).toHaveTextContent('Maya');
    expect(links[0]).toHaveTextContent('Yes, the linen shirt is available.');
    expect(links[0]).toHaveTextContent('Delivery unknown — check Instagram before resending');
    expect(links[1]).toHaveAttribute('href', '/inbox/c-2');
    expect(links[1]).toHaveTextContent('1784');
    expect(links[1]).toHaveTextContent('Not delivered');
    expect(links[1]).toHaveTextContent('RECIPIENT_UNAVAILABLE');
  });

  it('says so when every reply was delivered', async () => {
    stubApi({ 'GET /api/messages': ok([]) });
    renderApp('/attention');

    expect(await screen.findByText('Every reply was delivered. Nothing needs you here.')).toBeInTheDocument();
  });
});
