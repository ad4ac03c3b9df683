import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import { formatDate, formatDateTime } from '@/lib/format'
import type { Account, AccountStatus } from '../api/useAccounts'
import { isDocumentType } from './documentTypes'

interface AccountTableProps {
  accounts: Account[]
  status: AccountStatus
  caption: string
  selectedId: string | null
  onSelect: (account: Account) => void
}

/** The accounts found, one row each; a pending account can be opened for identification. */
export function AccountTable({
  accounts,
  status,
  caption,
  selectedId,
  onSelect,
}: AccountTableProps) {
  const { t, i18n } = useTranslation()
  const pending = status === 'pending_identification'
  const none = '—'
  const fullName = (account: Account) => `${account.surname} ${account.name}`
  return (
    <DataTable
      caption={caption}
      className="admin-table"
      stackBelow="medium"
      rows={accounts}
      rowKey={(account) => account.id}
      rowProps={(account) => ({
        className: account.id === selectedId ? 'table-active' : undefined,
      })}
      columns={[
        {
          key: 'person',
          header: t('backoffice.columns.person'),
          rowHeader: true,
          cell: fullName,
        },
        {
          key: 'loginName',
          header: t('backoffice.columns.loginName'),
          className: 'identifier',
          cell: (account) => account.fiscal_code ?? account.username ?? none,
        },
        {
          key: 'birthDate',
          header: t('backoffice.columns.birthDate'),
          cell: (account) =>
            account.birth_date ? formatDate(account.birth_date, i18n.language, 'medium') : none,
        },
        {
          key: 'registeredAt',
          header: t('backoffice.columns.registeredAt'),
          cell: (account) => <DateTimeText utc={account.created_at} />,
        },
        !pending && {
          key: 'document',
          header: t('backoffice.columns.document'),
          cell: (account) => {
            const documentType = account.identity_document_type
            return (
              <>
                {documentType
                  ? `${isDocumentType(documentType) ? t(`backoffice.documentTypes.${documentType}`) : documentType} ${account.identity_document_number ?? ''}`.trim()
                  : none}
                {account.identified_at ? (
                  <>
                    <br />
                    <small>
                      {t('backoffice.identifiedAt', {
                        when: formatDateTime(account.identified_at, i18n.language),
                      })}
                    </small>
                  </>
                ) : null}
              </>
            )
          },
        },
        pending && {
          key: 'action',
          header: t('backoffice.columns.action'),
          actions: true,
          cell: (account) => (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              id={`identify-${account.id}`}
              aria-pressed={account.id === selectedId}
              onClick={() => onSelect(account)}
            >
              {t('backoffice.identify')}{' '}
              <span className="visually-hidden">{fullName(account)}</span>
            </button>
          ),
        },
      ]}
    />
  )
}
