import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@/components/TextField'
import { isIsoDate } from '@/lib/registryDates'

interface SituationDateFormProps {
  date: string
  today: string
  onChange: (date: string) => void
}

/**
 * "Situazione alla data" (seed 001): the day the record describes. Applied on submit, not
 * on every keystroke, so that a half-typed date does not reload the record.
 */
export function SituationDateForm({ date, today, onChange }: SituationDateFormProps) {
  const { t } = useTranslation()
  const [value, setValue] = useState(date)
  const [error, setError] = useState<string | undefined>()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!isIsoDate(value)) return setError(t('family.dateInvalid'))
    if (value > today) return setError(t('family.dateFuture'))
    setError(undefined)
    onChange(value)
  }

  return (
    <form noValidate onSubmit={onSubmit} className="situation-date-form">
      <div className="situation-date-field">
        <TextField
          id="family-date"
          type="date"
          label={t('family.situationDate')}
          max={today}
          required
          value={value}
          error={error}
          onChange={(e) => {
            setValue(e.target.value)
            setError(undefined)
          }}
        />
      </div>
      <Button color="primary" type="submit">
        {t('family.showDate')}
      </Button>
    </form>
  )
}
