import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { Loading } from '@/components/Loading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf, problemCode } from '@/lib/api/fieldErrors'
import type { Group } from '../api/useGroups'
import { usePermissions } from '../api/usePermissions'
import { useSaveGroup } from '../api/useSaveGroup'

interface GroupFormProps {
  /** The group to change; null for a new one. */
  group: Group | null
  onSaved: (group: Group, created: boolean) => void
  onCancel: () => void
}

const NAME_LENGTH = { min: 2, max: 80 }

/** A group's name, description and permissions; each permission says what it allows. */
export function GroupForm({ group, onSaved, onCancel }: GroupFormProps) {
  const { t } = useTranslation()
  const permissions = usePermissions()
  const save = useSaveGroup()
  const [name, setName] = useState(group?.name ?? '')
  const [description, setDescription] = useState(group?.description ?? '')
  const [chosen, setChosen] = useState<string[]>(group?.permissions ?? [])
  const [nameMissing, setNameMissing] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const server = fieldErrorsOf(save.error)
  const nameTaken = problemCode(save.error) === 'group_name_taken'
  const nameError = nameMissing
    ? t('admin.groups.nameRequired', NAME_LENGTH)
    : (server.name ?? (nameTaken ? save.error?.message : undefined))
  const permissionErrors = Object.entries(server)
    .filter(([field]) => field.startsWith('permissions'))
    .map(([, message]) => message)
  const otherError = save.isError && !nameError && permissionErrors.length === 0

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const length = name.trim().length
    if (length < NAME_LENGTH.min || length > NAME_LENGTH.max) {
      setNameMissing(true)
      nameRef.current?.focus()
      return
    }
    save.mutate(
      {
        id: group?.id ?? null,
        input: { name: name.trim(), description: description.trim(), permissions: chosen },
      },
      { onSuccess: (saved) => onSaved(saved, group === null) },
    )
  }

  const title = group
    ? t('admin.groups.editTitle', { name: group.name })
    : t('admin.groups.newTitle')
  return (
    <section className="admin-panel p-4 mb-4" aria-labelledby="group-form-title">
      <h2 id="group-form-title" className="h4" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {group?.built_in ? <p>{t('admin.groups.builtInNote')}</p> : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          ref={nameRef}
          id="group-name"
          name="name"
          label={t('admin.groups.name')}
          hint={t('admin.groups.nameHint', NAME_LENGTH)}
          error={nameError}
          required
          maxLength={NAME_LENGTH.max}
          value={name}
          onChange={(e) => {
            setName(e.target.value)
            setNameMissing(false)
          }}
        />
        <TextField
          id="group-description"
          name="description"
          label={t('admin.groups.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <fieldset className="mb-3">
          <legend className="h6">{t('admin.groups.permissionsLegend')}</legend>
          {permissions.isError ? (
            <ProblemAlert error={permissions.error} context={t('admin.groups.permissionsFailed')} />
          ) : !permissions.data ? (
            <Loading label={t('admin.groups.permissionsLoading')} />
          ) : (
            permissions.data.map((permission) => {
              const id = `permission-${permission.code.replace('.', '-')}`
              return (
                <div key={permission.code} className="mb-2">
                  <CheckboxField
                    id={id}
                    label={permission.label}
                    checked={chosen.includes(permission.code)}
                    onChange={(e) =>
                      setChosen((current) =>
                        e.target.checked
                          ? [...current, permission.code]
                          : current.filter((c) => c !== permission.code),
                      )
                    }
                    aria-describedby={`${id}-meaning`}
                  />
                  <small id={`${id}-meaning`} className="permission-meaning">
                    {t(`admin.permissions.${permission.code}`, { defaultValue: '' })}{' '}
                    <code>{permission.code}</code>
                  </small>
                </div>
              )
            })
          )}
          {permissionErrors.map((message) => (
            <p key={message} className="text-field-error" role="alert">
              {message}
            </p>
          ))}
        </fieldset>
        {otherError ? (
          <ProblemAlert error={save.error} context={t('admin.groups.saveFailed')} />
        ) : null}
        <div className="d-flex flex-wrap gap-3">
          <Button color="primary" type="submit" disabled={save.isPending}>
            {save.isPending
              ? t('admin.groups.saving')
              : group
                ? t('admin.groups.saveChanges')
                : t('admin.groups.create')}
          </Button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            {t('admin.groups.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
