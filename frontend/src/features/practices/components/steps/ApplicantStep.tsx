import { useTranslation } from 'react-i18next'
import type { MoveKind } from '../../api/types'
import { applicantIndex } from '../../model'
import { DeclPlace, DeclRadio, DeclText } from '../fields'
import { optionsOf } from '../labels'
import { PersonFields } from '../PersonFields'
import type { StepProps } from './stepProps'

/** "Dati del richiedente": the kind of declaration, where from, the applicant, the contacts. */
export function ApplicantStep({ form, edit, type }: StepProps) {
  const { t } = useTranslation()
  const index = applicantIndex(form)
  const applicant = index >= 0 ? form.persons[index] : undefined
  return (
    <>
      <fieldset className="declaration-section">
        <legend className="h4">{t('practices.applicant.kindTitle')}</legend>
        <DeclRadio<MoveKind>
          path="kind"
          label={t('practices.applicant.kind')}
          options={optionsOf(type.choices.kinds)}
          value={form.kind}
          inline={false}
          onChange={(kind) =>
            edit((f) => {
              // A municipality is no answer for a country, nor the other way round.
              if (f.kind !== kind) f.previous_place_code = ''
              f.kind = kind
            })
          }
        />
        {form.kind === 'other' ? (
          <DeclText
            path="other_kind"
            label={t('practices.applicant.otherKind')}
            value={form.other_kind}
            required
            onChange={(v) => edit((f) => void (f.other_kind = v))}
          />
        ) : null}
        {form.kind === 'from_other_municipality' ? (
          <DeclPlace
            key="comune"
            path="previous_place_code"
            kind="comune"
            label={t('practices.applicant.previousMunicipality')}
            value={form.previous_place_code}
            required
            onChange={(code) => edit((f) => void (f.previous_place_code = code))}
          />
        ) : null}
        {form.kind === 'from_abroad' ? (
          <>
            <DeclPlace
              key="state"
              path="previous_place_code"
              kind="state"
              label={t('practices.applicant.previousState')}
              value={form.previous_place_code}
              required
              onChange={(code) => edit((f) => void (f.previous_place_code = code))}
            />
            <DeclText
              path="previous_address_abroad"
              label={t('practices.applicant.previousAddressAbroad')}
              value={form.previous_address_abroad}
              required
              onChange={(v) => edit((f) => void (f.previous_address_abroad = v))}
            />
          </>
        ) : null}
      </fieldset>
      {applicant ? (
        <fieldset className="declaration-section" id="pratica-persons">
          <legend className="h4">{t('practices.applicant.personTitle')}</legend>
          <PersonFields
            index={index}
            person={applicant}
            choices={type.choices}
            onChange={(change) => edit((f) => void Object.assign(f.persons[index]!, change))}
          />
        </fieldset>
      ) : null}
      <fieldset className="declaration-section">
        <legend className="h4">{t('practices.applicant.contactsTitle')}</legend>
        <p>{t('practices.applicant.contactsLead')}</p>
        <div className="row">
          <div className="col-md-6">
            <DeclText
              path="contacts.email"
              type="email"
              autoComplete="email"
              label={t('practices.applicant.email')}
              value={form.contacts.email}
              onChange={(v) => edit((f) => void (f.contacts.email = v))}
            />
          </div>
          <div className="col-md-6">
            <DeclText
              path="contacts.pec"
              type="email"
              label={t('practices.applicant.pec')}
              value={form.contacts.pec}
              onChange={(v) => edit((f) => void (f.contacts.pec = v))}
            />
          </div>
          <div className="col-md-6">
            <DeclText
              path="contacts.phone"
              type="tel"
              autoComplete="tel"
              label={t('practices.applicant.phone')}
              value={form.contacts.phone}
              onChange={(v) => edit((f) => void (f.contacts.phone = v))}
            />
          </div>
          <div className="col-md-6">
            <DeclText
              path="contacts.mobile"
              type="tel"
              autoComplete="tel"
              label={t('practices.applicant.mobile')}
              value={form.contacts.mobile}
              onChange={(v) => edit((f) => void (f.contacts.mobile = v))}
            />
          </div>
        </div>
      </fieldset>
    </>
  )
}
