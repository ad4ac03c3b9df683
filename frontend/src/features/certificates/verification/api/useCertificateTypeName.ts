import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

/**
 * The readable name of a certificate type code as the seal carries it ("stato_famiglia"
 * → "Certificato di stato di famiglia"), from the public catalogue: undefined until the
 * catalogue is known, null when the catalogue does not have the code (or cannot be had).
 */
export function useCertificateTypeName(code: string): string | null | undefined {
  const { i18n } = useTranslation()
  const types = useQuery({
    // The names come in the reader's language (the client sends it), hence the key.
    queryKey: ['certificate-types', i18n.language],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/certificate-types', { signal }))).items,
    staleTime: Infinity,
  })
  if (types.isError) return null
  if (!types.data) return undefined
  return types.data.find((type) => type.code === code)?.name ?? null
}
