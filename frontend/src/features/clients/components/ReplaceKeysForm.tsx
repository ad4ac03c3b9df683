import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextAreaField } from '@/components/TextAreaField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import type { Client } from '../api/types'
import { useReplaceClientKeys } from '../api/useReplaceClientKeys'
import { parseKeys } from './ClientForm'

interface ReplaceKeysFormProps {
  client: Client
  onReplaced: (client: Client) => void
  onCancel: () => void
}

/**
 * "Sostituisci chiavi" of an application that signs its own assertions: the new public
 * keys, pasted as JSON; the old keys and the tokens issued with them stop working. A key
 * the server refuses is said on the field.
 */
export function ReplaceKeysForm({ client, onReplaced, onCancel }: ReplaceKeysFormProps) {
  const { t } = useTranslation()
  const replace = useReplaceClientKeys()
  const [text, setText] = useState('')
  const [local, setLocal] = useState<string | undefined>()
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const serverError = fieldErrorsOf(replace.error).public_jwks
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const keys = parseKeys(text)
    if (!keys) {
      setLocal(t(keys === null ? 'clients.keys.required' : 'clients.keys.notJson'))
      document.getElementById('client-new-keys')?.focus()
      return
    }
    replace.mutate(
      { id: client.client_id, keys },
      {
        onSuccess: onReplaced,
        onError: (error) => {
          if (fieldErrorsOf(error).public_jwks)
            requestAnimationFrame(() => document.getElementById('client-new-keys')?.focus())
        },
      },
    )
  }

  return (
    <section className="admin-panel p-4 mb-4" aria-labelledby="client-keys-title">
      <h2 id="client-keys-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('clients.keys.replaceTitle', { name: client.name })}
      </h2>
      <p>{t('clients.keys.replaceExplanation')}</p>
      <form noValidate onSubmit={onSubmit}>
        <TextAreaField
          id="client-new-keys"
          name="public_jwks"
          label={t('clients.keys.newLabel')}
          hint={t('clients.keys.hint')}
          required
          rows={5}
          spellCheck={false}
          autoComplete="off"
          value={text}
          error={local ?? serverError}
          onChange={(e) => {
            setText(e.target.value)
            setLocal(undefined)
          }}
        />
        {replace.isError && !serverError ? (
          <ProblemAlert error={replace.error} context={t('clients.keys.replaceFailed')} />
        ) : null}
        <div className="d-flex flex-wrap gap-3">
          <Button color="primary" type="submit" disabled={replace.isPending}>
            {replace.isPending ? t('clients.working') : t('clients.keys.save')}
          </Button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            {t('clients.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
