import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import type { Application, Webhook } from '../api/types'
import { eventLabel, failureText } from './eventText'

export type WebhookAction = 'deliveries' | 'retry' | 'disable'

interface WebhookTableProps {
  webhooks: Webhook[]
  /** The registered applications by client_id, for their names (empty until loaded). */
  applications: ReadonlyMap<string, Application>
  caption: string
  onAction: (action: WebhookAction, webhook: Webhook) => void
}

/** The id of a row's button, for the focus to come back to it. */
export function actionButtonId(action: WebhookAction, webhook: Webhook) {
  return `${action}-webhook-${webhook.id}`
}

/** An address with a line break allowed after each slash, where it reads best. */
function breakable(url: string) {
  return url.split(/(?<=\/)/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ))
}

/** The name a webhook's application goes by: its name, or its client_id when unknown. */
export function applicationName(applications: ReadonlyMap<string, Application>, webhook: Webhook) {
  return applications.get(webhook.client_id)?.name ?? webhook.client_id
}

/**
 * Every webhook: for which application, to which address, which events, whether it still
 * works, how its deliveries go (the last success; the last failure with what the receiver
 * answered; how many wait or failed — one column, read as sentences). Each shows its
 * deliveries; active ones can have their failed deliveries sent again, or be disabled. On
 * narrow screens each webhook is a card.
 */
export function WebhookTable({ webhooks, applications, caption, onAction }: WebhookTableProps) {
  const { t } = useTranslation()
  const button = (
    action: WebhookAction,
    webhook: Webhook,
    label: string,
    style: 'primary' | 'danger' = 'primary',
  ) => (
    <button
      type="button"
      id={actionButtonId(action, webhook)}
      className={`btn btn-outline-${style} btn-sm`}
      onClick={() => onAction(action, webhook)}
    >
      {label}{' '}
      <span className="visually-hidden">
        {applicationName(applications, webhook)} {webhook.url}
      </span>
    </button>
  )
  return (
    <DataTable<Webhook>
      caption={caption}
      className="admin-table webhook-table"
      stackBelow="wide"
      rows={webhooks}
      rowKey={(webhook) => webhook.id}
      rowProps={(webhook) => ({ 'data-webhook': webhook.id })}
      columns={[
        {
          key: 'application',
          header: t('webhooks.columns.application'),
          rowHeader: true,
          cell: (webhook) => {
            const application = applications.get(webhook.client_id)
            return application ? (
              <>
                {application.name}
                <br />
                <span className="identifier text-nowrap">{webhook.client_id}</span>
              </>
            ) : (
              <span className="identifier">{webhook.client_id}</span>
            )
          },
        },
        {
          key: 'url',
          header: t('webhooks.columns.url'),
          cell: (webhook) => <span className="identifier">{breakable(webhook.url)}</span>,
        },
        {
          key: 'events',
          header: t('webhooks.columns.events'),
          cell: (webhook) => (
            <ul className="list-unstyled mb-0">
              {webhook.events.map((event) => (
                <li key={event}>{eventLabel(t, event)}</li>
              ))}
            </ul>
          ),
        },
        {
          key: 'state',
          header: t('webhooks.columns.state'),
          cell: (webhook) =>
            webhook.disabled_at ? (
              <>
                <span className="badge bg-secondary">{t('webhooks.disabled')}</span>
                <br />
                <small>
                  {t('webhooks.disabledOn')} <DateTimeText utc={webhook.disabled_at} />
                </small>
              </>
            ) : (
              <>
                <span className="badge bg-success">{t('webhooks.active')}</span>
                <br />
                <small>
                  {t('webhooks.registeredOn')} <DateTimeText utc={webhook.created_at} />
                </small>
              </>
            ),
        },
        {
          key: 'deliveries',
          header: t('webhooks.columns.deliveries'),
          cell: (webhook) => (
            <ul className="list-unstyled mb-0 webhook-health">
              <li>
                {webhook.last_success_at ? (
                  <>
                    {t('webhooks.lastSuccess')} <DateTimeText utc={webhook.last_success_at} />
                  </>
                ) : (
                  t('webhooks.noSuccess')
                )}
              </li>
              {webhook.last_failure_at ? (
                <li>
                  {t('webhooks.lastFailure')} <DateTimeText utc={webhook.last_failure_at} />
                  {webhook.last_error ? (
                    <>
                      <br />
                      <small className="webhook-error">{failureText(t, webhook.last_error)}</small>
                    </>
                  ) : null}
                </li>
              ) : null}
              {webhook.pending > 0 ? (
                <li>
                  {t(webhook.disabled_at ? 'webhooks.pendingStopped' : 'webhooks.pending', {
                    count: webhook.pending,
                  })}
                </li>
              ) : null}
              {webhook.failed > 0 ? (
                <li className="webhook-failed">
                  {t('webhooks.failed', { count: webhook.failed })}
                </li>
              ) : null}
            </ul>
          ),
        },
        {
          key: 'actions',
          header: t('webhooks.columns.actions'),
          actions: true,
          cell: (webhook) => (
            <div className="table-actions">
              {button('deliveries', webhook, t('webhooks.showDeliveries'))}
              {!webhook.disabled_at && webhook.failed > 0
                ? button('retry', webhook, t('webhooks.retry'))
                : null}
              {!webhook.disabled_at
                ? button('disable', webhook, t('webhooks.disable'), 'danger')
                : null}
            </div>
          ),
        },
      ]}
    />
  )
}
