import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import type { FiscalCodeValidation } from '../api/useValidateFiscalCode'

export const PROBLEMS_ID = 'fiscal-code-problems'

function formatBirthDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

interface FiscalCodeResultProps {
  result: FiscalCodeValidation
}

/** The outcome of a check: the decoded data of a valid code, or the problems of an invalid one. */
export function FiscalCodeResult({ result }: FiscalCodeResultProps) {
  const { t, i18n } = useTranslation()
  const code = result.normalized ?? ''
  if (!result.valid) {
    return (
      <Notice color="danger">
        <h3 className="h5">{t('fiscalCode.invalidTitle')}</h3>
        <ul id={PROBLEMS_ID} className="mb-0">
          {result.problems.map((problem, i) => (
            <li key={`${problem.code}-${i}`}>{problem.message}</li>
          ))}
        </ul>
      </Notice>
    )
  }
  const omocodia = result.omocodia_level ?? 0
  const sex =
    result.sex === 'M' ? t('fiscalCode.male') : result.sex === 'F' ? t('fiscalCode.female') : '—'
  const place = result.birth_place_name
    ? `${result.birth_place_name}${result.birth_place_code ? ` (${result.birth_place_code})` : ''}`
    : (result.birth_place_code ?? '—')
  return (
    <>
      <Notice color="success">{t('fiscalCode.validText', { code })}</Notice>
      <dl className="decoded-data">
        <div>
          <dt>{t('fiscalCode.normalized')}</dt>
          <dd className="font-monospace">{code}</dd>
        </div>
        <div>
          <dt>{t('fiscalCode.sex')}</dt>
          <dd>{sex}</dd>
        </div>
        <div>
          <dt>{t('fiscalCode.birthDate')}</dt>
          <dd>{result.birth_date ? formatBirthDate(result.birth_date, i18n.language) : '—'}</dd>
        </div>
        <div>
          <dt>{t('fiscalCode.birthPlace')}</dt>
          <dd>{place}</dd>
        </div>
        <div>
          <dt>{t('fiscalCode.omocodia')}</dt>
          <dd>
            {omocodia > 0
              ? t('fiscalCode.omocodiaYes', { count: omocodia })
              : t('fiscalCode.omocodiaNo')}
          </dd>
        </div>
      </dl>
      {result.problems.length > 0 ? (
        <ul className="small">
          {result.problems.map((problem, i) => (
            <li key={`${problem.code}-${i}`}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
