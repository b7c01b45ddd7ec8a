import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The gateway is the console's only backend; in development Vite forwards API calls to it.
const gateway = process.env.SELLAVIE_GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': gateway,
      '/.well-known': gateway,
    },
  },
  build: {
    outDir: 'dist',
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    // Role queries over a whole page are slow in jsdom, and the machines are shared (builds of other
    // modules run alongside): 5 s (the default) fails a correct test under load, so allow more.
    testTimeout: 20_000,
    // One jsdom for all files of a worker instead of a fresh one per file: environment set-up and
    // imports were over a third of the run. setup.ts resets what a test can leave behind (DOM,
    // storage, session cache, stubbed globals, timers) after every test.
    isolate: false,
  },
});
