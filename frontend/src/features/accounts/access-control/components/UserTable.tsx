import { useTranslation } from 'react-i18next'
import type { Group } from '../api/useGroups'
import { fullNameOf, type User } from '../api/useUsers'
import { StatusBadge } from './StatusBadge'

interface UserTableProps {
  users: User[]
  /** To name the groups; their ids until the list arrives. */
  groups: Group[] | undefined
  caption: string
  selectedId: string | null
  onSelect: (user: User) => void
}

/** The accounts found, one row each, with a button opening the account's record. */
export function UserTable({ users, groups, caption, selectedId, onSelect }: UserTableProps) {
  const { t } = useTranslation()
  const groupName = (id: string) => groups?.find((g) => g.id === id)?.name ?? id
  return (
    <div className="table-responsive">
      <table className="table admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.columns.person')}</th>
            <th scope="col">{t('admin.users.columns.loginName')}</th>
            <th scope="col">{t('admin.users.columns.role')}</th>
            <th scope="col">{t('admin.users.columns.status')}</th>
            <th scope="col">{t('admin.users.columns.groups')}</th>
            <th scope="col">{t('admin.users.columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const name = fullNameOf(user)
            return (
              <tr key={user.id} className={user.id === selectedId ? 'table-active' : undefined}>
                <th scope="row">{name}</th>
                <td className="font-monospace">{user.fiscal_code ?? user.username ?? '—'}</td>
                <td>{t(`admin.users.roles.${user.role}`, { defaultValue: user.role })}</td>
                <td>
                  <StatusBadge status={user.status} />
                </td>
                <td>{user.groups.length > 0 ? user.groups.map(groupName).join(', ') : '—'}</td>
                <td>
                  <button
                    type="button"
                    id={`open-user-${user.id}`}
                    className="btn btn-outline-primary btn-sm text-nowrap"
                    aria-pressed={user.id === selectedId}
                    onClick={() => onSelect(user)}
                  >
                    {t('admin.users.open')} <span className="visually-hidden">{name}</span>
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
