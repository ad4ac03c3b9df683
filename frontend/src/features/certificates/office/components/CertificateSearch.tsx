import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@/components/TextField'

interface CertificateSearchProps {
  /** The search in force (from the address); empty for every certificate. */
  search: string
  onSearch: (search: string) => void
  /** The server's refusal of the text (neither an ID nor a codice fiscale). */
  refusal: string | null
}

/** One field for what the person at the counter brings: the certificate's ID or a codice fiscale. */
export function CertificateSearch({ search, onSearch, refusal }: CertificateSearchProps) {
  const { t } = useTranslation()
  const [text, setText] = useState(search)
  // A search changed from outside (the browser's back button) shows in the field.
  const [shownSearch, setShownSearch] = useState(search)
  if (shownSearch !== search) {
    setShownSearch(search)
    setText(search)
  }
  const field = useRef<HTMLInputElement>(null)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSearch(text.trim())
  }
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      role="search"
      aria-label={t('certificateOffice.search.label')}
      className="admin-filters certificate-search mb-4"
    >
      <TextField
        id="certificate-search"
        name="q"
        type="search"
        label={t('certificateOffice.search.field')}
        hint={t('certificateOffice.search.hint')}
        error={refusal}
        ref={field}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        inputClassName="text-uppercase-input"
      />
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" type="submit">
          {t('certificateOffice.search.submit')}
        </Button>
        {search ? (
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => {
              setText('')
              onSearch('')
              // The button goes away with the search: the field keeps the focus nearby.
              field.current?.focus()
            }}
          >
            {t('certificateOffice.search.clear')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
