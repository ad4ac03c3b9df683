import { useTranslation } from 'react-i18next'
import { type Place, type PlaceKind, usePlaceSearch } from '@/lib/usePlaceSearch'
import { SearchPicker } from './SearchPicker'

interface PlacePickerProps {
  id: string
  /** Municipalities or foreign states; both when left out. */
  kind?: PlaceKind
  label: string
  value: Place | null
  onChange: (place: Place | null) => void
  error?: string
  /** Marked * (the default); false for a place asked only in some cases. */
  required?: boolean
}

function describe(place: Place): string {
  const province = place.province ? ` (${place.province})` : ''
  return `${place.name}${province}`
}

/** Search a municipality or a foreign state by name, then choose it from the results. */
export function PlacePicker({
  id,
  kind,
  label,
  value,
  onChange,
  error,
  required = true,
}: PlacePickerProps) {
  const { t } = useTranslation()
  const usePlaces = (query: string) => usePlaceSearch(query, kind)
  const ceasedNote = (place: Place) =>
    place.valid_to
      ? ` – ${t('registration.place.until', { year: place.valid_to.slice(0, 4) })}`
      : ''
  return (
    <SearchPicker<Place>
      id={id}
      label={label}
      className="place-picker"
      required={required}
      error={error}
      chosen={
        value ? (
          <>
            {value.name === value.code ? null : `${describe(value)} `}
            <span className="font-monospace">{value.code}</span>
          </>
        ) : null
      }
      onClear={() => onChange(null)}
      useResults={usePlaces}
      itemKey={(place) => `${place.code}-${place.valid_from ?? ''}`}
      itemLabel={(place) => `${describe(place)}${ceasedNote(place)}`}
      onChoose={onChange}
      texts={{
        hint: t('registration.place.hint'),
        none: t('registration.place.none'),
        found: (count) => t('registration.place.found', { count }),
        resultsLabel: t('registration.place.resultsLabel', { label }),
        change: t('registration.place.change'),
      }}
    />
  )
}
