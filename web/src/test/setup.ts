import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetSessionCacheForTests } from '../session/session';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  resetSessionCacheForTests();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
