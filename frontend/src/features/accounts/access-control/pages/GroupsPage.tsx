import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Confirmation } from '@/components/Confirmation'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useDeleteGroup } from '../api/useDeleteGroup'
import { type Group, useGroups } from '../api/useGroups'
import { usePermissions } from '../api/usePermissions'
import { GroupForm } from '../components/GroupForm'
import { GroupTable } from '../components/GroupTable'

/** The form open: a new group, or the group being changed. */
type Editing = { group: Group | null } | null

/**
 * /backoffice/gruppi — groups and permissions (seed 001 "Gruppi", "Permessi"): every group
 * with what it allows; create, change, and delete those that are not built in.
 */
export function GroupsPage() {
  const { t } = useTranslation()
  const groups = useGroups()
  const permissions = usePermissions()
  const remove = useDeleteGroup()
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<Group | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus()
  }, [outcome])

  const focusLater = (id: string) =>
    requestAnimationFrame(() => document.getElementById(id)?.focus())

  const startEditing = (group: Group | null) => {
    setOutcome(null)
    setDeleting(null)
    setEditing({ group })
  }
  const stopEditing = () => {
    const group = editing?.group
    setEditing(null)
    focusLater(group ? `edit-group-${group.id}` : 'new-group')
  }
  const askDelete = (group: Group) => {
    setOutcome(null)
    setEditing(null)
    remove.reset()
    setDeleting(group)
  }
  const cancelDelete = () => {
    const id = deleting?.id
    setDeleting(null)
    if (id) focusLater(`delete-group-${id}`)
  }
  const confirmDelete = (group: Group) =>
    remove.mutate(group.id, {
      onSuccess: () => {
        setDeleting(null)
        setOutcome(t('admin.groups.deleted', { name: group.name }))
      },
      onError: () => setDeleting(null),
    })

  const list = groups.data ?? []
  return (
    <>
      <PageHeading title={t('admin.groups.title')} lead={t('admin.groups.lead')} />
      <div ref={outcomeRef} tabIndex={-1} role="status" className="outcome-region">
        {outcome ? <Notice color="success">{outcome}</Notice> : null}
      </div>
      {remove.isError ? (
        <ProblemAlert error={remove.error} context={t('admin.groups.deleteFailed')} />
      ) : null}
      {editing ? (
        <GroupForm
          key={editing.group?.id ?? 'new'}
          group={editing.group}
          onCancel={stopEditing}
          onSaved={(saved, created) => {
            setEditing(null)
            setOutcome(
              t(created ? 'admin.groups.created' : 'admin.groups.updated', { name: saved.name }),
            )
          }}
        />
      ) : (
        <button
          type="button"
          id="new-group"
          className="btn btn-primary mb-4"
          onClick={() => startEditing(null)}
        >
          {t('admin.groups.new')}
        </button>
      )}
      {deleting ? (
        <Confirmation
          id="delete-group-question"
          question={t('admin.groups.deleteQuestion', { name: deleting.name })}
          explanation={t('admin.groups.deleteExplanation', { count: deleting.members })}
          confirmLabel={t('admin.groups.confirmDelete')}
          cancelLabel={t('admin.groups.cancel')}
          busy={remove.isPending}
          busyLabel={t('admin.groups.deleting')}
          onConfirm={() => confirmDelete(deleting)}
          onCancel={cancelDelete}
        />
      ) : null}
      {groups.isError ? (
        <ProblemAlert error={groups.error} context={t('admin.groups.loadFailed')} />
      ) : !groups.data ? (
        <Loading label={t('admin.groups.loading')} />
      ) : (
        <GroupTable
          groups={list}
          permissions={permissions.data}
          caption={t('admin.groups.count', { count: list.length })}
          onEdit={startEditing}
          onDelete={askDelete}
        />
      )}
    </>
  )
}
