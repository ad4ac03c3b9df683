import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Group } from '../api/useGroups'
import { useSetUserGroups } from '../api/useSetUserGroups'
import { fullNameOf, type User } from '../api/useUsers'
import type { UserOutcome } from './UserOutcome'

interface UserGroupsFormProps {
  user: User
  groups: Group[]
  onChanged: (user: User) => void
  onOutcome: (outcome: UserOutcome) => void
}

/** The groups the account belongs to, one check box each, saved together. */
export function UserGroupsForm({ user, groups, onChanged, onOutcome }: UserGroupsFormProps) {
  const { t } = useTranslation()
  const save = useSetUserGroups()
  const [chosen, setChosen] = useState<string[]>(user.groups)

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((g) => g !== id)))

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    save.mutate(
      { id: user.id, groupIds: chosen },
      {
        onSuccess: (saved) => {
          onChanged(saved)
          onOutcome({ text: t('admin.users.groupsSaved', { name: fullNameOf(saved) }) })
        },
      },
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="mb-4">
      <fieldset>
        <legend className="h5">{t('admin.users.groupsTitle')}</legend>
        <p className="form-text-block">{t('admin.users.groupsHint')}</p>
        {groups.map((group) => (
          <div key={group.id} className="mb-2">
            <CheckboxField
              id={`user-group-${group.id}`}
              label={
                group.built_in ? t('admin.groups.builtInName', { name: group.name }) : group.name
              }
              checked={chosen.includes(group.id)}
              onChange={(e) => toggle(group.id, e.target.checked)}
              aria-describedby={
                group.description ? `user-group-${group.id}-description` : undefined
              }
            />
            {group.description ? (
              <small id={`user-group-${group.id}-description`} className="group-description">
                {group.description}
              </small>
            ) : null}
          </div>
        ))}
      </fieldset>
      <Button color="primary" type="submit" disabled={save.isPending}>
        {save.isPending ? t('admin.users.working') : t('admin.users.saveGroups')}
      </Button>
      {save.isError ? (
        <ProblemAlert error={save.error} context={t('admin.users.groupsFailed')} />
      ) : null}
    </form>
  )
}
