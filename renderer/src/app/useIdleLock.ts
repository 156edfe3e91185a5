import { useEffect } from 'react';
import { endSession } from './sessionEnd';

const activityEvents = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Locks after `minutes` without mouse or keyboard activity. One timer, re-armed for the time
 * still left when it fires, so activity costs only a timestamp write.
 */
export function useIdleLock(minutes: number, enabled = true): void {
  useEffect(() => {
    if (!enabled || !(minutes > 0)) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let locked = false;
    let timer: ReturnType<typeof setTimeout>;

    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) {
        locked = true;
        void endSession('idle');
      } else {
        timer = setTimeout(check, limit - idle);
      }
    };
    const onActivity = () => {
      if (!locked) last = Date.now();
    };

    timer = setTimeout(check, limit);
    for (const name of activityEvents) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes, enabled]);
}
