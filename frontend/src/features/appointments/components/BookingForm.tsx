import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { SelectField } from '@/components/SelectField'
import { TextAreaField } from '@/components/TextAreaField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf, problemCode } from '@/lib/api/fieldErrors'
import { ApiError } from '@/lib/api/problem'
import { newIdempotencyKey } from '@/lib/idempotency'
import type { Appointment, Desk, NewAppointment } from '../api/types'
import { useBookAppointment } from '../api/useAppointments'
import { useAvailability } from '../api/useAvailability'
import { longDate } from '../calendar'

const NOTES_MAX = 500
const FISCAL_CODE = /^[A-Z0-9]{16}$/

interface BookingFormProps {
  desk: Desk
  date: string
  /** The time chosen in the week or day view. */
  startsAt?: string
  /** The office books for a person: codice fiscale, surname, name, e-mail and phone. */
  forPerson?: boolean
  /** Ids are prefixed with it (two forms never share a page, but the office's differs). */
  idPrefix?: string
  headingLevel?: 2 | 3
  /** The heading takes the focus when the form opens (not when the office changes the day). */
  focusOnOpen?: boolean
  onBooked: (appointment: Appointment) => void
  onClose: () => void
}

interface Person {
  fiscal_code: string
  surname: string
  name: string
  email: string
  phone: string
}

/** The errors without the field's. */
function without(errors: Record<string, string>, field: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== field))
}

const NO_PERSON: Person = { fiscal_code: '', surname: '', name: '', email: '', phone: '' }

/**
 * Seed 000's form for a chosen day: "Ora" (the day's free times with their free places),
 * "Argomento" (the desk's topics), "Note", and "Conferma". A place taken meanwhile
 * (409 `slot_full`) is said plainly, the free times are read again and the form stays.
 */
