import type { RouteObject } from 'react-router-dom';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { UpcomingPage } from './pages/UpcomingPage';

/** Every console route. Sign-up, log-in and the inbox are reserved here; their pages come next. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'signup', element: <UpcomingPage title="Sign up" /> },
      { path: 'login', element: <UpcomingPage title="Log in" /> },
      { path: 'inbox', element: <UpcomingPage title="Inbox" /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
