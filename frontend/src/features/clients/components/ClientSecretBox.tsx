import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientCredentials } from '../api/types'

interface ClientSecretBoxProps {
  credentials: ClientCredentials
  /** A renewal (the old secret stopped working) rather than a registration. */
  renewed: boolean
  onDismiss: () => void
}

type Copied = { what: 'id' | 'secret'; done: boolean } | null

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

/**
 * The application's client_id and its secret, the one time the server answers the secret
 * (an application registered with its public keys has none: the box then says how it
 * signs in):
 * marked as such, with buttons to copy each (when the browser refuses the clipboard, the
 * text is selected for a copy by hand), until the administrator closes the box. The
 * heading takes the focus, so that screen readers read the box first.
 */
export function ClientSecretBox({ credentials, renewed, onDismiss }: ClientSecretBoxProps) {
  const { t } = useTranslation()
  const { client, client_secret: secret } = credentials
  const [copied, setCopied] = useState<Copied>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const copy = async (what: 'id' | 'secret') => {
    const text = what === 'id' ? client.client_id : (secret ?? '')
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setCopied({ what, done: true })
    } catch {
      selectText(`client-credentials-${what}`)
      setCopied({ what, done: false })
    }
  }

  const tokenUrl = `${window.location.origin}/api/v1/oauth/token`
  return (
    <section
      className="client-secret-box p-4 mb-4"
      aria-labelledby="client-secret-title"
      data-client={client.client_id}
    >
      <h2 id="client-secret-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t(renewed ? 'clients.secret.renewedTitle' : 'clients.secret.registeredTitle', {
          name: client.name,
        })}
      </h2>
      {secret ? (
        <>
          <p className="client-secret-warning">
            <strong>{t('clients.secret.warning')}</strong>
          </p>
          <p>{t('clients.secret.explanation', { email: client.contact_email })}</p>
          {renewed ? <p>{t('clients.secret.oldStopped')}</p> : null}
        </>
      ) : (
        <p>{t('clients.secret.withKeys', { email: client.contact_email })}</p>
      )}
      <dl className="client-credentials">
        <dt>{t('clients.secret.clientId')}</dt>
        <dd>
          <code id="client-credentials-id" className="client-credential">
            {client.client_id}
          </code>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => void copy('id')}
          >
            {t('clients.secret.copyId')}
          </button>
        </dd>
        {secret ? (
          <>
            <dt>{t('clients.secret.clientSecret')}</dt>
            <dd>
              <code id="client-credentials-secret" className="client-credential">
                {secret}
              </code>
              <button
                type="button"
                className="btn btn-primary btn-sm"
                onClick={() => void copy('secret')}
              >
                {t('clients.secret.copySecret')}
              </button>
            </dd>
          </>
        ) : null}
      </dl>
      <p role="status" className="client-copy-status">
        {copied
          ? copied.done
            ? t(copied.what === 'id' ? 'clients.secret.idCopied' : 'clients.secret.secretCopied')
            : t('clients.secret.copyFailed')
          : null}
      </p>
      <p>
        {t('clients.secret.tokenEndpoint')} <code className="identifier">{tokenUrl}</code>
      </p>
      <button type="button" className="btn btn-outline-primary" onClick={onDismiss}>
        {t(secret ? 'clients.secret.dismiss' : 'clients.secret.dismissKeys')}
      </button>
    </section>
  )
}
