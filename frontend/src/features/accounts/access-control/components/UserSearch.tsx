import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField } from '@/components/SelectField'
import { TextField } from '@/components/TextField'
import { ROLES, type UserFilter, USER_STATUSES } from '../api/useUsers'

interface UserSearchProps {
  /** The search in force (from the address). */
  filter: UserFilter
  onSearch: (filter: UserFilter) => void
}

const EMPTY: UserFilter = { q: '', role: null, status: null }

/** Codice fiscale, user name or surname (their first letters will do), role and status. */
export function UserSearch({ filter, onSearch }: UserSearchProps) {
  const { t } = useTranslation()
  const [values, setValues] = useState(filter)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSearch({ ...values, q: values.q.trim() })
  }
  const filtered = filter.q !== '' || filter.role !== null || filter.status !== null
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      role="search"
      aria-label={t('admin.users.searchLabel')}
      className="admin-filters row gx-3 mb-4"
    >
      <div className="col-12 col-md-6">
        <TextField
          id="user-search"
          name="q"
          type="search"
          label={t('admin.users.searchField')}
          hint={t('admin.users.searchHint')}
          value={values.q}
          onChange={(e) => setValues((v) => ({ ...v, q: e.target.value }))}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="col-12 col-sm-6 col-md-3">
        <SelectField
          id="user-role"
          name="role"
          label={t('admin.users.role')}
          value={values.role ?? ''}
          onChange={(e) =>
            setValues((v) => ({ ...v, role: ROLES.find((r) => r === e.target.value) ?? null }))
          }
        >
          <option value="">{t('admin.users.anyRole')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`admin.users.roles.${role}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-12 col-sm-6 col-md-3">
        <SelectField
          id="user-status"
          name="status"
          label={t('admin.users.status')}
          value={values.status ?? ''}
          onChange={(e) =>
            setValues((v) => ({
              ...v,
              status: USER_STATUSES.find((s) => s === e.target.value) ?? null,
            }))
          }
        >
          <option value="">{t('admin.users.anyStatus')}</option>
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`admin.users.statuses.${status}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-12 d-flex flex-wrap gap-2">
        <Button color="primary" type="submit">
          {t('admin.users.search')}
        </Button>
        {filtered ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => onSearch(EMPTY)}>
            {t('admin.users.clearSearch')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
