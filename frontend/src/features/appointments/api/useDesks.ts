import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { availabilityKey, desksKey } from './keys'
import type { ClosureInput, Desk, DeskInput, DeskList } from './types'

/** GET /api/v1/desks: the active desks (the office: all of them). */
export function useDesks() {
  const { user } = useSession()
  return useQuery({
    queryKey: desksKey(user?.id),
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/desks', { signal }))) as DeskList,
    staleTime: 60_000,
  })
}

/** After a change of a desk: the lists and its free places are read again. */
function useDeskChanged() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return (deskId?: string) => {
    void queryClient.invalidateQueries({ queryKey: desksKey(user?.id) })
    void queryClient.invalidateQueries({ queryKey: availabilityKey(deskId) })
  }
}

/** POST /api/v1/desks (a new desk) or PUT /api/v1/desks/{id}; 422 names the wrong fields. */
export function useSaveDesk() {
  const changed = useDeskChanged()
  return useMutation({
    mutationFn: async ({ id, input }: { id?: string; input: DeskInput }) =>
      (id
        ? await unwrap(api.PUT('/api/v1/desks/{id}', { params: { path: { id } }, body: input }))
        : await unwrap(api.POST('/api/v1/desks', { body: input }))) as Desk,
    onSuccess: (desk) => changed(desk.id),
  })
}

/** POST /api/v1/desks/{id}/closures: the desk closed from `from` to `to`. */
export function useAddClosure() {
  const changed = useDeskChanged()
  return useMutation({
    mutationFn: async ({ deskId, input }: { deskId: string; input: ClosureInput }) => {
      await unwrap(
        api.POST('/api/v1/desks/{id}/closures', { params: { path: { id: deskId } }, body: input }),
      )
    },
    onSuccess: (_, { deskId }) => changed(deskId),
  })
}

/** DELETE /api/v1/desks/{id}/closures/{closure_id}. */
export function useRemoveClosure() {
  const changed = useDeskChanged()
  return useMutation({
    mutationFn: async ({ deskId, closureId }: { deskId: string; closureId: string }) => {
      await unwrap(
        api.DELETE('/api/v1/desks/{id}/closures/{closure_id}', {
          params: { path: { id: deskId, closure_id: closureId } },
        }),
      )
    },
    onSuccess: (_, { deskId }) => changed(deskId),
  })
}
