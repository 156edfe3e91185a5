import { useEffect, useRef, useState } from 'react';
import { call, isApiCallError } from '../../api/client';
import type { DraftData } from './intakeValues';

const DEBOUNCE_MS = 1000;

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface Initial {
  id: string;
  version: number;
  updatedAt: string;
}

/**
 * Saves the intake as it is typed (about a second after the last keystroke), one save at a
 * time, naming the draft version it last wrote. Nothing typed is lost to a closed window,
 * a lock or a power cut: at worst the last second.
 */
export function useDraftAutosave(data: DraftData | null, options: { initial: Initial | null; onCreated: (id: string) => void }) {
  const state = useRef({
    id: options.initial?.id ?? null,
    version: options.initial?.version ?? null,
    latest: null as DraftData | null,
    dirty: false,
    paused: false,
    finished: false,
    timer: null as ReturnType<typeof setTimeout> | null,
    inFlight: null as Promise<void> | null,
    /** Once the form is gone, a last save still runs but tells nobody (the address is another screen's). */
    mounted: true,
  });
  const onCreated = useRef(options.onCreated);
  onCreated.current = options.onCreated;
  const [status, setStatus] = useState<DraftStatus>(options.initial ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(options.initial?.updatedAt ?? null);
  const [conflict, setConflict] = useState(false);

  const clearTimer = () => {
    const s = state.current;
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
  };

  const schedule = () => {
    clearTimer();
    state.current.timer = setTimeout(() => void saveNow(), DEBOUNCE_MS);
  };

  async function saveNow(): Promise<void> {
    const s = state.current;
    clearTimer();
    while (s.inFlight) await s.inFlight;
    if (!s.dirty || !s.latest || s.finished) return;
    const data = s.latest;
    s.dirty = false;
    s.inFlight = (async () => {
      setStatus('saving');
      try {
        const saved = await call('intake.saveDraft', { ...(s.id && s.version ? { id: s.id, version: s.version } : {}), data: { ...data } });
        const created = s.id === null;
        s.id = saved.id;
        s.version = saved.version;
        setSavedAt(saved.savedAt);
        setStatus('saved');
        if (created && s.mounted) onCreated.current(saved.id);
      } catch (e) {
        s.dirty = true;
        const current = isApiCallError(e, 'CONFLICT') ? (e.current as { version?: unknown } | undefined) : undefined;
        if (typeof current?.version === 'number') {
          // The same draft was saved from another window: this screen is what the officer sees, so it wins.
          s.version = current.version;
          setConflict(true);
        } else {
          setStatus('failed');
        }
        if (!s.paused && !s.finished) schedule();
      } finally {
        s.inFlight = null;
      }
    })();
    await s.inFlight;
  }

  const serialized = data ? JSON.stringify(data) : null;
  useEffect(() => {
    const s = state.current;
    if (!data || s.finished) return;
    s.latest = data;
    s.dirty = true;
    if (s.paused) return;
    // "Saved" is only shown when nothing typed is waiting to be saved.
    setStatus('saving');
    schedule();
  }, [serialized]);

  // Leaving the screen before the second is up still keeps the last keystrokes.
  useEffect(() => {
    state.current.mounted = true;
    return () => {
      const s = state.current;
      s.mounted = false;
      if (s.dirty && !s.paused && !s.finished) void saveNow();
      clearTimer();
    };
  }, []);

  return {
    status,
    savedAt,
    conflict,
    /** Stops saving and waits for a save on its way; returns the draft's id (registration removes it). */
    async settle(): Promise<string | null> {
      const s = state.current;
      s.paused = true;
      clearTimer();
      while (s.inFlight) await s.inFlight;
      return s.id;
    },
    /** After a failed registration: saving goes on. */
    resume() {
      const s = state.current;
      s.paused = false;
      if (s.dirty) schedule();
    },
    /** The case is registered (the core removed the draft): nothing more to save. */
    finish() {
      state.current.finished = true;
      clearTimer();
    },
    async discard(): Promise<void> {
      const s = state.current;
      s.finished = true;
      clearTimer();
      while (s.inFlight) await s.inFlight;
      if (s.id) await call('intake.discardDraft', { id: s.id });
    },
  };
}
