import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type EmailRequest = RequestOf<'/api/v1/self-declarations/{id}/email', 'post'>

/** POST /api/v1/self-declarations/{id}/email: queues the declaration's PDF for the addresses (202). */
export function useEmailSelfDeclaration() {
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: EmailRequest }) => {
      await unwrap(
        api.POST('/api/v1/self-declarations/{id}/email', { params: { path: { id } }, body }),
      )
      return body
    },
  })
}
