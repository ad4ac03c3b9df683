import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import type { Client } from '../api/types'
import { scopeLabel } from './scopeText'

interface ClientTableProps {
  clients: Client[]
  caption: string
  onRenew: (client: Client) => void
  onReplaceKeys: (client: Client) => void
  onRevoke: (client: Client) => void
}

/** The id of a row's button, for the focus to come back to it. */
export function actionButtonId(action: 'renew' | 'keys' | 'revoke', client: Client) {
  return `${action}-client-${client.client_id}`
}

/**
 * Every application: who it is, whom to call, what it may do, how much and from where,
 * since when, whether it still works; active ones can have their credentials renewed or be
 * revoked. On narrow screens each application is a card.
 */
export function ClientTable({
  clients,
  caption,
  onRenew,
  onReplaceKeys,
  onRevoke,
}: ClientTableProps) {
  const { t } = useTranslation()
  return (
    <DataTable<Client>
      caption={caption}
      className="admin-table client-table"
      stackBelow="wide"
      rows={clients}
      rowKey={(client) => client.client_id}
      rowProps={(client) => ({ 'data-client': client.client_id })}
      columns={[
        {
          key: 'name',
          header: t('clients.columns.name'),
          rowHeader: true,
          cell: (client) => (
            <>
              {client.name}
              <br />
              <span className="identifier">{client.client_id}</span>
            </>
          ),
        },
        {
          key: 'organisation',
          header: t('clients.columns.organisation'),
          cell: (client) => client.organisation,
        },
        {
          key: 'contact',
          header: t('clients.columns.contact'),
          cell: (client) => <span className="client-contact">{client.contact_email}</span>,
        },
        {
          key: 'scopes',
          header: t('clients.columns.scopes'),
          cell: (client) => (
            <ul className="list-unstyled mb-0">
              {client.scopes.map((scope) => (
                <li key={scope}>{scopeLabel(t, scope)}</li>
              ))}
            </ul>
          ),
        },
        {
          key: 'limits',
          header: t('clients.columns.limits'),
          cell: (client) => (
            <>
              {t('clients.perMinute', { count: client.rate_limit_per_minute })}
              <br />
              <small>
                {client.allowed_ips.length === 0
                  ? t('clients.fromAnywhere')
                  : t('clients.fromAddresses', { addresses: client.allowed_ips.join(', ') })}
              </small>
            </>
          ),
        },
        {
          key: 'created',
          header: t('clients.columns.created'),
          cell: (client) => (
            <>
              <DateTimeText utc={client.created_at} />
              <br />
              <small>
                {t(
                  client.auth_method === 'private_key_jwt'
                    ? 'clients.keys.authKeys'
                    : 'clients.keys.authSecret',
                )}
              </small>
              {client.secret_created_at !== client.created_at ? (
                <>
                  <br />
                  <small>
                    {t('clients.renewedOn')} <DateTimeText utc={client.secret_created_at} />
                  </small>
                </>
              ) : null}
            </>
          ),
        },
        {
          key: 'state',
          header: t('clients.columns.state'),
          cell: (client) =>
            client.revoked_at ? (
              <>
                <span className="badge bg-secondary">{t('clients.revoked')}</span>
                <br />
                <small>
                  {t('clients.revokedOn')} <DateTimeText utc={client.revoked_at} />
                </small>
              </>
            ) : (
              <span className="badge bg-success">{t('clients.active')}</span>
            ),
        },
        {
          key: 'actions',
          header: t('clients.columns.actions'),
          actions: true,
          cell: (client) =>
            client.revoked_at ? null : (
              <div className="table-actions">
                {client.auth_method === 'private_key_jwt' ? (
                  <button
                    type="button"
                    id={actionButtonId('keys', client)}
                    className="btn btn-outline-primary btn-sm"
                    onClick={() => onReplaceKeys(client)}
                  >
                    {t('clients.keys.replace')}{' '}
                    <span className="visually-hidden">{client.name}</span>
                  </button>
                ) : (
                  <button
                    type="button"
                    id={actionButtonId('renew', client)}
                    className="btn btn-outline-primary btn-sm"
                    onClick={() => onRenew(client)}
                  >
                    {t('clients.renew')} <span className="visually-hidden">{client.name}</span>
                  </button>
                )}
                <button
                  type="button"
                  id={actionButtonId('revoke', client)}
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => onRevoke(client)}
                >
                  {t('clients.revoke')} <span className="visually-hidden">{client.name}</span>
                </button>
              </div>
            ),
        },
      ]}
    />
  )
}
