import type { TFunction } from 'i18next'
import { useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import { Loading } from '@/components/Loading'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Webhook, WebhookDelivery } from '../api/types'
import { useWebhookDeliveries } from '../api/useWebhookDeliveries'
import { deliveryStatusLabel, eventLabel, failureText } from './eventText'

interface DeliveryPanelProps {
  webhook: Webhook
  /** The name of the webhook's application. */
  name: string
  /** Reads the webhooks' list again too (its counts change with the deliveries). */
  onRefresh: () => void
  onClose: () => void
}

const BADGE: Record<string, string> = {
  delivered: 'bg-success',
  pending: 'bg-secondary',
  failed: 'bg-danger',
}

/**
 * What the receiver said besides its status: the server writes a refusal as "HTTP 503: its
 * body", whose status the cell shows already.
 */
function errorText(t: TFunction, { last_error: error, last_status_code: code }: WebhookDelivery) {
  if (!error) return ''
  const prefix = `HTTP ${code}:`
  return code != null && error.startsWith(prefix)
    ? error.slice(prefix.length).trim()
    : failureText(t, error)
}

/**
 * "Consegne": a webhook's latest deliveries, the newest first — which event and when, how
 * the delivery went and after how many attempts, what the receiver answered last. The
 * heading takes the focus; "Aggiorna" reads them again (the worker sends every few
 * seconds).
 */
export function DeliveryPanel({ webhook, name, onRefresh, onClose }: DeliveryPanelProps) {
  const { t } = useTranslation()
  const deliveries = useWebhookDeliveries(webhook.id)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [webhook.id])

  const list = deliveries.data ?? []
  return (
    <section
      className="admin-panel webhook-deliveries p-4 mb-4"
      aria-labelledby="webhook-deliveries-title"
      data-webhook={webhook.id}
    >
      <h2 id="webhook-deliveries-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('webhooks.deliveries.title', { name })}
      </h2>
      <p>
        <Trans
          i18nKey="webhooks.deliveries.lead"
          values={{ url: webhook.url }}
          components={{ address: <span className="identifier" /> }}
        />
      </p>
      {deliveries.isError ? (
        <ProblemAlert error={deliveries.error} context={t('webhooks.deliveries.loadFailed')} />
      ) : !deliveries.data ? (
        <Loading label={t('webhooks.deliveries.loading')} />
      ) : list.length === 0 ? (
        <p role="status">{t('webhooks.deliveries.none')}</p>
      ) : (
        <DataTable<WebhookDelivery>
          caption={t('webhooks.deliveries.count', { count: list.length })}
          className="admin-table delivery-table"
          stackBelow="medium"
          rows={list}
          rowKey={(delivery) => delivery.id}
          rowProps={(delivery) => ({ 'data-event': delivery.event_id })}
          columns={[
            {
              key: 'event',
              header: t('webhooks.deliveries.columns.event'),
              rowHeader: true,
              cell: (delivery) => (
                <>
                  {eventLabel(t, delivery.event_type)}
                  <br />
                  <span className="identifier">{delivery.event_id}</span>
                </>
              ),
            },
            {
              key: 'occurred',
              header: t('webhooks.deliveries.columns.occurred'),
              cell: (delivery) => <DateTimeText utc={delivery.occurred_at} />,
            },
            {
              key: 'status',
              header: t('webhooks.deliveries.columns.status'),
              cell: (delivery) => {
                // A disabled webhook's pending deliveries are not sent any more.
                const stopped = delivery.status === 'pending' && Boolean(webhook.disabled_at)
                const badge = stopped ? 'bg-secondary' : (BADGE[delivery.status] ?? 'bg-secondary')
                const note = stopped ? (
                  t('webhooks.deliveries.stoppedWhy')
                ) : delivery.status === 'delivered' && delivery.delivered_at ? (
                  <>
                    {t('webhooks.deliveries.deliveredOn')}{' '}
                    <DateTimeText utc={delivery.delivered_at} />
                  </>
                ) : delivery.status === 'pending' ? (
                  <>
                    {t('webhooks.deliveries.nextAttempt')}{' '}
                    <DateTimeText utc={delivery.next_attempt_at} />
                  </>
                ) : null
                return (
                  <>
                    <span className={`badge ${badge}`}>
                      {stopped
                        ? t('webhooks.deliveries.status.stopped')
                        : deliveryStatusLabel(t, delivery.status)}
                    </span>
                    {note ? (
                      <>
                        <br />
                        <small>{note}</small>
                      </>
                    ) : null}
                  </>
                )
              },
            },
            {
              key: 'attempts',
              header: t('webhooks.deliveries.columns.attempts'),
              cell: (delivery) => delivery.attempts,
            },
            {
              key: 'answer',
              header: t('webhooks.deliveries.columns.answer'),
              cell: (delivery) => (
                <>
                  <span>
                    {delivery.last_status_code != null
                      ? t('webhooks.deliveries.httpStatus', { code: delivery.last_status_code })
                      : delivery.attempts > 0
                        ? t('webhooks.deliveries.noAnswer')
                        : t('webhooks.deliveries.notSent')}
                  </span>
                  {errorText(t, delivery) ? (
                    <>
                      <br />
                      <small className="webhook-error">{errorText(t, delivery)}</small>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
      <div className="d-flex flex-wrap gap-3">
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            void deliveries.refetch()
            onRefresh()
          }}
        >
          {t('webhooks.deliveries.refresh')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onClose}>
          {t('webhooks.deliveries.close')}
        </button>
      </div>
    </section>
  )
}
