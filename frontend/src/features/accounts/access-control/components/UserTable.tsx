import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
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
    <DataTable
      caption={caption}
      className="admin-table"
      stackBelow="medium"
      rows={users}
      rowKey={(user) => user.id}
      rowProps={(user) => ({ className: user.id === selectedId ? 'table-active' : undefined })}
      columns={[
        {
          key: 'person',
          header: t('admin.users.columns.person'),
          rowHeader: true,
          cell: (user) => fullNameOf(user),
        },
        {
          key: 'loginName',
          header: t('admin.users.columns.loginName'),
          className: 'identifier',
          cell: (user) => user.fiscal_code ?? user.username ?? '—',
        },
        {
          key: 'role',
          header: t('admin.users.columns.role'),
          cell: (user) => t(`admin.users.roles.${user.role}`, { defaultValue: user.role }),
        },
        {
          key: 'status',
          header: t('admin.users.columns.status'),
          cell: (user) => <StatusBadge status={user.status} />,
        },
        {
          key: 'groups',
          header: t('admin.users.columns.groups'),
          cell: (user) => (user.groups.length > 0 ? user.groups.map(groupName).join(', ') : '—'),
        },
        {
          key: 'action',
          header: t('admin.users.columns.action'),
          actions: true,
          cell: (user) => (
            <button
              type="button"
              id={`open-user-${user.id}`}
              className="btn btn-outline-primary btn-sm"
              aria-pressed={user.id === selectedId}
              onClick={() => onSelect(user)}
            >
              {t('admin.users.open')} <span className="visually-hidden">{fullNameOf(user)}</span>
            </button>
          ),
        },
      ]}
    />
  )
}
