import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CheckboxField } from '@/components/CheckboxField'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { SelectField } from '@/components/SelectField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import {
  type Application,
  EVENT_SCOPE,
  EVENTS,
  type EventType,
  type WebhookCredentials,
} from '../api/types'
import { useRegisterWebhook } from '../api/useRegisterWebhook'
import { eventLabel, eventMeaning, scopeName } from './eventText'

interface WebhookFormProps {
  /** Every registered application; the form offers those not revoked. */
  applications: Application[] | undefined
  /** Why the applications could not be loaded, if they could not. */
  applicationsError: unknown
  onRegistered: (credentials: WebhookCredentials) => void
  onCancel: () => void
}

/** The fields the server names in its 422 answer, in the order of the form. */
const FIELDS = ['client_id', 'url', 'events'] as const
type Field = (typeof FIELDS)[number]

interface Draft {
  client_id: string
  url: string
  events: EventType[]
}

const EMPTY: Draft = { client_id: '', url: '', events: [] }

const eventId = (event: EventType) => `webhook-event-${event.replace('.', '-')}`

/** An absolute http(s) address; the server checks the rest (HTTPS, no credentials). */
function isWebAddress(text: string) {
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

/**
 * "Registra un webhook": for which application (one not revoked), to which address, which
 * events. Only the events the chosen application's scopes allow can be ticked; the others
 * say which scope is missing. What is missing is said before sending; the server's 422
 * field errors are shown on their fields.
 */
export function WebhookForm({
  applications,
  applicationsError,
  onRegistered,
  onCancel,
}: WebhookFormProps) {
  const { t } = useTranslation()
  const register = useRegisterWebhook()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({})
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const active = (applications ?? []).filter((application) => !application.revoked_at)
  const chosen = active.find((application) => application.client_id === draft.client_id)
  const allowed = (event: EventType) =>
    chosen !== undefined && chosen.scopes.includes(EVENT_SCOPE[event])

  const server = fieldErrorsOf(register.error)
  const errorOf = (field: Field) => local[field] ?? server[field]
  const otherError = register.isError && FIELDS.every((field) => !server[field])
  const eventsError = errorOf('events')

  /** Where the focus goes for a field's error (the events: their first box that can be ticked). */
  const focusId = (field: Field) => {
    if (field === 'client_id') return 'webhook-application'
    if (field === 'url') return 'webhook-url'
    const first = EVENTS.find(allowed)
    return first ? eventId(first) : 'webhook-application'
  }

  const chooseApplication = (clientId: string) => {
    const next = active.find((application) => application.client_id === clientId)
    setDraft((current) => ({
      ...current,
      client_id: clientId,
      // Events the new choice does not allow are dropped, not sent to be refused.
      events: current.events.filter((event) => next?.scopes.includes(EVENT_SCOPE[event])),
    }))
    setLocal((current) => ({ ...current, client_id: undefined }))
  }
  const setUrl = (url: string) => {
    setDraft((current) => ({ ...current, url }))
    setLocal((current) => ({ ...current, url: undefined }))
  }
  const toggleEvent = (event: EventType, on: boolean) => {
    setDraft((current) => ({
      ...current,
      events: on
        ? EVENTS.filter((e) => e === event || current.events.includes(e))
        : current.events.filter((e) => e !== event),
    }))
    setLocal((current) => ({ ...current, events: undefined }))
  }

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {}
    if (!chosen) found.client_id = t('webhooks.form.applicationRequired')
    const url = draft.url.trim()
    if (url === '') found.url = t('webhooks.form.urlRequired')
    else if (!isWebAddress(url)) found.url = t('webhooks.form.urlInvalid')
    if (draft.events.length === 0) found.events = t('webhooks.form.eventsRequired')
    return found
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = check()
    setLocal(found)
    const first = FIELDS.find((field) => found[field])
    if (first) {
      document.getElementById(focusId(first))?.focus()
      return
    }
    register.mutate(
      { client_id: draft.client_id, url: draft.url.trim(), events: draft.events },
      {
        onSuccess: onRegistered,
        onError: (error) => {
          // The first field the server refused takes the focus; otherwise the alert says why.
          const refused = FIELDS.find((field) => fieldErrorsOf(error)[field])
          if (refused)
            requestAnimationFrame(() => document.getElementById(focusId(refused))?.focus())
        },
      },
    )
  }

  /** Why an event cannot be ticked once an application is chosen: the scope it lacks. */
  const missingScope = (event: EventType) => {
    if (!chosen || allowed(event)) return null
    const scope = EVENT_SCOPE[event]
    return t('webhooks.form.missingScope', { scope: scopeName(t, scope), code: scope })
  }

  return (
    <section className="admin-panel p-4 mb-4" aria-labelledby="webhook-form-title">
      <h2 id="webhook-form-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('webhooks.form.title')}
      </h2>
      <p>{t('webhooks.form.lead')}</p>
      {applicationsError ? (
        <ProblemAlert error={applicationsError} context={t('webhooks.applicationsFailed')} />
      ) : !applications ? (
        <Loading label={t('webhooks.form.loadingApplications')} />
      ) : active.length === 0 ? (
        <Notice color="info">
          <p className="mb-0">
            <Trans
              i18nKey="webhooks.form.noApplications"
              components={{ page: <Link to="/backoffice/applicazioni" /> }}
            />
          </p>
        </Notice>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <SelectField
          id="webhook-application"
          name="client_id"
          label={t('webhooks.form.application')}
          hint={t('webhooks.form.applicationHint')}
          required
          value={draft.client_id}
          error={errorOf('client_id')}
          onChange={(e) => chooseApplication(e.target.value)}
        >
          <option value="">{t('webhooks.form.chooseApplication')}</option>
          {active.map((application) => (
            <option key={application.client_id} value={application.client_id}>
              {application.name} ({application.organisation})
            </option>
          ))}
        </SelectField>
        <TextField
          id="webhook-url"
          name="url"
          type="url"
          inputMode="url"
          label={t('webhooks.form.url')}
          hint={t('webhooks.form.urlHint')}
          required
          maxLength={2000}
          spellCheck={false}
          autoComplete="off"
          placeholder="https://"
          value={draft.url}
          error={errorOf('url')}
          onChange={(e) => setUrl(e.target.value)}
        />
        <fieldset
          className="mb-4"
          aria-describedby={eventsError ? 'webhook-events-error' : undefined}
        >
          <legend className="h6">
            {t('webhooks.form.events')}
            <span aria-hidden="true"> *</span>
          </legend>
          {chosen ? null : (
            <p id="webhook-events-hint" className="form-text webhook-event-hint">
              {t('webhooks.form.chooseApplicationFirst')}
            </p>
          )}
          {EVENTS.map((event) => {
            const id = eventId(event)
            const hint = missingScope(event)
            const describedBy = [
              `${id}-meaning`,
              hint ? `${id}-hint` : '',
              chosen ? '' : 'webhook-events-hint',
            ]
            return (
              <div key={event} className="mb-2">
                <CheckboxField
                  id={id}
                  label={eventLabel(t, event)}
                  checked={draft.events.includes(event)}
                  disabled={!allowed(event)}
                  aria-invalid={eventsError ? true : undefined}
                  aria-describedby={describedBy.filter(Boolean).join(' ')}
                  onChange={(e) => toggleEvent(event, e.target.checked)}
                />
                <small id={`${id}-meaning`} className="permission-meaning">
                  {eventMeaning(t, event)} <code>{event}</code>
                </small>
                {hint ? (
                  <small id={`${id}-hint`} className="permission-meaning webhook-event-hint">
                    {hint}
                  </small>
                ) : null}
              </div>
            )
          })}
          {eventsError ? (
            <p id="webhook-events-error" className="text-field-error" role="alert">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        {otherError ? (
          <ProblemAlert error={register.error} context={t('webhooks.form.failed')} />
        ) : null}
        <div className="d-flex flex-wrap gap-3">
          <Button color="primary" type="submit" disabled={register.isPending}>
            {register.isPending ? t('webhooks.form.registering') : t('webhooks.form.submit')}
          </Button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            {t('webhooks.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
