import { useCurrentUser } from '../../app/auth/session';

/** Viewers read everything in their scope and change nothing; the server refuses them too. */
export function useCanWriteTraining(): boolean {
  return useCurrentUser().role !== 'viewer';
}
