import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** A wall-clock time as the draft status line shows it (the browser's clock is the person's). */
export function clockTime(d: Date): string {
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** What the draft status line says (polite live region: announced, never interrupting). */
export function autosaveMessage(status: AutosaveStatus, savedAt: Date | null, format: (d: Date) => string = clockTime): string {
  switch (status) {
    case 'pending':
    case 'saving':
      return 'Saving your draft…';
    case 'saved':
      return savedAt ? `Draft saved at ${format(savedAt)}` : 'Draft saved';
    case 'error':
      return 'Your draft could not be saved just now; it is still here on this screen.';
    default:
      return savedAt ? `Draft from ${format(savedAt)}` : '';
  }
}

/**
 * Keeps a value as a server draft while someone types: saved `delayMs` after the last change,
 * and at once when the screen closes (the browser keeps the request going), so what was typed
 * is never lost. `changed` starts a save; `flush` saves now (before closing a dialog, say);
 * `reset` forgets pending work (after sending the real thing or discarding).
 */
export function useAutosave<T>(save: (value: T) => Promise<Date | null>, delayMs = 1200) {
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    setStatus('saving');
    try {
      const at = await saveRef.current(next.value);
      setSavedAt(at ?? new Date());
      setStatus(pending.current ? 'pending' : 'saved');
    } catch {
      setStatus('error');
    }
  }, []);

  const changed = useCallback(
    (value: T) => {
      pending.current = { value };
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setStatus('idle');
    setSavedAt(null);
  }, []);

  // Leaving the screen with a change not yet saved: save it on the way out.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      const next = pending.current;
      if (next) void saveRef.current(next.value).catch(() => undefined);
    },
    [],
  );

  return { status, savedAt, setSavedAt, changed, flush, reset, hasPending: () => pending.current !== null };
}
