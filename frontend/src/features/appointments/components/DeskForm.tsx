import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { SelectField } from '@/components/SelectField'
import { TextAreaField } from '@/components/TextAreaField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { DESK_AREAS, type Desk, type DeskHours, type DeskInput } from '../api/types'
import { useSaveDesk } from '../api/useDesks'
import { weekdayName } from '../calendar'

/** The form's state: numbers as typed, topics one per line. */
interface DeskDraft {
  name: string
  area: string
  location: string
  topics: string
  hours: DeskHours[]
  slot_minutes: string
  places_per_slot: string
  horizon_days: string
  min_notice_hours: string
  cancel_notice_hours: string
  max_active_per_citizen: string
  active: boolean
}

const NUMBERS = [
  ['slot_minutes', 'slotMinutes'],
  ['places_per_slot', 'placesPerSlot'],
  ['horizon_days', 'horizonDays'],
  ['min_notice_hours', 'minNoticeHours'],
  ['cancel_notice_hours', 'cancelNoticeHours'],
  ['max_active_per_citizen', 'maxActive'],
] as const

function draftOf(desk: Desk | undefined): DeskDraft {
  return {
    name: desk?.name ?? '',
    area: desk?.area ?? 'anagrafe',
    location: desk?.location ?? '',
    topics: desk?.topics.join('\n') ?? '',
    hours: desk?.hours.map((h) => ({ ...h })) ?? [{ weekday: 1, opens: '08:30', closes: '12:30' }],
    slot_minutes: String(desk?.slot_minutes ?? 20),
    places_per_slot: String(desk?.places_per_slot ?? 1),
    horizon_days: String(desk?.horizon_days ?? 60),
    min_notice_hours: String(desk?.min_notice_hours ?? 24),
    cancel_notice_hours: String(desk?.cancel_notice_hours ?? 24),
    max_active_per_citizen: String(desk?.max_active_per_citizen ?? 2),
    active: desk?.active ?? true,
  }
}

function inputOf(draft: DeskDraft): DeskInput {
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))
  return {
    name: draft.name.trim(),
    area: draft.area,
    location: draft.location.trim(),
    topics: draft.topics
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    hours: draft.hours,
    slot_minutes: number(draft.slot_minutes),
    places_per_slot: number(draft.places_per_slot),
    horizon_days: number(draft.horizon_days),
    min_notice_hours: number(draft.min_notice_hours),
    cancel_notice_hours: number(draft.cancel_notice_hours),
    max_active_per_citizen: number(draft.max_active_per_citizen),
    active: draft.active,
  }
}

interface DeskFormProps {
  /** None: a new desk. */
  desk?: Desk
  onSaved: (desk: Desk) => void
  onClose: () => void
}

/**
 * A desk as the office sets it up (DeskInput): name, area, location, topics one per line,
 * weekly hours (rows of weekday, opening and closing), the slots and booking rules, active.
 * The server's 422 field errors are shown on their fields.
 */
