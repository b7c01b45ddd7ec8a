import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { QueryProvider } from '../query/QueryProvider';
import { createQueryClient } from '../query/queryClient';
import { routes } from '../routes';

/**
 * Renders the whole console (layout, guard, pages) at `path`, with the console's own query cache
 * (a fresh one per render, so no test sees another's data); the router tells where it ended up.
 */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  const view = render(
    <QueryProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryProvider>,
  );
  return { ...view, router, queryClient, location: () => router.state.location.pathname };
}