export function BookingForm({
  desk,
  date,
  startsAt,
  forPerson = false,
  idPrefix = 'prenota',
  headingLevel = 2,
  focusOnOpen = true,
  onBooked,
  onClose,
}: BookingFormProps) {
  const { t, i18n } = useTranslation()
  const availability = useAvailability(desk.id, date, date)
  const book = useBookAppointment()
  const [time, setTime] = useState(startsAt ?? '')
  const [topic, setTopic] = useState(desk.topics.length === 1 ? (desk.topics[0] ?? '') : '')
  const [notes, setNotes] = useState('')
  const [person, setPerson] = useState<Person>(NO_PERSON)
  const [missing, setMissing] = useState<Record<string, string>>({})
  const [slotGone, setSlotGone] = useState<string | null>(null)
  // One key per attempt: a retry after a lost answer books once; an answered refusal ends it.
  const key = useRef(newIdempotencyKey())
  const heading = useRef<HTMLHeadingElement>(null)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus()
  }, [focusOnOpen])

  const day = availability.data?.days.find((d) => d.date === date)
  const slots = (day?.slots ?? []).filter((slot) => slot.free > 0)
  // A time no longer free is no longer chosen.
  const chosen = slots.some((slot) => slot.starts_at === time) ? time : ''
  const serverErrors = fieldErrorsOf(book.error)
  const errorOf = (field: string) => missing[field] ?? serverErrors[field]
  const id = (field: string) => `${idPrefix}-${field}`

  const checkMissing = (): Record<string, string> => {
    // In the order of the fields, so that the first one missing gets the focus.
    const found: Record<string, string> = {}
    if (forPerson) {
      if (!FISCAL_CODE.test(person.fiscal_code))
        found.fiscal_code = t('appointments.form.errors.fiscalCode')
      if (!person.surname.trim()) found.surname = t('appointments.form.errors.surname')
      if (!person.name.trim()) found.name = t('appointments.form.errors.name')
    }
    if (!chosen) found.starts_at = t('appointments.form.errors.time')
    if (desk.topics.length > 0 && !topic) found.topic = t('appointments.form.errors.topic')
    return found
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = checkMissing()
    setMissing(found)
    setSlotGone(null)
    const first = Object.keys(found)[0]
    if (first) {
      document.getElementById(id(first === 'starts_at' ? 'ora' : first))?.focus()
      return
    }
    const body: NewAppointment = {
      desk_id: desk.id,
      starts_at: chosen,
      topic,
      notes: notes.trim(),
      ...(forPerson
        ? {
            fiscal_code: person.fiscal_code,
            surname: person.surname.trim(),
            name: person.name.trim(),
            email: person.email.trim() || null,
            phone: person.phone.trim() || null,
          }
        : {}),
    }
    const slot = slots.find((s) => s.starts_at === chosen)
    book.mutate(
      { body, idempotencyKey: key.current },
      {
        onSuccess: onBooked,
        onError: (error) => {
          if (error instanceof ApiError && !error.isNetworkError) key.current = newIdempotencyKey()
          if (problemCode(error) === 'slot_full') {
            setSlotGone(slot?.time ?? '')
            setTime('')
            void availability.refetch()
          }
        },
      },
    )
  }

  const setField = (field: keyof Person, value: string) => {
    setPerson((p) => ({ ...p, [field]: value }))
    setMissing((m) => without(m, field))
  }
  const headingId = id('titolo')

  return (
    <form className="booking-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Heading className="h4" id={headingId} tabIndex={-1} ref={heading}>
        {t('appointments.form.title', { date: longDate(date, i18n.language) })}
      </Heading>
      <p>{t('appointments.form.deskAt', { desk: desk.name, location: desk.location })}</p>
      {slotGone !== null ? (
        <Notice color="warning" role="alert">
          <p className="fw-semibold mb-1">{t('appointments.form.slotFullTitle')}</p>
          <p className="mb-0">{t('appointments.form.slotFull', { time: slotGone })}</p>
        </Notice>
      ) : book.isError && Object.keys(serverErrors).length === 0 ? (
        <ProblemAlert
          error={book.error}
          context={t('appointments.form.failed')}
          color={problemCode(book.error) === 'too_many_bookings' ? 'warning' : 'danger'}
        />
      ) : null}
      {availability.isError ? (
        <ProblemAlert error={availability.error} context={t('appointments.calendar.failed')} />
      ) : null}
      {forPerson ? (
        <fieldset className="mb-3">
          <legend className="h5">{t('appointments.form.person')}</legend>
          <div className="row">
            <div className="col-md-6">
              <TextField
                id={id('fiscal_code')}
                label={t('appointments.form.fiscalCode')}
                required
                value={person.fiscal_code}
                maxLength={16}
                autoComplete="off"
                spellCheck={false}
                inputClassName="text-uppercase"
                error={errorOf('fiscal_code')}
                onChange={(e) => setField('fiscal_code', e.target.value.toUpperCase().trim())}
              />
            </div>
            <div className="col-md-6">
              <TextField
                id={id('surname')}
                label={t('appointments.form.surname')}
                required
                value={person.surname}
                autoComplete="off"
                error={errorOf('surname')}
                onChange={(e) => setField('surname', e.target.value)}
              />
            </div>
            <div className="col-md-6">
              <TextField
                id={id('name')}
                label={t('appointments.form.name')}
                required
                value={person.name}
                autoComplete="off"
                error={errorOf('name')}
                onChange={(e) => setField('name', e.target.value)}
              />
            </div>
            <div className="col-md-6">
              <TextField
                id={id('email')}
                type="email"
                label={t('appointments.form.email')}
                hint={t('appointments.form.emailHint')}
                value={person.email}
                autoComplete="off"
                error={errorOf('email')}
                onChange={(e) => setField('email', e.target.value)}
              />
            </div>
            <div className="col-md-6">
              <TextField
                id={id('phone')}
                type="tel"
                label={t('appointments.form.phone')}
                value={person.phone}
                autoComplete="off"
                error={errorOf('phone')}
                onChange={(e) => setField('phone', e.target.value)}
              />
            </div>
          </div>
        </fieldset>
      ) : null}
      <SelectField
        id={id('ora')}
        label={t('appointments.form.time')}
        required
        value={chosen}
        disabled={!availability.data}
        hint={availability.data && slots.length === 0 ? t('appointments.form.noTimes') : undefined}
        error={errorOf('starts_at')}
        onChange={(e) => {
          setTime(e.target.value)
          setSlotGone(null)
          setMissing((m) => without(m, 'starts_at'))
        }}
      >
        <option value="">{t('appointments.form.chooseTime')}</option>
        {slots.map((slot) => (
          <option key={slot.starts_at} value={slot.starts_at}>
            {t('appointments.form.timeOption', {
              from: slot.time,
              to: slot.ends,
              places: t('appointments.calendar.freePlaces', { count: slot.free }),
            })}
          </option>
        ))}
      </SelectField>
      {desk.topics.length > 0 ? (
        <SelectField
          id={id('topic')}
          label={t('appointments.form.topic')}
          required
          value={topic}
          error={errorOf('topic')}
          onChange={(e) => {
            setTopic(e.target.value)
            setMissing((m) => without(m, 'topic'))
          }}
        >
          <option value="">{t('appointments.form.chooseTopic')}</option>
          {desk.topics.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextAreaField
        id={id('notes')}
        label={t('appointments.form.notes')}
        hint={t('appointments.form.notesHint')}
        value={notes}
        maxLength={NOTES_MAX}
        error={errorOf('notes')}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="d-flex flex-wrap gap-3">
        <Button color="primary" type="submit" disabled={book.isPending}>
          {book.isPending ? t('appointments.form.sending') : t('appointments.form.confirm')}
        </Button>
        <Button color="secondary" outline type="button" onClick={onClose}>
          {t('appointments.form.close')}
        </Button>
      </div>
    </form>
  )
}
