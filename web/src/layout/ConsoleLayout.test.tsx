import { fireEvent, render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { routes } from '../routes';

function renderConsoleAt(path: string) {
  render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />);
}

describe('ConsoleLayout', () => {
  it('shows the Sellavie header with links to the inbox, log-in and sign-up', () => {
    renderConsoleAt('/');

    expect(screen.getByRole('banner')).toHaveTextContent('Sellavie');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = Array.from(nav.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Inbox', '/inbox'],
      ['Log in', '/login'],
      ['Sign up', '/signup'],
    ]);
  });

  it('says on the home page that the console is being built', () => {
    renderConsoleAt('/');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to Sellavie');
    expect(screen.getByText(/this console is being built/i)).toBeInTheDocument();
  });

  it('moves to the page a navigation link names and marks that link active', () => {
    renderConsoleAt('/');

    fireEvent.click(screen.getByRole('link', { name: 'Inbox' }));

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Inbox');
    expect(screen.getByRole('link', { name: 'Inbox' })).toHaveClass('active');
    expect(screen.getByRole('link', { name: 'Log in' })).not.toHaveClass('active');
  });

  it('answers an unknown address inside the layout with a not-found page', () => {
    renderConsoleAt('/no-such-page');

    expect(screen.getByRole('banner')).toHaveTextContent('Sellavie');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
  });
});
