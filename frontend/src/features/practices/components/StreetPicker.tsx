import { useTranslation } from 'react-i18next'
import { SearchPicker } from '@/components/SearchPicker'
import type { Street } from '../api/types'
import { useStreets } from '../api/useStreets'

interface StreetPickerProps {
  id: string
  label: string
  /** The street chosen, or '' */
  value: string
  onChange: (street: string) => void
  error?: string
  required?: boolean
}

/**
 * A street of the municipality's list (GET /streets): type part of the name, then choose
 * it from the results. Only a street of the list can be chosen.
 */
export function StreetPicker({ id, label, value, onChange, error, required }: StreetPickerProps) {
  const { t } = useTranslation()
  return (
    <SearchPicker<Street>
      id={id}
      label={label}
      className="street-picker"
      required={required}
      error={error}
      chosen={value ? <span className="fw-semibold">{value}</span> : null}
      onClear={() => onChange('')}
      useResults={useStreets}
      itemKey={(street) => `${street.name}-${street.postcode}`}
      itemLabel={(street) => street.name}
      onChoose={(street) => onChange(street.name)}
      texts={{
        hint: t('practices.street.hint'),
        none: t('practices.street.none'),
        found: (count) => t('practices.street.found', { count }),
        resultsLabel: t('practices.street.results'),
        change: t('practices.street.change'),
      }}
    />
  )
}
