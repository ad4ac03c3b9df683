import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextAreaField } from '@/components/TextAreaField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { isEmailAddress } from '@/lib/email'
import {
  type ClientCredentials,
  DEFAULT_RATE_LIMIT,
  MAX_RATE_LIMIT,
  type NewClient,
  type Scope,
  SCOPES,
} from '../api/types'
import { useRegisterClient } from '../api/useRegisterClient'
import { scopeLabel, scopeMeaning } from './scopeText'

interface ClientFormProps {
  onRegistered: (credentials: ClientCredentials) => void
  onCancel: () => void
}

/** The fields the server names in its 422 answer, in the order of the form. */
const FIELDS = [
  'name',
  'organisation',
  'contact_email',
  'scopes',
  'allowed_ips',
  'rate_limit_per_minute',
  'public_jwks',
] as const
type Field = (typeof FIELDS)[number]

/** Where the focus goes for a field's error (a group of check boxes: its first box). */
const FOCUS_ID: Record<Field, string> = {
  name: 'client-name',
  organisation: 'client-organisation',
  contact_email: 'client-contact-email',
  scopes: `client-scope-${SCOPES[0]?.replace(':', '-')}`,
  allowed_ips: 'client-allowed-ips',
  rate_limit_per_minute: 'client-rate-limit',
  public_jwks: 'client-public-jwks',
}

interface Draft {
  name: string
  organisation: string
  contact_email: string
  scopes: Scope[]
  /** One address or range a line, as typed. */
  allowed_ips: string
  /** As typed; the server's default when left empty. */
  rate_limit_per_minute: string
  /** The application's public keys as pasted (JSON); empty: it gets a secret. */
  public_jwks: string
}

const EMPTY: Draft = {
  name: '',
  organisation: '',
  contact_email: '',
  scopes: [],
  allowed_ips: '',
  rate_limit_per_minute: String(DEFAULT_RATE_LIMIT),
  public_jwks: '',
}

