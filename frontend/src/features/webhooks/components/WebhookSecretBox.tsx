import { useEffect, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { Application, WebhookCredentials } from '../api/types'
import { eventLabel } from './eventText'

interface WebhookSecretBoxProps {
  credentials: WebhookCredentials
  /** The webhook's application, when known: its name and technical contact. */
  application: Application | undefined
  onDismiss: () => void
}

/** Selects the text of an element, for the person to copy it by hand. */
function selectText(id: string) {
  const element = document.getElementById(id)
  const selection = window.getSelection()
  if (!element || !selection) return
  const range = document.createRange()
  range.selectNodeContents(element)
  selection.removeAllRanges()
  selection.addRange(range)
}

const VERIFY_STEPS = ['verifyHeaders', 'verifyHmac', 'verifyCompare', 'verifyAnswer'] as const

/**
 * The webhook's signing secret, the one time the server answers it: marked as such, with a
 * button to copy it (when the browser refuses the clipboard, the text is selected for a
 * copy by hand), and how the receiver verifies a notification with it — until the
 * administrator closes the box. The heading takes the focus, so that screen readers read
 * the box first.
 */
export function WebhookSecretBox({ credentials, application, onDismiss }: WebhookSecretBoxProps) {
  const { t } = useTranslation()
  const { webhook, secret } = credentials
  const [copied, setCopied] = useState<boolean | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(secret)
      setCopied(true)
    } catch {
      selectText('webhook-secret')
      setCopied(false)
    }
  }

  return (
    <section
      className="webhook-secret-box p-4 mb-4"
      aria-labelledby="webhook-secret-title"
      data-webhook={webhook.id}
    >
      <h2 id="webhook-secret-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('webhooks.secret.title', { name: application?.name ?? webhook.client_id })}
      </h2>
      <p className="webhook-secret-warning">
        <strong>{t('webhooks.secret.warning')}</strong>
      </p>
      <p>{t('webhooks.secret.explanation', { email: application?.contact_email ?? '—' })}</p>
      <dl className="webhook-credentials">
        <dt>{t('webhooks.secret.url')}</dt>
        <dd>
          <span className="identifier">{webhook.url}</span>
        </dd>
        <dt>{t('webhooks.secret.events')}</dt>
        <dd>{webhook.events.map((event) => eventLabel(t, event)).join(', ')}</dd>
        <dt>{t('webhooks.secret.secret')}</dt>
        <dd>
          <code id="webhook-secret" className="webhook-secret">
            {secret}
          </code>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void copy()}>
            {t('webhooks.secret.copy')}
          </button>
        </dd>
      </dl>
      <p role="status" className="webhook-copy-status">
        {copied === null
          ? null
          : copied
            ? t('webhooks.secret.copied')
            : t('webhooks.secret.copyFailed')}
      </p>
      <h3 className="h5">{t('webhooks.secret.verifyTitle')}</h3>
      <ol className="webhook-verify">
        {VERIFY_STEPS.map((step) => (
          <li key={step}>
            <Trans i18nKey={`webhooks.secret.${step}`} components={{ code: <code /> }} />
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-outline-primary" onClick={onDismiss}>
        {t('webhooks.secret.dismiss')}
      </button>
    </section>
  )
}
