import '@testing-library/jest-dom/vitest';
import { notifyManager } from '@tanstack/react-query';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetSessionCacheForTests } from '../session/session';

// findBy*/waitFor give up after 1 s by default; on a loaded shared machine a correct page can take
// longer to render, so a test waits up to 5 s for what it expects (it still fails if it never comes).
configure({ asyncUtilTimeout: 5000 });

// TanStack Query hands its answers to React on the next macrotask (setTimeout 0) to batch them; tests
// that fake setTimeout would then have to advance time just to see an answer that already came. A
// microtask keeps the batching and lets an answer show as soon as it arrives, as it did before the cache.
notifyManager.setScheduler(queueMicrotask);

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  resetSessionCacheForTests();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
