import { useTranslation } from 'react-i18next'
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
  return (
    <div className="table-responsive">
      <table className="table account-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backoffice.columns.person')}</th>
            <th scope="col">{t('backoffice.columns.loginName')}</th>
            <th scope="col">{t('backoffice.columns.birthDate')}</th>
            <th scope="col">{t('backoffice.columns.registeredAt')}</th>
            {pending ? null : <th scope="col">{t('backoffice.columns.document')}</th>}
            {pending ? <th scope="col">{t('backoffice.columns.action')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const fullName = `${account.surname} ${account.name}`
            const documentType = account.identity_document_type
            return (
              <tr
                key={account.id}
                className={account.id === selectedId ? 'table-active' : undefined}
              >
                <th scope="row">{fullName}</th>
                <td className="font-monospace">
                  {account.fiscal_code ?? account.username ?? none}
                </td>
                <td>
                  {account.birth_date
                    ? formatDate(account.birth_date, i18n.language, 'medium')
                    : none}
                </td>
                <td>{formatDateTime(account.created_at, i18n.language)}</td>
                {pending ? null : (
                  <td>
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
                  </td>
                )}
                {pending ? (
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      id={`identify-${account.id}`}
                      aria-pressed={account.id === selectedId}
                      onClick={() => onSelect(account)}
                    >
                      {t('backoffice.identify')} <span className="visually-hidden">{fullName}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
