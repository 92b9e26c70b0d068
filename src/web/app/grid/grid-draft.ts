import { useEffect, useRef, useState } from 'react';

type Cells<T> = Record<string, T | null>;

/**
 * The unsaved edits carried over onto newer server data: a cell the user has
 * not touched follows the server (an import, a colleague's save, a refetch),
 * a cell they changed keeps their value until it is saved or undone.
 */
export function rebaseDraft<T>(draft: Cells<T>, previousSaved: Cells<T>, saved: Cells<T>): Cells<T> {
  const next: Cells<T> = { ...saved };
  for (const key of Object.keys(draft)) {
    const edited = (draft[key] ?? null) !== (previousSaved[key] ?? null);
    if (edited) next[key] = draft[key] ?? null;
  }
  return next;
}

/** A grid's editable copy of `saved`, kept in step with it by `rebaseDraft`. */
export function useGridDraft<T>(saved: Cells<T>) {
  const [draft, setDraft] = useState<Cells<T>>(saved);
  const previous = useRef(saved);
  useEffect(() => {
    if (previous.current === saved) return;
    const before = previous.current;
    previous.current = saved;
    setDraft((current) => rebaseDraft(current, before, saved));
  }, [saved]);
  return [draft, setDraft] as const;
}
