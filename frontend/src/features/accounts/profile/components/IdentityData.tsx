import { useTranslation } from 'react-i18next'
import { type DataRow, DataList } from '@/components/DataList'
import { formatDate } from '@/lib/format'
import { useBirthPlace } from '../api/useBirthPlace'
import type { Profile } from '@/lib/session'

interface IdentityDataProps {
  profile: Profile
}

/**
 * The identity recorded at registration and checked at the counter: shown, never editable
 * here (seed 000: "il resto non potrà mai essere soggetto a modifiche").
 */
export function IdentityData({ profile }: IdentityDataProps) {
  const { t, i18n } = useTranslation()
  const placeName = useBirthPlace(profile.fiscal_code, profile.birth_place_code)
  const none = t('profile.notRecorded')
  const sex =
    profile.sex === 'M' ? t('profile.male') : profile.sex === 'F' ? t('profile.female') : none
  const place = profile.birth_place_code
    ? placeName
      ? `${placeName} (${profile.birth_place_code})`
      : profile.birth_place_code
    : none
  const rows: DataRow[] = [
    [t('profile.surname'), profile.surname],
    [t('profile.name'), profile.name],
    profile.fiscal_code
      ? [t('profile.fiscalCode'), profile.fiscal_code, true]
      : [t('profile.username'), profile.username ?? none],
    [t('profile.sex'), sex],
    [
      t('profile.birthDate'),
      profile.birth_date ? formatDate(profile.birth_date, i18n.language) : none,
    ],
    [t('profile.birthPlace'), place],
  ]
  if (profile.role === 'citizen') {
    rows.push([
      t('profile.residence'),
      t(profile.resident ? 'profile.resident' : 'profile.notResident'),
    ])
  }
  return <DataList rows={rows} className="identity-data" />
}
