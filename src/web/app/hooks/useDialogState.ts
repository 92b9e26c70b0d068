import { useState } from 'react';

/**
 * Open/closed state of a drawer or modal about one subject (e.g. the user
 * being edited). The subject outlives `close()` so the title does not go
 * blank during the closing animation.
 */
export function useDialogState<Subject>() {
  const [state, setState] = useState<{ open: boolean; subject: Subject | null }>({ open: false, subject: null });
  return {
    open: state.open,
    subject: state.subject,
    show: (subject: Subject | null) => setState({ open: true, subject }),
    close: () => setState((previous) => ({ ...previous, open: false })),
  };
}
