import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type EmailRequest = RequestOf<'/api/v1/certificates/{id}/email', 'post'>

/** POST /api/v1/certificates/{id}/email: queues the signed certificate for the addresses (202). */
export function useEmailCertificate() {
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: EmailRequest }) => {
      await unwrap(api.POST('/api/v1/certificates/{id}/email', { params: { path: { id } }, body }))
      return body
    },
  })
}
