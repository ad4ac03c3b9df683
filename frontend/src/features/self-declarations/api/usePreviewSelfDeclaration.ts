import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type DeclarationRequest = RequestOf<'/api/v1/self-declarations/preview', 'post'>
export type Preview = ResponseOf<'/api/v1/self-declarations/preview', 'post'>

/**
 * POST /api/v1/self-declarations/preview: checks every field and answers the text as it
 * will be printed; stores nothing. A refusal names the fields (400 `validation_failed`).
 */
export function usePreviewSelfDeclaration() {
  return useMutation({
    mutationFn: (body: DeclarationRequest) =>
      unwrap(api.POST('/api/v1/self-declarations/preview', { body })),
  })
}
