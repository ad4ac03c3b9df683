import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { selfDeclarationsKey } from './keys'
import type { DeclarationRequest } from './usePreviewSelfDeclaration'

export type SelfDeclaration = ResponseOf<'/api/v1/self-declarations/{id}', 'get'>

interface CreateCall {
  body: DeclarationRequest
  /** The same for every attempt of one declaration: the server then stores it once. */
  idempotencyKey: string
}

/** POST /api/v1/self-declarations: composes, renders and stores the declaration (201, or 200 on a repeat). */
export function useCreateSelfDeclaration() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CreateCall) =>
      unwrap(
        api.POST('/api/v1/self-declarations', {
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ) as Promise<SelfDeclaration>,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...selfDeclarationsKey(user?.id), 'list'] }),
  })
}
