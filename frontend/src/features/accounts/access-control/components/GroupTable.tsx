import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import type { Group } from '../api/useGroups'
import type { PermissionInfo } from '../api/usePermissions'

interface GroupTableProps {
  groups: Group[]
  /** To name the permissions; their codes until the list arrives. */
  permissions: PermissionInfo[] | undefined
  caption: string
  onEdit: (group: Group) => void
  onDelete: (group: Group) => void
}

/** Every group: its permissions, its members, and the buttons to change or delete it. */
export function GroupTable({ groups, permissions, caption, onEdit, onDelete }: GroupTableProps) {
  const { t } = useTranslation()
  const labelOf = (code: string) => permissions?.find((p) => p.code === code)?.label ?? code
  return (
    <DataTable
      caption={caption}
      className="admin-table"
      stackBelow="medium"
      rows={groups}
      rowKey={(group) => group.id}
      columns={[
        {
          key: 'name',
          header: t('admin.groups.columns.name'),
          rowHeader: true,
          cell: (group) => (
            <>
              {group.name}
              {group.built_in ? (
                <>
                  <br />
                  <span className="badge bg-primary">{t('admin.groups.builtIn')}</span>
                </>
              ) : null}
            </>
          ),
        },
        {
          key: 'description',
          header: t('admin.groups.columns.description'),
          cell: (group) => group.description || '—',
        },
        {
          key: 'permissions',
          header: t('admin.groups.columns.permissions'),
          cell: (group) =>
            group.permissions.length > 0 ? (
              <ul className="list-unstyled mb-0">
                {group.permissions.map((code) => (
                  <li key={code}>{labelOf(code)}</li>
                ))}
              </ul>
            ) : (
              t('admin.groups.noPermissions')
            ),
        },
        {
          key: 'members',
          header: t('admin.groups.columns.members'),
          cell: (group) => group.members,
        },
        {
          key: 'actions',
          header: t('admin.groups.columns.actions'),
          actions: true,
          cell: (group) => (
            <div className="table-actions">
              <button
                type="button"
                id={`edit-group-${group.id}`}
                className="btn btn-outline-primary btn-sm"
                onClick={() => onEdit(group)}
              >
                {t('admin.groups.edit')} <span className="visually-hidden">{group.name}</span>
              </button>
              {group.built_in ? null : (
                <button
                  type="button"
                  id={`delete-group-${group.id}`}
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => onDelete(group)}
                >
                  {t('admin.groups.delete')} <span className="visually-hidden">{group.name}</span>
                </button>
              )}
            </div>
          ),
        },
      ]}
    />
  )
}
