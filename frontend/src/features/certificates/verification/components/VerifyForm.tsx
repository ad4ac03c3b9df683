import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@/components/TextField'
import type { CertificateQuery } from '../api/useCertificateStatus'
import { normalizeCertificateId } from '../seal'

/** 16 characters of Crockford base32 (no I, L, O, U) once normalised. */
const CERTIFICATE_ID = /^[0-9A-HJKMNP-TV-Z]{16}$/

type Field = keyof CertificateQuery
type Errors = Partial<Record<Field, string>>

interface VerifyFormProps {
  initial?: Partial<CertificateQuery>
  busy: boolean
  onSubmit: (query: CertificateQuery) => void
}

/** Surname, name and ID of a certificate, as printed on it (seed 001 §8.1). */
export function VerifyForm({ initial, busy, onSubmit }: VerifyFormProps) {
  const { t } = useTranslation()
  const [values, setValues] = useState<CertificateQuery>({
    surname: initial?.surname ?? '',
    name: initial?.name ?? '',
    id: initial?.id ?? '',
  })
  const [errors, setErrors] = useState<Errors>({})
  const surnameRef = useRef<HTMLInputElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const idRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const query = {
      surname: values.surname.trim(),
      name: values.name.trim(),
      id: values.id.trim(),
    }
    const found: Errors = {}
    if (query.surname === '') found.surname = t('verification.form.surnameRequired')
    if (query.name === '') found.name = t('verification.form.nameRequired')
    if (query.id === '') found.id = t('verification.form.idRequired')
    else if (!CERTIFICATE_ID.test(normalizeCertificateId(query.id)))
      found.id = t('verification.form.idInvalid')
    setErrors(found)
    const first = found.surname ? surnameRef : found.name ? nameRef : found.id ? idRef : null
    if (first) {
      first.current?.focus()
      return
    }
    onSubmit(query)
  }

  const change = (name: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }))

  return (
    <form noValidate onSubmit={submit} aria-label={t('verification.form.label')}>
      <TextField
        ref={surnameRef}
        id="verify-surname"
        name="surname"
        label={t('verification.form.surname')}
        required
        value={values.surname}
        error={errors.surname}
        onChange={change('surname')}
        autoComplete="off"
      />
      <TextField
        ref={nameRef}
        id="verify-name"
        name="name"
        label={t('verification.form.name')}
        required
        value={values.name}
        error={errors.name}
        onChange={change('name')}
        autoComplete="off"
      />
      <TextField
        ref={idRef}
        id="verify-id"
        name="id"
        required
        value={values.id}
        error={errors.id}
        onChange={change('id')}
        label={t('verification.form.id')}
        hint={t('verification.form.idHint')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        inputClassName="font-monospace"
      />
      <Button color="primary" type="submit" disabled={busy}>
        {busy ? t('verification.form.checking') : t('verification.form.submit')}
      </Button>
    </form>
  )
}
