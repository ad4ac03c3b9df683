import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Confirmation } from '@/components/Confirmation'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Application, Webhook, WebhookCredentials } from '../api/types'
import { useApplications } from '../api/useApplications'
import { useDisableWebhook } from '../api/useDisableWebhook'
import { useRetryWebhook } from '../api/useRetryWebhook'
import { useWebhooks } from '../api/useWebhooks'
import { DeliveryPanel } from '../components/DeliveryPanel'
import { WebhookForm } from '../components/WebhookForm'
import { WebhookSecretBox } from '../components/WebhookSecretBox'
import {
  actionButtonId,
  applicationName,
  type WebhookAction,
  WebhookTable,
} from '../components/WebhookTable'
import '../webhooks.scss'

/** The question open: disabling which webhook, or sending its failed deliveries again. */
type Asking = { action: 'retry' | 'disable'; webhook: Webhook } | null

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

/**
 * /backoffice/webhook — the addresses the portal notifies of the registered applications'
 * events: register one and hand over its signing secret, shown once; see a webhook's latest
 * deliveries; send its failed deliveries again, or disable it, each after a question.
 * Everything happens on this page.
 */
export function WebhooksPage() {
  const { t } = useTranslation()
  const webhooks = useWebhooks()
  const applications = useApplications()
  const retry = useRetryWebhook()
  const disable = useDisableWebhook()
  const [creating, setCreating] = useState(false)
  const [asking, setAsking] = useState<Asking>(null)
  const [shown, setShown] = useState<WebhookCredentials | null>(null)
  /** The webhook whose deliveries are shown. */
  const [viewing, setViewing] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus()
  }, [outcome])

  const byClient = useMemo(
    () =>
      new Map<string, Application>(
        (applications.data ?? []).map((application) => [application.client_id, application]),
      ),
    [applications.data],
  )
  const list = webhooks.data ?? []
  const nameOf = (webhook: Webhook) => applicationName(byClient, webhook)
  const viewed = list.find((webhook) => webhook.id === viewing)

  const clearMessages = () => {
    setOutcome(null)
    retry.reset()
    disable.reset()
  }
  const openForm = () => {
    clearMessages()
    setAsking(null)
    setViewing(null)
    setCreating(true)
  }
  const closeForm = () => {
    setCreating(false)
    focusLater('new-webhook')
  }
  const act = (action: WebhookAction, webhook: Webhook) => {
    clearMessages()
    setCreating(false)
    if (action === 'deliveries') {
      setAsking(null)
      setViewing(webhook.id)
    } else {
      setViewing(null)
      setAsking({ action, webhook })
    }
  }
  const cancel = () => {
    if (asking) focusLater(actionButtonId(asking.action, asking.webhook))
    setAsking(null)
  }
  const closeDeliveries = () => {
    if (viewed) focusLater(actionButtonId('deliveries', viewed))
    setViewing(null)
  }
  const confirm = ({ action, webhook }: NonNullable<Asking>) => {
    const done = (message: string) => {
      setAsking(null)
      setOutcome(message)
    }
    const failed = () => {
      setAsking(null)
      focusLater(actionButtonId(action, webhook))
    }
    if (action === 'retry') {
      retry.mutate(webhook.id, {
        onSuccess: (queued) =>
          done(t('webhooks.retriedMessage', { count: queued, url: webhook.url })),
        onError: failed,
      })
    } else {
      disable.mutate(webhook.id, {
        onSuccess: (disabled) =>
          done(t('webhooks.disabledMessage', { name: nameOf(disabled), url: disabled.url })),
        onError: failed,
      })
    }
  }
  const dismissSecret = () => {
    setShown(null)
    focusLater('new-webhook')
  }

  return (
    <>
      <PageHeading title={t('webhooks.title')} lead={t('webhooks.lead')} />
      <div ref={outcomeRef} tabIndex={-1} role="status" className="outcome-region">
        {outcome ? <Notice color="success">{outcome}</Notice> : null}
      </div>
      {shown ? (
        <WebhookSecretBox
          key={shown.secret}
          credentials={shown}
          application={byClient.get(shown.webhook.client_id)}
          onDismiss={dismissSecret}
        />
      ) : null}
      {retry.isError ? (
        <ProblemAlert error={retry.error} context={t('webhooks.retryFailed')} />
      ) : null}
      {disable.isError ? (
        <ProblemAlert error={disable.error} context={t('webhooks.disableFailed')} />
      ) : null}
      {creating ? (
        <WebhookForm
          applications={applications.data}
          applicationsError={applications.isError ? applications.error : null}
          onCancel={closeForm}
          onRegistered={(credentials) => {
            setCreating(false)
            setShown(credentials)
          }}
        />
      ) : (
        <button type="button" id="new-webhook" className="btn btn-primary mb-4" onClick={openForm}>
          {t('webhooks.new')}
        </button>
      )}
      {asking ? (
        <Confirmation
          id="webhook-question"
          question={t(
            asking.action === 'retry' ? 'webhooks.retryQuestion' : 'webhooks.disableQuestion',
            { name: nameOf(asking.webhook), url: asking.webhook.url },
          )}
          explanation={
            asking.action === 'retry'
              ? t('webhooks.retryExplanation', {
                  count: asking.webhook.failed,
                  url: asking.webhook.url,
                })
              : t('webhooks.disableExplanation')
          }
          confirmLabel={t(
            asking.action === 'retry' ? 'webhooks.confirmRetry' : 'webhooks.confirmDisable',
          )}
          cancelLabel={t('webhooks.cancel')}
          busy={retry.isPending || disable.isPending}
          busyLabel={t('webhooks.working')}
          onConfirm={() => confirm(asking)}
          onCancel={cancel}
        />
      ) : null}
      {viewed ? (
        <DeliveryPanel
          key={viewed.id}
          webhook={viewed}
          name={nameOf(viewed)}
          onRefresh={() => void webhooks.refetch()}
          onClose={closeDeliveries}
        />
      ) : null}
      <section aria-labelledby="webhooks-list-title" className="mt-2">
        <h2 id="webhooks-list-title" className="h4">
          {t('webhooks.listTitle')}
        </h2>
        {webhooks.isError ? (
          <ProblemAlert error={webhooks.error} context={t('webhooks.loadFailed')} />
        ) : !webhooks.data ? (
          <Loading label={t('webhooks.loading')} />
        ) : list.length === 0 ? (
          <p role="status">{t('webhooks.none')}</p>
        ) : (
          <WebhookTable
            webhooks={list}
            applications={byClient}
            caption={t('webhooks.count', { count: list.length })}
            onAction={act}
          />
        )}
      </section>
    </>
  )
}
