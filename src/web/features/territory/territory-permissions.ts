import { useCurrentUser } from '../../app/auth/session';

/**
 * What the signed-in user may change, so that buttons that would only earn a
 * 403 are not shown. The server still decides: scope is checked there (a unit
 * outside it is "not found"), and its refusal is shown if it comes.
 */
export function useTerritoryPermissions() {
  const user = useCurrentUser();
  return {
    /** Effective dates of territorial changes: administrators. */
    canCorrectDates: user.role === 'admin',
    /** Villages and party organisations: every writer; a commune officer only in their own commune. */
    canEditCommuneRecords: (communeId: string) => user.role !== 'viewer' && (user.role !== 'commune' || user.unit.id === communeId),
    /** Area classes and weak-commune designations are decided above the commune. */
    canEditCommuneProfile: user.role === 'admin' || user.role === 'province' || user.role === 'district',
  };
}
