/** The prefix of the pages of issued certificates (patched and refreshed after a revocation). */
export function issuedCertificatesKey(userId: string | undefined) {
  return ['session', userId, 'certificate-office'] as const
}
