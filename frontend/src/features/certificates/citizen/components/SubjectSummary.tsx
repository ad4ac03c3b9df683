import { useTranslation } from 'react-i18next'
import { type DataRow, DataList } from '@/components/DataList'
import { Notice } from '@/components/Notice'
import { registryDate } from '@/lib/registryDates'
import type { SubjectPerson } from '../api/useSubjectPerson'
import type { ThirdPartySubject } from '../rules'

type SubjectSummaryProps =
  { kind: 'person'; person: SubjectPerson } | { kind: 'thirdParty'; subject: ThirdPartySubject }

/** Who the certificate is about; for a third person, also why it is asked (it is logged). */
export function SubjectSummary(props: SubjectSummaryProps) {
  const { t } = useTranslation()
  const rows: DataRow[] =
    props.kind === 'person'
      ? [
          [t('certificates.subject.name'), `${props.person.surname} ${props.person.name}`],
          [t('certificates.subject.fiscalCode'), props.person.fiscal_code, true],
          [
            t('certificates.subject.birth'),
            t('certificates.subject.birthValue', {
              place: props.person.birth_place,
              date: registryDate(props.person.birth_date),
            }),
          ],
        ]
      : [
          [t('certificates.subject.name'), `${props.subject.surname} ${props.subject.name}`],
          ...(props.subject.birthDate
            ? [
                [t('certificates.subject.birthDate'), registryDate(props.subject.birthDate)] as [
                  string,
                  string,
                ],
              ]
            : []),
          [t('certificates.subject.reason'), props.subject.reason],
        ]
  return (
    <section aria-labelledby="certificate-subject-title" className="mb-5">
      <h2 id="certificate-subject-title" className="h4">
        {t(
          props.kind === 'person'
            ? 'certificates.subject.title'
            : 'certificates.subject.thirdPartyTitle',
        )}
      </h2>
      <DataList rows={rows} className="mt-2" />
      {props.kind === 'thirdParty' ? (
        <div className="mt-3">
          <Notice color="warning">
            <strong>{t('certificates.subject.warningTitle')}</strong>{' '}
            {t('certificates.subject.warning')}
          </Notice>
        </div>
      ) : null}
    </section>
  )
}
