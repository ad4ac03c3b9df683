import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button } from 'design-react-kit'
import { type ComponentProps, type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PlacePicker } from '@/components/PlacePicker'
import { ProblemAlert } from '@/components/ProblemAlert'
import { RadioGroup } from '@/components/RadioGroup'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf, problemCode } from '@/lib/api/fieldErrors'
import type { Place } from '@/lib/usePlaceSearch'
import { challengeQuery, solutionQuery } from '../api/challenge'
import { type RegistrationAccepted, useRegister } from '../api/useRegister'

type TextKey =
  | 'surname'
  | 'name'
  | 'birth_date'
  | 'fiscal_code'
  | 'email'
  | 'pec'
  | 'phone'
  | 'residence.street'
  | 'residence.number'
  | 'residence.municipality'
  | 'residence.province'

/** Every field that can carry an error, in the order of the page (for the focus). */
const FIELDS = [
  'surname',
  'name',
  'sex',
  'birth_date',
  'born',
  'birth_place_code',
  'birth_country',
  'fiscal_code',
  'email',
  'pec',
  'phone',
  'residence.street',
  'residence.number',
  'residence.municipality',
  'residence.province',
] as const
type Field = (typeof FIELDS)[number]

const IDS: Record<Field, string> = {
  surname: 'reg-surname',
  name: 'reg-name',
  sex: 'reg-sex',
  birth_date: 'reg-birth-date',
  born: 'reg-born',
  birth_place_code: 'reg-birth-comune',
  birth_country: 'reg-birth-state',
  fiscal_code: 'reg-fiscal-code',
  email: 'reg-email',
  pec: 'reg-pec',
  phone: 'reg-phone',
  'residence.street': 'reg-residence-street',
  'residence.number': 'reg-residence-number',
  'residence.municipality': 'reg-residence-municipality',
  'residence.province': 'reg-residence-province',
}

function focusField(field: Field) {
  const element = document.getElementById(IDS[field])
  const target = element instanceof HTMLFieldSetElement ? element.querySelector('input') : element
  target?.focus()
}

