/** What a certificate's QR holds: `{public_base_url}/verifica/{id}#{seal}`. */
export interface VerificationLink {
  id: string
  /** The seal, without '#'; empty when the link carries none. */
  seal: string
}

/**
 * Reads the text of a scanned QR code as a verification link. The address's origin is not
 * checked: the seal is verified against this portal's keys, which decides.
 */
export function parseVerificationLink(text: string): VerificationLink | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const match = /\/verifica\/([0-9A-Za-z-]{4,32})\/?$/.exec(url.pathname)
  if (!match?.[1]) return null
  return { id: decodeURIComponent(match[1]), seal: url.hash.replace(/^#/, '') }
}

/** The SPA address of a link: the same page, here. */
export function verificationPath(link: VerificationLink): string {
  return `/verifica/${encodeURIComponent(link.id)}${link.seal ? `#${link.seal}` : ''}`
}