/** The pasted keys as a JSON object, `null` when none, `undefined` when not JSON. */
export function parseKeys(text: string): Record<string, unknown> | null | undefined {
  if (text.trim() === '') return null
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function requestOf(draft: Draft): NewClient {
  const limit = draft.rate_limit_per_minute.trim()
  const keys = parseKeys(draft.public_jwks)
  return {
    name: draft.name.trim(),
    organisation: draft.organisation.trim(),
    contact_email: draft.contact_email.trim(),
    scopes: draft.scopes,
    allowed_ips: draft.allowed_ips
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    rate_limit_per_minute: limit === '' ? null : Number(limit),
    // Only when given: without keys the application gets a secret.
    ...(keys ? { public_jwks: keys } : {}),
  }
}

/**
 * "Registra un'applicazione": who it is (name, organisation, technical contact), what it may
 * do (scopes, each with what it allows), from where (addresses, optional) and how often
 * (requests a minute). What is missing is said before sending; the server's 422 field
 * errors are shown on their fields.
 */
export function ClientForm({ onRegistered, onCancel }: ClientFormProps) {
  const { t } = useTranslation()
  const register = useRegisterClient()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({})
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const server = fieldErrorsOf(register.error)
  const errorOf = (field: Field) => local[field] ?? server[field]
  const otherError = register.isError && FIELDS.every((field) => !server[field])

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }))
    setLocal((current) => ({ ...current, [field]: undefined }))
  }
  const toggleScope = (scope: Scope, on: boolean) =>
    set(
      'scopes',
      on
        ? SCOPES.filter((s) => s === scope || draft.scopes.includes(s))
        : draft.scopes.filter((s) => s !== scope),
    )

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {}
    if (draft.name.trim().length < 2) found.name = t('clients.form.nameRequired')
    if (draft.organisation.trim().length < 2)
      found.organisation = t('clients.form.organisationRequired')
    if (!isEmailAddress(draft.contact_email)) found.contact_email = t('clients.form.emailRequired')
    if (draft.scopes.length === 0) found.scopes = t('clients.form.scopesRequired')
    const limit = draft.rate_limit_per_minute.trim()
    if (limit !== '' && !(/^\d+$/.test(limit) && +limit >= 1 && +limit <= MAX_RATE_LIMIT)) {
      found.rate_limit_per_minute = t('clients.form.rateLimitInvalid', { max: MAX_RATE_LIMIT })
    }
    if (parseKeys(draft.public_jwks) === undefined) found.public_jwks = t('clients.keys.notJson')
    return found
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = check()
    setLocal(found)
    const first = FIELDS.find((field) => found[field])
    if (first) {
      document.getElementById(FOCUS_ID[first])?.focus()
      return
    }
    register.mutate(requestOf(draft), {
      onSuccess: onRegistered,
      onError: (error) => {
        // The first field the server refused takes the focus; otherwise the alert says why.
        const refused = FIELDS.find((field) => fieldErrorsOf(error)[field])
        if (refused)
          requestAnimationFrame(() => document.getElementById(FOCUS_ID[refused])?.focus())
      },
    })
  }

  const scopesError = errorOf('scopes')
  return (
    <section className="admin-panel p-4 mb-4" aria-labelledby="client-form-title">
      <h2 id="client-form-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('clients.form.title')}
      </h2>
      <p>{t('clients.form.lead')}</p>
      <form noValidate onSubmit={onSubmit}>
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="client-name"
              name="name"
              label={t('clients.form.name')}
              hint={t('clients.form.nameHint')}
              required
              maxLength={100}
              autoComplete="off"
              value={draft.name}
              error={errorOf('name')}
              onChange={(e) => set('name', e.target.value)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="client-organisation"
              name="organisation"
              label={t('clients.form.organisation')}
              hint={t('clients.form.organisationHint')}
              required
              maxLength={200}
              autoComplete="organization"
              value={draft.organisation}
              error={errorOf('organisation')}
              onChange={(e) => set('organisation', e.target.value)}
            />
          </div>
        </div>
        <TextField
          id="client-contact-email"
          name="contact_email"
          type="email"
          label={t('clients.form.contactEmail')}
          hint={t('clients.form.contactEmailHint')}
          required
          autoComplete="off"
          value={draft.contact_email}
          error={errorOf('contact_email')}
          onChange={(e) => set('contact_email', e.target.value)}
        />
        <fieldset
          className="mb-4"
          aria-describedby={scopesError ? 'client-scopes-error' : undefined}
        >
          <legend className="h6">
            {t('clients.form.scopes')}
            <span aria-hidden="true"> *</span>
          </legend>
          {SCOPES.map((scope) => {
            const id = `client-scope-${scope.replace(':', '-')}`
            return (
              <div key={scope} className="mb-2">
                <CheckboxField
                  id={id}
                  label={scopeLabel(t, scope)}
                  checked={draft.scopes.includes(scope)}
                  aria-invalid={scopesError ? true : undefined}
                  aria-describedby={`${id}-meaning`}
                  onChange={(e) => toggleScope(scope, e.target.checked)}
                />
                <small id={`${id}-meaning`} className="permission-meaning">
                  {scopeMeaning(t, scope)} <code>{scope}</code>
                </small>
              </div>
            )
          })}
          {scopesError ? (
            <p id="client-scopes-error" className="text-field-error" role="alert">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          id="client-allowed-ips"
          name="allowed_ips"
          label={t('clients.form.allowedIps')}
          hint={t('clients.form.allowedIpsHint')}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          value={draft.allowed_ips}
          error={errorOf('allowed_ips')}
          onChange={(e) => set('allowed_ips', e.target.value)}
        />
        <TextField
          id="client-rate-limit"
          name="rate_limit_per_minute"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_RATE_LIMIT}
          label={t('clients.form.rateLimit')}
          hint={t('clients.form.rateLimitHint', {
            default: DEFAULT_RATE_LIMIT,
            max: MAX_RATE_LIMIT,
          })}
          value={draft.rate_limit_per_minute}
          error={errorOf('rate_limit_per_minute')}
          onChange={(e) => set('rate_limit_per_minute', e.target.value)}
        />
        <TextAreaField
          id="client-public-jwks"
          name="public_jwks"
          label={t('clients.keys.label')}
          hint={t('clients.keys.hint')}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          value={draft.public_jwks}
          error={errorOf('public_jwks')}
          onChange={(e) => set('public_jwks', e.target.value)}
        />
        {otherError ? (
          <ProblemAlert error={register.error} context={t('clients.form.failed')} />
        ) : null}
        <div className="d-flex flex-wrap gap-3">
          <Button color="primary" type="submit" disabled={register.isPending}>
            {register.isPending ? t('clients.form.registering') : t('clients.form.submit')}
          </Button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            {t('clients.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
