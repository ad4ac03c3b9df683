import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import type { components } from '@/lib/api/schema'
import { unwrap } from '@/lib/api/problem'

export type RegistrationRequest = RequestOf<'/api/v1/registrations', 'post'>
export type RegistrationAccepted = components['schemas']['RegistrationAccepted']

/** POST /api/v1/registrations: 201 with the next steps; the account awaits identification. */
export function useRegister() {
  return useMutation({
    mutationFn: (registration: RegistrationRequest) =>
      unwrap<RegistrationAccepted>(api.POST('/api/v1/registrations', { body: registration })),
  })
}
