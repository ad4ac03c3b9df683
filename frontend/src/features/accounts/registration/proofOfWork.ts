/**
 * The registration's anti-bot check (an accessible stand-in for an image captcha): find a
 * decimal nonce such that SHA-256(challenge + ":" + nonce) starts with `difficulty` zero
 * bits. About 65,000 hashes at the default difficulty: a second or two with Web Crypto,
 * computed in batches so the page stays responsive.
 */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

const BATCH = 256

export async function solveChallenge(
  challenge: string,
  difficulty: number,
  signal?: AbortSignal,
): Promise<string> {
  const encoder = new TextEncoder()
  for (let start = 0; ; start += BATCH) {
    if (signal?.aborted) throw new DOMException('The check was interrupted', 'AbortError')
    const nonces = Array.from({ length: BATCH }, (_, i) => String(start + i))
    const hashes = await Promise.all(
      nonces.map((nonce) =>
        crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`)),
      ),
    )
    const found = hashes.findIndex((hash) => leadingZeroBits(new Uint8Array(hash)) >= difficulty)
    if (found >= 0) return nonces[found] as string
  }
}
