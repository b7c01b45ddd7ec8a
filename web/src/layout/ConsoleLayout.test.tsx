import { fireEvent, screen } from '@testing-library/react';
import { currentSession } from '../session/session';
import { ok, stubApi } from '../test/fakeApi';
import { signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

function navigationLinks() {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return Array.from(nav.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
}

describe('ConsoleLayout', () => {
  it('offers log-in and sign-up to a visitor', () => {
    renderApp('/');

    expect(screen.getByRole('banner')).toHaveTextContent('Sellavie');
    expect(navigationLinks()).toEqual([
      ['Log in', '/login'],
      ['Sign up', '/signup'],
    ]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to Sellavie');
  });

  it('offers the inbox, the replies needing attention, orders, invoices, revenue, the catalog, channels, Try your assistant, notifications and settings to a signed-in merchant, with their business and a log-out', async () => {
    signIn({ business: { id: 'b-1', name: 'Linen & Co' } });
    stubApi({ 'GET /api/conversations': ok([]) });
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Inbox' })).toBeInTheDocument();
    expect(navigationLinks()).toEqual([
      ['Inbox', '/inbox'],
      ['Needs attention', '/attention'],
      ['Orders', '/orders'],
      ['Invoices', '/invoices'],
      ['Revenue', '/revenue'],
      ['Catalog', '/catalog'],
      ['Channels', '/channels'],
      ['Try your assistant', '/try-assistant'],
      ['Notifications', '/notifications'],
      ['Settings', '/settings'],
    ]);
    expect(screen.getByRole('link', { name: 'Inbox' })).toHaveClass('active');
    expect(screen.getByRole('banner')).toHaveTextContent('Linen & Co');
  });

  it('logs out on the server and here: forgets the token and shows log-in', async () => {
    signIn({ accessToken: 'token-abc' });
    const fake = stubApi({ 'GET /api/conversations': ok([]), 'POST /api/auth/logout': { status: 204 } });
    const { location } = renderApp('/inbox');
    await screen.findByRole('heading', { name: 'Inbox' });

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(location()).toBe('/login');
    expect(currentSession()).toBeNull();
    expect(fake.requestsTo('POST /api/auth/logout')[0]?.headers.authorization).toBe('Bearer token-abc');
  });

  it('opens Settings on the payment settings, with Settings marked as the current section', async () => {
    signIn();
    stubApi({ 'GET /api/payments/providers': ok([]) });
    const { location } = renderApp('/settings');

    expect(await screen.findByRole('heading', { name: 'Payments' })).toBeInTheDocument();
    expect(location()).toBe('/settings/payments');
    expect(screen.getByRole('link', { name: 'Settings' })).toHaveClass('active');
  });

  it('answers an unknown address inside the layout with a not-found page', () => {
    renderApp('/no-such-page');

    expect(screen.getByRole('banner')).toHaveTextContent('Sellavie');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
  });
});
