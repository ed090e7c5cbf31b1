// The debouncer behind "save after every change": one run, a delay after the last request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer } from '../../src/sugar/debounce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Debouncer', () => {
  it('runs once, delayMs after the last of a burst', () => {
    const action = vi.fn();
    const debouncer = new Debouncer(1000, action);
    debouncer.schedule();
    vi.advanceTimersByTime(600);
    debouncer.schedule();
    vi.advanceTimersByTime(999);
    expect(action).not.toHaveBeenCalled();
    expect(debouncer.pending).toBe(true);
    vi.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledTimes(1);
    expect(debouncer.pending).toBe(false);
  });

  it('runs again for a later burst', () => {
    const action = vi.fn();
    const debouncer = new Debouncer(100, action);
    debouncer.schedule();
    vi.advanceTimersByTime(100);
    debouncer.schedule();
    vi.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('does not run after cancel', () => {
    const action = vi.fn();
    const debouncer = new Debouncer(100, action);
    debouncer.schedule();
    debouncer.cancel();
    vi.advanceTimersByTime(1000);
    expect(action).not.toHaveBeenCalled();
    expect(debouncer.pending).toBe(false);
  });
});
