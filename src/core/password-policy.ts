/**
 * The floor a new password must clear, checked by the server and shown by
 * the forms before the round trip. Counted in characters as a person types
 * them (code points), not UTF-16 units.
 */
export const MIN_PASSWORD_LENGTH = 10;

export function isLongEnoughPassword(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}
