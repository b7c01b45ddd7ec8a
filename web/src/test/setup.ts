import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetSessionCacheForTests } from '../session/session';

// findBy*/waitFor give up after 1 s by default; on a loaded shared machine a correct page can take
// longer to render, so a test waits up to 5 s for what it expects (it still fails if it never comes).
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  resetSessionCacheForTests();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
