import { useTranslation } from 'react-i18next'
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
    <div className="table-responsive">
      <table className="table admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.groups.columns.name')}</th>
            <th scope="col">{t('admin.groups.columns.description')}</th>
            <th scope="col">{t('admin.groups.columns.permissions')}</th>
            <th scope="col">{t('admin.groups.columns.members')}</th>
            <th scope="col">{t('admin.groups.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <th scope="row">
                {group.name}
                {group.built_in ? (
                  <>
                    <br />
                    <span className="badge bg-primary">{t('admin.groups.builtIn')}</span>
                  </>
                ) : null}
              </th>
              <td>{group.description || '—'}</td>
              <td>
                {group.permissions.length > 0 ? (
                  <ul className="list-unstyled mb-0">
                    {group.permissions.map((code) => (
                      <li key={code}>{labelOf(code)}</li>
                    ))}
                  </ul>
                ) : (
                  t('admin.groups.noPermissions')
                )}
              </td>
              <td>{group.members}</td>
              <td>
                <div className="d-flex flex-wrap gap-2">
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
                      {t('admin.groups.delete')}{' '}
                      <span className="visually-hidden">{group.name}</span>
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
