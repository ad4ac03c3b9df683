import { useEffect, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Confirmation } from '@/components/Confirmation'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Client, ClientCredentials } from '../api/types'
import { useClients } from '../api/useClients'
import { useRenewClientSecret } from '../api/useRenewClientSecret'
import { useRevokeClient } from '../api/useRevokeClient'
import { ClientForm } from '../components/ClientForm'
import { ClientSecretBox } from '../components/ClientSecretBox'
import { actionButtonId, ClientTable } from '../components/ClientTable'
import { ReplaceKeysForm } from '../components/ReplaceKeysForm'
import '../clients.scss'

/** The question open: renewing or revoking which application. */
type Asking = { action: 'renew' | 'revoke'; client: Client } | null

/** Credentials just answered by the server, shown until dismissed. */
type Shown = { credentials: ClientCredentials; renewed: boolean } | null

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

/**
 * /backoffice/applicazioni — the third-party applications (other administrations, public
 * service operators) that call the portal's API: register one and hand over its
 * credentials, shown once; renew its credentials; revoke it. Every action asks first and
 * stays on this page.
 */
export function ClientsPage() {
  const { t } = useTranslation()
  const clients = useClients()
  const renew = useRenewClientSecret()
  const revoke = useRevokeClient()
  const [creating, setCreating] = useState(false)
  const [asking, setAsking] = useState<Asking>(null)
  const [shown, setShown] = useState<Shown>(null)
  /** The key application whose keys are being replaced. */
  const [rekeying, setRekeying] = useState<Client | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus()
  }, [outcome])

  const clearMessages = () => {
    setOutcome(null)
    renew.reset()
    revoke.reset()
  }
  const openForm = () => {
    clearMessages()
    setAsking(null)
    setRekeying(null)
    setCreating(true)
  }
  const openKeys = (client: Client) => {
    clearMessages()
    setAsking(null)
    setCreating(false)
    setRekeying(client)
  }
  const closeKeys = (client: Client) => {
    setRekeying(null)
    focusLater(actionButtonId('keys', client))
  }
  const closeForm = () => {
    setCreating(false)
    focusLater('new-client')
  }
  const ask = (action: 'renew' | 'revoke', client: Client) => {
    clearMessages()
    setCreating(false)
    setRekeying(null)
    setAsking({ action, client })
  }
  const cancel = () => {
    if (asking) focusLater(actionButtonId(asking.action, asking.client))
    setAsking(null)
  }
  const confirm = ({ action, client }: NonNullable<Asking>) => {
    if (action === 'renew') {
      renew.mutate(client.client_id, {
        onSuccess: (credentials) => {
          setAsking(null)
          setShown({ credentials, renewed: true })
        },
        onError: () => {
          setAsking(null)
          focusLater(actionButtonId(action, client))
        },
      })
    } else {
      revoke.mutate(client.client_id, {
        onSuccess: (revoked) => {
          setAsking(null)
          setOutcome(t('clients.revokedMessage', { name: revoked.name }))
        },
        onError: () => {
          setAsking(null)
          focusLater(actionButtonId(action, client))
        },
      })
    }
  }
  const dismissSecret = () => {
    setShown(null)
    focusLater('new-client')
  }

  const list = clients.data ?? []
  return (
    <>
      <PageHeading title={t('clients.title')} lead={t('clients.lead')} />
      <p>
        <Trans
          i18nKey="clients.webhooksHint"
          components={{ page: <Link to="/backoffice/webhook" /> }}
        />
      </p>
      <div ref={outcomeRef} tabIndex={-1} role="status" className="outcome-region">
        {outcome ? <Notice color="success">{outcome}</Notice> : null}
      </div>
      {shown ? (
        <ClientSecretBox
          key={shown.credentials.client_secret ?? shown.credentials.client.client_id}
          credentials={shown.credentials}
          renewed={shown.renewed}
          onDismiss={dismissSecret}
        />
      ) : null}
      {renew.isError ? (
        <ProblemAlert error={renew.error} context={t('clients.renewFailed')} />
      ) : null}
      {revoke.isError ? (
        <ProblemAlert error={revoke.error} context={t('clients.revokeFailed')} />
      ) : null}
      {rekeying ? (
        <ReplaceKeysForm
          key={rekeying.client_id}
          client={rekeying}
          onCancel={() => closeKeys(rekeying)}
          onReplaced={(client) => {
            setRekeying(null)
            setOutcome(t('clients.keys.replacedMessage', { name: client.name }))
          }}
        />
      ) : null}
      {creating ? (
        <ClientForm
          onCancel={closeForm}
          onRegistered={(credentials) => {
            setCreating(false)
            setShown({ credentials, renewed: false })
          }}
        />
      ) : (
        <button type="button" id="new-client" className="btn btn-primary mb-4" onClick={openForm}>
          {t('clients.new')}
        </button>
      )}
      {asking ? (
        <Confirmation
          id="client-question"
          question={t(
            asking.action === 'renew' ? 'clients.renewQuestion' : 'clients.revokeQuestion',
            { name: asking.client.name, organisation: asking.client.organisation },
          )}
          explanation={t(
            asking.action === 'renew' ? 'clients.renewExplanation' : 'clients.revokeExplanation',
          )}
          confirmLabel={t(
            asking.action === 'renew' ? 'clients.confirmRenew' : 'clients.confirmRevoke',
          )}
          cancelLabel={t('clients.cancel')}
          busy={renew.isPending || revoke.isPending}
          busyLabel={t('clients.working')}
          onConfirm={() => confirm(asking)}
          onCancel={cancel}
        />
      ) : null}
      <section aria-labelledby="clients-list-title" className="mt-2">
        <h2 id="clients-list-title" className="h4">
          {t('clients.listTitle')}
        </h2>
        {clients.isError ? (
          <ProblemAlert error={clients.error} context={t('clients.loadFailed')} />
        ) : !clients.data ? (
          <Loading label={t('clients.loading')} />
        ) : list.length === 0 ? (
          <p role="status">{t('clients.none')}</p>
        ) : (
          <ClientTable
            clients={list}
            caption={t('clients.count', { count: list.length })}
            onRenew={(client) => ask('renew', client)}
            onReplaceKeys={openKeys}
            onRevoke={(client) => ask('revoke', client)}
          />
        )}
      </section>
    </>
  )
}
