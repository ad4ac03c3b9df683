import type { PasswordPolicy } from '../api/usePasswordPolicy'

/**
 * The password rules, as the server configures them (seed 000 by default: at least 8
 * characters, at least 2 digits, only letters and digits, some letters). Checked here as the
 * person types; the server checks again.
 */
export type PasswordRule =
  'minLength' | 'maxLength' | 'minDigits' | 'lettersAndDigitsOnly' | 'hasLetter'

/** The rules a policy imposes, in the order they are listed. */
export function rulesOf(policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = ['minLength']
  if (policy.min_digits > 0) rules.push('minDigits')
  if (policy.letters_and_digits_only) rules.push('lettersAndDigitsOnly')
  if (policy.requires_letter) rules.push('hasLetter')
  return rules
}

/** Which rules the password meets (the maximum length only when exceeded). */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
): Record<PasswordRule, boolean> {
  const length = [...password].length
  return {
    minLength: length >= policy.min_length,
    maxLength: length <= policy.max_length,
    minDigits: (password.match(/[0-9]/g) ?? []).length >= policy.min_digits,
    lettersAndDigitsOnly: length > 0 && /^[A-Za-z0-9]+$/.test(password),
    hasLetter: /\p{L}/u.test(password),
  }
}

export function meetsAllRules(password: string, policy: PasswordPolicy): boolean {
  const state = checkPassword(password, policy)
  return state.maxLength && rulesOf(policy).every((rule) => state[rule])
}
