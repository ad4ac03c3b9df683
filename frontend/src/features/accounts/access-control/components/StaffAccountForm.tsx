import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { ProblemAlert } from '@/components/ProblemAlert'
import { SelectField } from '@/components/SelectField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf, problemCode } from '@/lib/api/fieldErrors'
import { type StaffAccountInput, useCreateStaffAccount } from '../api/useCreateStaffAccount'
import type { Group } from '../api/useGroups'
import type { User } from '../api/useUsers'

interface StaffAccountFormProps {
  groups: Group[]
  onCreated: (user: User) => void
  onCancel: () => void
}

type Field = 'username' | 'name' | 'surname' | 'email' | 'role'
const FIELDS: Field[] = ['username', 'name', 'surname', 'email', 'role']
/** The server's rule, checked here first so that the answer comes as one types. */
const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A new operator or administrator: who they are, where the invitation goes, their role and
 * groups. No password: the person chooses it from the e-mailed link.
 */
export function StaffAccountForm({ groups, onCreated, onCancel }: StaffAccountFormProps) {
  const { t } = useTranslation()
  const create = useCreateStaffAccount()
  const [values, setValues] = useState<Record<Field, string>>({
    username: '',
    name: '',
    surname: '',
    email: '',
    role: 'operator',
  })
  const [chosen, setChosen] = useState<string[]>([])
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({})
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const server = fieldErrorsOf(create.error)
  if (problemCode(create.error) === 'username_taken' && create.error) {
    server.username = create.error.message
  }
  const errorOf = (field: Field) => local[field] ?? server[field]
  const groupError = server.group_ids
  const otherError = create.isError && FIELDS.every((field) => !server[field]) && !groupError

  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }))
    setLocal((current) => ({ ...current, [field]: undefined }))
  }

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {}
    for (const field of ['username', 'name', 'surname', 'email'] as const) {
      if (values[field].trim() === '') found[field] = t('admin.users.create.required')
    }
    if (!found.username && !USERNAME_PATTERN.test(values.username.trim())) {
      found.username = t('admin.users.create.usernameInvalid')
    }
    if (!found.email && !EMAIL_PATTERN.test(values.email.trim())) {
      found.email = t('admin.users.create.emailInvalid')
    }
    return found
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = check()
    setLocal(found)
    const first = FIELDS.find((field) => found[field])
    if (first) {
      document.getElementById(`staff-${first}`)?.focus()
      return
    }
    const input: StaffAccountInput = {
      username: values.username.trim(),
      name: values.name.trim(),
      surname: values.surname.trim(),
      email: values.email.trim(),
      role: values.role,
      group_ids: chosen,
    }
    create.mutate(input, { onSuccess: onCreated })
  }

  return (
    <section className="admin-panel p-4 mb-4" aria-labelledby="staff-form-title">
      <h2 id="staff-form-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('admin.users.create.title')}
      </h2>
      <p>{t('admin.users.create.intro')}</p>
      <p className="small">{t('admin.users.create.requiredNote')}</p>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="staff-username"
          name="username"
          label={t('admin.users.create.username')}
          hint={t('admin.users.create.usernameHint')}
          error={errorOf('username')}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          value={values.username}
          onChange={(e) => set('username', e.target.value)}
        />
        <TextField
          id="staff-name"
          name="name"
          label={t('admin.users.create.name')}
          error={errorOf('name')}
          required
          maxLength={100}
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextField
          id="staff-surname"
          name="surname"
          label={t('admin.users.create.surname')}
          error={errorOf('surname')}
          required
          maxLength={100}
          value={values.surname}
          onChange={(e) => set('surname', e.target.value)}
        />
        <TextField
          id="staff-email"
          name="email"
          type="email"
          label={t('admin.users.create.email')}
          hint={t('admin.users.create.emailHint')}
          error={errorOf('email')}
          required
          autoComplete="off"
          value={values.email}
          onChange={(e) => set('email', e.target.value)}
        />
        <SelectField
          id="staff-role"
          name="role"
          label={t('admin.users.create.role')}
          error={errorOf('role')}
          required
          value={values.role}
          onChange={(e) => set('role', e.target.value)}
        >
          <option value="operator">{t('admin.users.roles.operator')}</option>
          <option value="admin">{t('admin.users.roles.admin')}</option>
        </SelectField>
        <fieldset className="mb-3" aria-describedby="staff-groups-hint">
          <legend className="h6">{t('admin.users.create.groups')}</legend>
          <p id="staff-groups-hint" className="small">
            {t('admin.users.create.groupsHint')}
          </p>
          {groups.map((group) => (
            <CheckboxField
              key={group.id}
              id={`staff-group-${group.id}`}
              label={group.name}
              checked={chosen.includes(group.id)}
              onChange={(e) =>
                setChosen((current) =>
                  e.target.checked
                    ? [...current, group.id]
                    : current.filter((id) => id !== group.id),
                )
              }
            />
          ))}
          {groupError ? (
            <p className="text-field-error" role="alert">
              {groupError}
            </p>
          ) : null}
        </fieldset>
        {otherError ? (
          <ProblemAlert error={create.error} context={t('admin.users.create.failed')} />
        ) : null}
        <div className="d-flex flex-wrap gap-3">
          <Button color="primary" type="submit" disabled={create.isPending}>
            {create.isPending ? t('admin.users.create.creating') : t('admin.users.create.submit')}
          </Button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            {t('admin.users.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
