import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { TextField } from '@/components/TextField'
import { STAMP_DIGITS, stampDigits } from '../rules'

export interface StampValues {
  identifier: string
  issueDate: string
}

interface StampFieldsProps {
  values: StampValues
  onChange: (values: StampValues) => void
  errors: { identifier?: string; issueDate?: string }
  today: string
}

/**
 * The marca da bollo of a certificate "in carta resa legale" (seed 001): its 14-digit
 * identifier and its issue date, bought before the request and applied on the print.
 */
export function StampFields({ values, onChange, errors, today }: StampFieldsProps) {
  const { t } = useTranslation()
  const typed = stampDigits(values.identifier).length
  return (
    <fieldset className="stamp-fields mt-4" aria-describedby="stamp-reminder">
      <legend className="h5">{t('certificates.stamp.legend')}</legend>
      <Notice color="info" id="stamp-reminder">
        {t('certificates.stamp.reminder')}
      </Notice>
      <div className="row">
        <div className="col-12 col-md-7">
          <TextField
            id="stamp-identifier"
            name="stamp.identifier"
            label={t('certificates.stamp.identifier')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            required
            value={values.identifier}
            hint={t('certificates.stamp.identifierHint', { count: typed, digits: STAMP_DIGITS })}
            error={errors.identifier}
            onChange={(e) => onChange({ ...values, identifier: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-5">
          <TextField
            id="stamp-issue-date"
            name="stamp.issue_date"
            type="date"
            label={t('certificates.stamp.issueDate')}
            max={today}
            required
            value={values.issueDate}
            error={errors.issueDate}
            onChange={(e) => onChange({ ...values, issueDate: e.target.value })}
          />
        </div>
      </div>
    </fieldset>
  )
}
