import { act, renderHook } from '@testing-library/react';
import { usePolling } from './usePolling';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('usePolling', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(() => {
    setVisibility('visible');
  });

  it('runs the task at once and again after each interval', async () => {
    const task = vi.fn();
    renderHook(() => usePolling(task, 3000));
    await advance(0);
    expect(task).toHaveBeenCalledTimes(1);

    await advance(2999);
    expect(task).toHaveBeenCalledTimes(1);

    await advance(1);
    expect(task).toHaveBeenCalledTimes(2);

    await advance(3000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('runs nothing while disabled, stops when disabled, and runs at once when enabled again', async () => {
    const task = vi.fn();
    const { rerender } = renderHook(({ enabled }) => usePolling(task, 3000, enabled), { initialProps: { enabled: false } });
    await advance(30_000);
    expect(task).toHaveBeenCalledTimes(0);

    rerender({ enabled: true });
    await advance(0);
    expect(task).toHaveBeenCalledTimes(1);
    await advance(3000);
    expect(task).toHaveBeenCalledTimes(2);

    rerender({ enabled: false });
    await advance(30_000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('stops on unmount', async () => {
    const task = vi.fn();
    const { unmount } = renderHook(() => usePolling(task, 3000));
    await advance(0);

    unmount();
    await advance(30_000);

    expect(task).toHaveBeenCalledTimes(1);
  });

  it('pauses while the page is hidden and polls at once when it is visible again', async () => {
    const task = vi.fn();
    renderHook(() => usePolling(task, 3000));
    await advance(0);

    act(() => setVisibility('hidden'));
    await advance(30_000);
    expect(task).toHaveBeenCalledTimes(1);

    act(() => setVisibility('visible'));
    await advance(0);
    expect(task).toHaveBeenCalledTimes(2);

    await advance(3000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('never overlaps runs: the next one waits for a slow one to finish', async () => {
    let finish = () => {};
    const task = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderHook(() => usePolling(task, 3000));
    await advance(0);

    await advance(10_000);
    expect(task).toHaveBeenCalledTimes(1);

    await act(async () => finish());
    await advance(3000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('uses the latest task without restarting the rhythm', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = renderHook(({ task }) => usePolling(task, 3000), { initialProps: { task: first } });
    await advance(0);

    rerender({ task: second });
    await advance(3000);

    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
