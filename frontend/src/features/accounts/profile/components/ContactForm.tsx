import { Button } from 'design-react-kit'
import { type ComponentProps, type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import type { Profile } from '@/lib/session'
import { type ProfileUpdate, useUpdateProfile } from '../api/useUpdateProfile'

type Field =
  | 'email'
  | 'pec'
  | 'phone'
  | 'mobile_phone'
  | 'address.province'
  | 'address.municipality'
  | 'address.street'
  | 'address.number'

type Values = Record<Field, string>

function valuesOf(profile: Profile): Values {
  return {
    email: profile.email ?? '',
    pec: profile.pec ?? '',
    phone: profile.phone ?? '',
    mobile_phone: profile.mobile_phone ?? '',
    'address.province': profile.address.province ?? '',
    'address.municipality': profile.address.municipality ?? '',
    'address.street': profile.address.street ?? '',
    'address.number': profile.address.number ?? '',
  }
}

/** An empty field clears the value on the server (null). */
function orNull(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function updateOf(values: Values): ProfileUpdate {
  return {
    email: orNull(values.email),
    pec: orNull(values.pec),
    phone: orNull(values.phone),
    mobile_phone: orNull(values.mobile_phone),
    address: {
      province: orNull(values['address.province']),
      municipality: orNull(values['address.municipality']),
      street: orNull(values['address.street']),
      number: orNull(values['address.number']),
    },
  }
}

const FIELD_IDS: Record<Field, string> = {
  email: 'profile-email',
  pec: 'profile-pec',
  phone: 'profile-phone',
  mobile_phone: 'profile-mobile-phone',
  'address.province': 'profile-address-province',
  'address.municipality': 'profile-address-municipality',
  'address.street': 'profile-address-street',
  'address.number': 'profile-address-number',
}

interface ContactFormProps {
  profile: Profile
}

/** The editable part of the profile (seed 000): e-mail, PEC, phone numbers, contact address. */
export function ContactForm({ profile }: ContactFormProps) {
  const { t } = useTranslation()
  const update = useUpdateProfile()
  const [values, setValues] = useState<Values>(() => valuesOf(profile))
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null)
  const serverErrors = fieldErrorsOf(update.error)
  const [stale, setStale] = useState<Set<Field>>(new Set())
  const errorOf = (field: Field) => (stale.has(field) ? undefined : serverErrors[field])
  const known = new Set<string>(Object.keys(FIELD_IDS))
  const otherError = update.isError && !Object.keys(serverErrors).some((f) => known.has(f))

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setStale((s) => new Set(s).add(field))
    setOutcome(null)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const body = updateOf(values)
    if (JSON.stringify(body) === JSON.stringify(updateOf(valuesOf(profile)))) {
      update.reset()
      setOutcome('unchanged')
      return
    }
    setOutcome(null)
    update.mutate(body, {
      onSuccess: (saved) => {
        setValues(valuesOf(saved))
        setStale(new Set())
        setOutcome('saved')
      },
      onError: (error) => {
        setStale(new Set())
        const first = (Object.keys(FIELD_IDS) as Field[]).find((f) => fieldErrorsOf(error)[f])
        if (first) document.getElementById(FIELD_IDS[first])?.focus()
      },
    })
  }

  const field = (name: Field, extra: Partial<ComponentProps<typeof TextField>> = {}) => (
    <TextField
      id={FIELD_IDS[name]}
      name={name}
      label={t(`profile.fields.${name}`)}
      error={errorOf(name)}
      value={values[name]}
      onChange={(e) => set(name)(e.target.value)}
      {...extra}
    />
  )

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="profile-contacts-title"
      className="contact-form"
    >
      <div role="status">
        {outcome === 'saved' ? <Notice color="success">{t('profile.saved')}</Notice> : null}
        {outcome === 'unchanged' ? <Notice color="info">{t('profile.unchanged')}</Notice> : null}
      </div>
      {otherError ? <ProblemAlert error={update.error} context={t('profile.saveFailed')} /> : null}
      <div className="row">
        <div className="col-12 col-md-6">
          {field('email', { type: 'email', autoComplete: 'email', maxLength: 254 })}
        </div>
        <div className="col-12 col-md-6">
          {field('pec', { type: 'email', hint: t('profile.pecHint'), maxLength: 254 })}
        </div>
        <div className="col-12 col-md-6">
          {field('phone', { type: 'tel', autoComplete: 'tel', maxLength: 32 })}
        </div>
        <div className="col-12 col-md-6">
          {field('mobile_phone', { type: 'tel', autoComplete: 'mobile tel', maxLength: 32 })}
        </div>
      </div>
      <fieldset className="mt-2" aria-describedby="profile-address-hint">
        <legend className="h5">{t('profile.addressLegend')}</legend>
        <p className="form-text-block" id="profile-address-hint">
          {t('profile.addressHint')}
        </p>
        <div className="row">
          <div className="col-12 col-md-8">
            {field('address.street', { autoComplete: 'address-line1', maxLength: 120 })}
          </div>
          <div className="col-12 col-md-4">{field('address.number', { maxLength: 16 })}</div>
          <div className="col-12 col-md-8">
            {field('address.municipality', { autoComplete: 'address-level2', maxLength: 80 })}
          </div>
          <div className="col-12 col-md-4">
            {field('address.province', { autoComplete: 'address-level1', maxLength: 40 })}
          </div>
        </div>
      </fieldset>
      <Button color="primary" type="submit" disabled={update.isPending}>
        {update.isPending ? t('profile.saving') : t('profile.save')}
      </Button>
    </form>
  )
}