export function DeskForm({ desk, onSaved, onClose }: DeskFormProps) {
  const { t, i18n } = useTranslation()
  const save = useSaveDesk()
  const [draft, setDraft] = useState<DeskDraft>(() => draftOf(desk))
  const [missing, setMissing] = useState<Record<string, string>>({})
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  const server = fieldErrorsOf(save.error)
  const errorOf = (field: string) => missing[field] ?? server[field]
  // "hours" (none, or two ranges overlapping) is said above the rows; a row's own errors
  // ("hours[1].closes") on its fields; a topic's ("topics[2]") with the topics.
  const hoursError = server.hours
  const topicsError =
    [
      missing.topics ?? server.topics,
      ...Object.entries(server)
        .filter(([field]) => /^topics\[\d+\]$/.test(field))
        .map(
          ([field, message]) =>
            `${t('appointments.deskAdmin.topicsLine', { number: Number(field.slice(7, -1)) + 1 })} ${message}`,
        ),
    ]
      .filter(Boolean)
      .join(' ') || undefined
  const shown = new Set([
    'name',
    'area',
    'location',
    'topics',
    'hours',
    'active',
    ...NUMBERS.map(([field]) => field),
  ])
  const otherErrors = Object.entries(server).filter(
    ([field]) => !shown.has(field) && !/^(hours|topics)\[\d+\]/.test(field),
  )

  const set = <K extends keyof DeskDraft>(field: K, value: DeskDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setMissing((m) => Object.fromEntries(Object.entries(m).filter(([key]) => key !== field)))
  }
  const setHours = (index: number, change: Partial<DeskHours>) =>
    set(
      'hours',
      draft.hours.map((h, i) => (i === index ? { ...h, ...change } : h)),
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!draft.name.trim()) found.name = t('appointments.deskAdmin.required')
    if (!draft.location.trim()) found.location = t('appointments.deskAdmin.required')
    if (!draft.topics.trim()) found.topics = t('appointments.deskAdmin.required')
    for (const [field] of NUMBERS)
      if (draft[field].trim() === '') found[field] = t('appointments.deskAdmin.required')
    setMissing(found)
    const first = Object.keys(found)[0]
    if (first) {
      document.getElementById(`sportello-${first}`)?.focus()
      return
    }
    save.mutate({ id: desk?.id, input: inputOf(draft) }, { onSuccess: onSaved })
  }

  const title = desk
    ? t('appointments.deskAdmin.titleEdit', { name: desk.name })
    : t('appointments.deskAdmin.titleNew')
  return (
    <form
      className="desk-form mt-4"
      onSubmit={submit}
      noValidate
      aria-labelledby="sportello-titolo"
    >
      <h2 className="h4" id="sportello-titolo" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {save.isError ? (
        <ProblemAlert error={save.error} context={t('appointments.deskAdmin.saveFailed')}>
          {otherErrors.length > 0 ? (
            <ul className="mb-0 mt-2">
              {otherErrors.map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          ) : null}
        </ProblemAlert>
      ) : null}
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="sportello-name"
            label={t('appointments.deskAdmin.name')}
            required
            value={draft.name}
            error={errorOf('name')}
            onChange={(e) => set('name', e.target.value)}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="sportello-area"
            label={t('appointments.deskAdmin.area')}
            required
            value={draft.area}
            error={errorOf('area')}
            onChange={(e) => set('area', e.target.value)}
          >
            {DESK_AREAS.map((area) => (
              <option key={area} value={area}>
                {t(`appointments.deskAdmin.areas.${area}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextField
        id="sportello-location"
        label={t('appointments.deskAdmin.location')}
        hint={t('appointments.deskAdmin.locationHint')}
        required
        value={draft.location}
        error={errorOf('location')}
        onChange={(e) => set('location', e.target.value)}
      />
      <TextAreaField
        id="sportello-topics"
        label={t('appointments.deskAdmin.topics')}
        hint={t('appointments.deskAdmin.topicsHint')}
        required
        value={draft.topics}
        error={topicsError}
        onChange={(e) => set('topics', e.target.value)}
      />
      <fieldset className="mb-4" aria-describedby="sportello-orari-hint">
        <legend className="h5">{t('appointments.deskAdmin.hours')}</legend>
        <p id="sportello-orari-hint" className="form-text">
          {t('appointments.deskAdmin.hoursHint')}
        </p>
        {hoursError ? (
          <div className="text-field-error mb-2" role="alert" id="sportello-orari-errori">
            {hoursError}
          </div>
        ) : null}
        {draft.hours.length === 0 ? <p>{t('appointments.deskAdmin.noHours')}</p> : null}
        {draft.hours.map((row, index) => {
          const number = index + 1
          const rowError = (part: string) => server[`hours[${index}].${part}`]
          return (
            <fieldset key={index} className="desk-hours-row">
              <legend className="visually-hidden">
                {t('appointments.deskAdmin.hoursRow', { number })}
              </legend>
              <SelectField
                id={`sportello-orari-${index}-giorno`}
                label={t('appointments.deskAdmin.weekday')}
                value={String(row.weekday)}
                error={rowError('weekday')}
                onChange={(e) => setHours(index, { weekday: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
                  <option key={weekday} value={weekday}>
                    {weekdayName(weekday, i18n.language)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`sportello-orari-${index}-apertura`}
                type="time"
                label={t('appointments.deskAdmin.opens')}
                value={row.opens}
                error={rowError('opens')}
                onChange={(e) => setHours(index, { opens: e.target.value })}
              />
              <TextField
                id={`sportello-orari-${index}-chiusura`}
                type="time"
                label={t('appointments.deskAdmin.closes')}
                value={row.closes}
                error={rowError('closes')}
                onChange={(e) => setHours(index, { closes: e.target.value })}
              />
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                aria-label={`${t('appointments.deskAdmin.removeHours')} ${t('appointments.deskAdmin.removeHoursOf', { number })}`}
                onClick={() =>
                  set(
                    'hours',
                    draft.hours.filter((_, i) => i !== index),
                  )
                }
              >
                {t('appointments.deskAdmin.removeHours')}
              </button>
            </fieldset>
          )
        })}
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() =>
            set('hours', [...draft.hours, { weekday: 1, opens: '14:30', closes: '16:30' }])
          }
        >
          {t('appointments.deskAdmin.addHours')}
        </button>
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h5">{t('appointments.deskAdmin.rules')}</legend>
        <div className="row">
          {NUMBERS.map(([field, label]) => (
            <div className="col-md-6" key={field}>
              <TextField
                id={`sportello-${field}`}
                type="number"
                inputMode="numeric"
                min={field === 'min_notice_hours' || field === 'cancel_notice_hours' ? 0 : 1}
                label={t(`appointments.deskAdmin.${label}`)}
                required
                value={draft[field]}
                error={errorOf(field)}
                onChange={(e) => set(field, e.target.value)}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <CheckboxField
        id="sportello-active"
        label={t('appointments.deskAdmin.activeLabel')}
        checked={draft.active}
        onChange={(e) => set('active', e.target.checked)}
      />
      {errorOf('active') ? (
        <div className="text-field-error" role="alert">
          {errorOf('active')}
        </div>
      ) : null}
      <div className="d-flex flex-wrap gap-3 mt-3">
        <Button color="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? t('appointments.deskAdmin.saving') : t('appointments.deskAdmin.save')}
        </Button>
        <Button color="secondary" outline type="button" onClick={onClose}>
          {t('appointments.deskAdmin.close')}
        </Button>
      </div>
      {save.isSuccess ? (
        <Notice color="success" role="status">
          <p className="mb-0">{t('appointments.deskAdmin.saved', { name: save.data.name })}</p>
        </Notice>
      ) : null}
    </form>
  )
}
