import { useTranslation } from 'react-i18next'
import { SelectField } from '@/components/SelectField'
import type { Desk } from '../api/types'

interface DeskSelectProps {
  id: string
  desks: Desk[]
  value: string
  onChange: (deskId: string) => void
  label?: string
}

/** "Sportello selezionato": the desk whose calendar or agenda is shown. */
export function DeskSelect({ id, desks, value, onChange, label }: DeskSelectProps) {
  const { t } = useTranslation()
  return (
    <SelectField
      id={id}
      label={label ?? t('appointments.calendar.desk')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {desks.map((desk) => (
        <option key={desk.id} value={desk.id}>
          {desk.active ? desk.name : t('appointments.desks.inactiveName', { name: desk.name })}
        </option>
      ))}
    </SelectField>
  )
}
