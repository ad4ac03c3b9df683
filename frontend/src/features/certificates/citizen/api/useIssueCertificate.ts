import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type RequestOf, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { certificatesKey } from './keys'

export type IssueRequest = RequestOf<'/api/v1/certificates', 'post'>
export type Certificate = ResponseOf<'/api/v1/certificates/{id}', 'get'>

interface IssueCall {
  body: IssueRequest
  /** The same for every attempt of one request: the server then issues only once. */
  idempotencyKey: string
}

/** POST /api/v1/certificates: issues, signs and stores a certificate (201, or 200 on a repeat). */
export function useIssueCertificate() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: IssueCall) =>
      unwrap(
        api.POST('/api/v1/certificates', {
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ) as Promise<Certificate>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificatesKey(user?.id) }),
  })
}
