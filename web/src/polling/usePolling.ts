import { useEffect, useRef } from 'react';

/**
 * How often the inbox and the conversation view ask for news. Polling stands in for push (server-sent
 * events or WebSockets come in a later issue); 3 s keeps a new DM visible quickly at a few cheap
 * GETs a minute per open tab.
 */
export const POLL_INTERVAL_MS = 3000;

function pageIsVisible() {
  return document.visibilityState === 'visible';
}

/**
 * Runs `task` now and then again `intervalMs` after each run finishes, while the page is visible.
 * A hidden tab asks nothing; when it becomes visible again the task runs at once and the rhythm
 * resumes. Runs never overlap (the next one is scheduled only after the previous settles), and
 * nothing runs after unmount.
 *
 * `task` should handle its own errors: a rejection is not swallowed here (it surfaces as an
 * unhandled rejection) but polling carries on.
 *
 * `enabled` false stops polling (and starts nothing); turning it on again runs the task at once.
 * A page polls only while there is something to wait for (an order awaiting payment).
 */
export function usePolling(task: () => unknown, intervalMs: number = POLL_INTERVAL_MS, enabled: boolean = true) {
  const latestTask = useRef(task);
  useEffect(() => {
    latestTask.current = task;
  });

  useEffect(() => {
    if (!enabled) {
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let stopped = false;

    const schedule = () => {
      if (!stopped && pageIsVisible()) {
        timer = setTimeout(run, intervalMs);
      }
    };

    const run = async () => {
      timer = undefined;
      if (stopped || !pageIsVisible()) {
        return;
      }
      running = true;
      try {
        await latestTask.current();
      } finally {
        running = false;
        schedule();
      }
    };

    const onVisibilityChange = () => {
      if (!pageIsVisible()) {
        clearTimeout(timer);
        timer = undefined;
      } else if (timer === undefined && !running) {
        void run();
      }
    };

    void run();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [intervalMs, enabled]);
}
