import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { profileKey } from '@/lib/session'

export type ProfileUpdate = RequestOf<'/api/v1/me', 'patch'>

/** PATCH /api/v1/me: changes the contact details; the answer is the updated profile. */
export function useUpdateProfile() {
  const queryClient = useQueryClient()
  const { i18n } = useTranslation()
  const { user } = useSession()
  return useMutation({
    mutationFn: (update: ProfileUpdate) => unwrap(api.PATCH('/api/v1/me', { body: update })),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKey(user?.id, i18n.language), profile)
    },
  })
}
