/** The longest message sent along with a document by e-mail. */
export const EMAIL_MESSAGE_MAX = 2000

/** What the e-mail endpoints of documents accept: a recipient, copies, a message. */
export interface EmailBody {
  to: string
  cc?: string[]
  message?: string | null
}

/** An e-mail address as a person types it: something@domain.tld, with no spaces. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value.trim())
}
