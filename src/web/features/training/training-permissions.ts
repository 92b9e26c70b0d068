import { useCurrentUser } from '../../app/auth/session';

/** Whether training records may be changed at all: the session's "write" ability from the server's policy (viewers read only). */
export function useCanWriteTraining(): boolean {
  return useCurrentUser().abilities.write;
}
