import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import { QueryProvider } from './query/QueryProvider';
import { routes } from './routes';
import './styles.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <QueryProvider>
      <RouterProvider router={createBrowserRouter(routes)} />
    </QueryProvider>
  </StrictMode>,
);
