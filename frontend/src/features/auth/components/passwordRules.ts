/**
 * The password rules of seed 000, the portal's default: at least 8 characters, at least 2
 * digits, only letters and digits (no spaces, punctuation or symbols) — and, as the server
 * also demands, some letters. Checked here as the person types; the server checks again.
 */
export const PASSWORD_RULES = [
  'minLength',
  'minDigits',
  'lettersAndDigitsOnly',
  'hasLetter',
] as const
export type PasswordRule = (typeof PASSWORD_RULES)[number]

export const MIN_LENGTH = 8
export const MIN_DIGITS = 2

/** Which rules the password meets. An empty password meets none. */
export function checkPassword(password: string): Record<PasswordRule, boolean> {
  const filled = password.length > 0
  return {
    minLength: [...password].length >= MIN_LENGTH,
    minDigits: (password.match(/[0-9]/g) ?? []).length >= MIN_DIGITS,
    lettersAndDigitsOnly: filled && /^[A-Za-z0-9]+$/.test(password),
    hasLetter: /[A-Za-z]/.test(password),
  }
}

export function meetsAllRules(password: string): boolean {
  return Object.values(checkPassword(password)).every(Boolean)
}
