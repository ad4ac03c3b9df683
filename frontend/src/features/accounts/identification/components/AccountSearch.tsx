import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@/components/TextField'

interface AccountSearchProps {
  /** The search in force (from the address). */
  query: string
  onSearch: (query: string) => void
}

/** Codice fiscale or surname, or their first letters. */
export function AccountSearch({ query, onSearch }: AccountSearchProps) {
  const { t } = useTranslation()
  const [value, setValue] = useState(query)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSearch(value.trim())
  }
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      role="search"
      aria-label={t('backoffice.searchLabel')}
      className="account-search d-flex flex-wrap align-items-end gap-3 mb-4"
    >
      <div className="flex-grow-1">
        <TextField
          id="account-search"
          name="q"
          type="search"
          label={t('backoffice.searchField')}
          hint={t('backoffice.searchHint')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="d-flex gap-2 account-search-buttons">
        <Button color="primary" type="submit">
          {t('backoffice.search')}
        </Button>
        {query ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => onSearch('')}>
            {t('backoffice.clearSearch')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