function orNull(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

interface RegistrationFormProps {
  onRegistered: (accepted: RegistrationAccepted, email: string) => void
}

/**
 * The registration form of seed 001: the starred fields are required; the codice fiscale
 * must match surname, name, sex, date and place of birth (the server checks). The anti-bot
 * check runs in the background while the form is filled in.
 */
export function RegistrationForm({ onRegistered }: RegistrationFormProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const register = useRegister()
  const challenge = useQuery(challengeQuery)
  const solution = useQuery(solutionQuery(challenge.data))
  const [text, setText] = useState<Record<TextKey, string>>({
    surname: '',
    name: '',
    birth_date: '',
    fiscal_code: '',
    email: '',
    pec: '',
    phone: '',
    'residence.street': '',
    'residence.number': '',
    'residence.municipality': '',
    'residence.province': '',
  })
  const [sex, setSex] = useState<'M' | 'F' | ''>('')
  const [born, setBorn] = useState<'italy' | 'abroad' | ''>('')
  const [comune, setComune] = useState<Place | null>(null)
  const [state, setState] = useState<Place | null>(null)
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({})
  const [edited, setEdited] = useState<ReadonlySet<Field>>(new Set())
  const [preparing, setPreparing] = useState(false)
  const [checkFailed, setCheckFailed] = useState(false)

  const server = fieldErrorsOf(register.error)
  const errorOf = (field: Field): string | undefined => {
    if (missing[field]) return t(`registration.required.${field}`)
    if (edited.has(field)) return undefined
    return server[field]
  }
  const powError = server.proof_of_work
  const otherError =
    register.isError &&
    !Object.keys(server).some(
      (f) => (FIELDS as readonly string[]).includes(f) || f === 'proof_of_work',
    )

  // A refusal of the whole registration is shown above the form: take the reader there.
  const alertRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (otherError) alertRef.current?.focus()
  }, [otherError, register.error])

  const touch = (field: Field) => {
    setMissing((m) => ({ ...m, [field]: false }))
    setEdited((s) => new Set(s).add(field))
  }
  const textField = (key: TextKey, extra: Partial<ComponentProps<typeof TextField>> = {}) => (
    <TextField
      id={IDS[key]}
      name={key}
      label={t(`registration.fields.${key}`)}
      error={errorOf(key)}
      value={text[key]}
      onChange={(e) => {
        const value = e.target.value
        setText((v) => ({ ...v, [key]: value }))
        touch(key)
      }}
      {...extra}
    />
  )

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: Partial<Record<Field, boolean>> = {
      surname: text.surname.trim() === '',
      name: text.name.trim() === '',
      sex: sex === '',
      birth_date: text.birth_date === '',
      born: born === '',
      birth_place_code: born === 'italy' && comune === null,
      birth_country: born === 'abroad' && state === null,
      fiscal_code: text.fiscal_code.trim() === '',
      email: text.email.trim() === '',
    }
    setMissing(found)
    setEdited(new Set())
    const first = FIELDS.find((f) => found[f])
    if (first) {
      focusField(first)
      return
    }
    setPreparing(true)
    setCheckFailed(false)
    let proof: { challenge: string; nonce: string }
    try {
      const current = await queryClient.fetchQuery(challengeQuery)
      const nonce = await queryClient.fetchQuery(solutionQuery(current))
      proof = { challenge: current.challenge, nonce }
    } catch {
      setCheckFailed(true)
      return
    } finally {
      setPreparing(false)
    }
    const email = text.email.trim()
    const residence = {
      street: orNull(text['residence.street']),
      number: orNull(text['residence.number']),
      municipality: orNull(text['residence.municipality']),
      province: orNull(text['residence.province']),
    }
    register.mutate(
      {
        surname: text.surname.trim(),
        name: text.name.trim(),
        sex: sex as 'M' | 'F',
        birth_date: text.birth_date,
        birth_country: born === 'italy' ? 'IT' : (state?.code ?? ''),
        birth_place_code: born === 'italy' ? (comune?.code ?? null) : null,
        fiscal_code: text.fiscal_code.replace(/\s+/g, '').toUpperCase(),
        email,
        pec: orNull(text.pec),
        phone: orNull(text.phone),
        residence: Object.values(residence).some((v) => v !== null) ? residence : null,
        proof_of_work: proof,
      },
      {
        onSuccess: (accepted) => onRegistered(accepted, email),
        onError: (error) => {
          const fields = fieldErrorsOf(error)
          if (fields.proof_of_work) void queryClient.invalidateQueries(challengeQuery)
          const firstError = FIELDS.find((f) => fields[f])
          if (firstError) focusField(firstError)
        },
      },
    )
  }

  const checkState = solution.isSuccess
    ? 'ready'
    : solution.isError || challenge.isError
      ? 'failed'
      : 'working'
  const busy = preparing || register.isPending
  const conflict = problemCode(register.error) === 'account_exists'

  // The municipality has switched password registration off: no form to fill in vain.
  if (problemCode(challenge.error) === 'registration_closed') {
    return (
      <ProblemAlert error={challenge.error} context={t('registration.closed')} color="warning">
        <p className="mb-0 mt-2">
          <Link to="/come-accedere">{t('registration.closedLink')}</Link>
        </p>
      </ProblemAlert>
    )
  }

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-label={t('registration.formLabel')}
      className="registration-form"
    >
      <p>{t('registration.requiredNote')}</p>
      <div ref={alertRef} tabIndex={-1} className="outcome-region">
        {otherError ? (
          <ProblemAlert error={register.error} context={t('registration.failed')}>
            {conflict ? (
              <p className="mb-0 mt-2">
                <Link to="/accedi">{t('registration.toLogin')}</Link> ·{' '}
                <Link to="/recupera-password">{t('registration.toRecovery')}</Link>
              </p>
            ) : null}
          </ProblemAlert>
        ) : null}
      </div>

      <fieldset className="registration-section">
        <legend className="h4">{t('registration.sections.person')}</legend>
        <div className="row">
          <div className="col-12 col-md-6">
            {textField('surname', { required: true, autoComplete: 'family-name', maxLength: 100 })}
          </div>
          <div className="col-12 col-md-6">
            {textField('name', { required: true, autoComplete: 'given-name', maxLength: 100 })}
          </div>
        </div>
        <RadioGroup
          id={IDS.sex}
          legend={t('registration.fields.sex')}
          options={[
            { value: 'F', label: t('registration.female') },
            { value: 'M', label: t('registration.male') },
          ]}
          value={sex}
          onChange={(value) => {
            setSex(value)
            touch('sex')
          }}
          error={errorOf('sex')}
          required
        />
        <div className="row">
          <div className="col-12 col-md-6">
            {textField('birth_date', { type: 'date', required: true, autoComplete: 'bday' })}
          </div>
        </div>
      </fieldset>

      <fieldset className="registration-section">
        <legend className="h4">{t('registration.sections.birthPlace')}</legend>
        <RadioGroup
          id={IDS.born}
          legend={t('registration.fields.born')}
          options={[
            { value: 'italy', label: t('registration.bornInItaly') },
            { value: 'abroad', label: t('registration.bornAbroad') },
          ]}
          value={born}
          onChange={(value) => {
            setBorn(value)
            touch('born')
          }}
          error={errorOf('born') ?? (born === '' ? server.birth_country : undefined)}
          required
        />
        {born === 'italy' ? (
          <PlacePicker
            id={IDS.birth_place_code}
            kind="comune"
            label={t('registration.fields.birth_place_code')}
            value={comune}
            onChange={(place) => {
              setComune(place)
              touch('birth_place_code')
            }}
            error={errorOf('birth_place_code') ?? errorOf('birth_country')}
          />
        ) : null}
        {born === 'abroad' ? (
          <PlacePicker
            id={IDS.birth_country}
            kind="state"
            label={t('registration.fields.birth_country')}
            value={state}
            onChange={(place) => {
              setState(place)
              touch('birth_country')
            }}
            error={errorOf('birth_country')}
          />
        ) : null}
      </fieldset>

      <fieldset className="registration-section">
        <legend className="h4">{t('registration.sections.fiscalCode')}</legend>
        <div className="row">
          <div className="col-12 col-md-6">
            {textField('fiscal_code', {
              required: true,
              hint: t('registration.fiscalCodeHint'),
              autoComplete: 'off',
              autoCapitalize: 'characters',
              spellCheck: false,
              maxLength: 32,
              inputClassName: 'font-monospace text-uppercase-input',
            })}
          </div>
        </div>
      </fieldset>

      <fieldset className="registration-section">
        <legend className="h4">{t('registration.sections.contacts')}</legend>
        <div className="row">
          <div className="col-12 col-md-6">
            {textField('email', {
              type: 'email',
              required: true,
              hint: t('registration.emailHint'),
              autoComplete: 'email',
              maxLength: 254,
            })}
          </div>
          <div className="col-12 col-md-6">
            {textField('pec', { type: 'email', hint: t('profile.pecHint'), maxLength: 254 })}
          </div>
          <div className="col-12 col-md-6">
            {textField('phone', { type: 'tel', autoComplete: 'tel', maxLength: 32 })}
          </div>
        </div>
      </fieldset>

      <fieldset className="registration-section">
        <legend className="h4">{t('registration.sections.residence')}</legend>
        <div className="row">
          <div className="col-12 col-md-8">
            {textField('residence.street', { autoComplete: 'address-line1', maxLength: 120 })}
          </div>
          <div className="col-12 col-md-4">{textField('residence.number', { maxLength: 16 })}</div>
          <div className="col-12 col-md-8">
            {textField('residence.municipality', { autoComplete: 'address-level2', maxLength: 80 })}
          </div>
          <div className="col-12 col-md-4">
            {textField('residence.province', { autoComplete: 'address-level1', maxLength: 40 })}
          </div>
        </div>
      </fieldset>

      <section className="registration-section antibot" aria-labelledby="reg-antibot-title">
        <h2 id="reg-antibot-title" className="h4">
          {t('registration.antibot.title')}
        </h2>
        <p>{t('registration.antibot.text')}</p>
        <p role="status" className={`antibot-state antibot-${checkState}`}>
          {t(`registration.antibot.${checkState}`)}
        </p>
        {powError || checkFailed ? (
          <div className="text-field-error" role="alert">
            {powError || t('registration.antibot.failed')}
          </div>
        ) : null}
      </section>

      <p>
        {t('registration.privacy')} <Link to="/privacy">{t('registration.privacyLink')}</Link>
      </p>
      <Button color="primary" type="submit" disabled={busy}>
        {preparing
          ? t('registration.preparing')
          : register.isPending
            ? t('registration.submitting')
            : t('registration.submit')}
      </Button>
    </form>
  )
}
