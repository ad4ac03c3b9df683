import { Button } from 'design-react-kit'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { ApiError } from '@/lib/api/problem'
import { useCertificateTypes } from '../api/useCertificateTypes'
import { useCertificateUsages } from '../api/useCertificateUsages'
import type { Certificate } from '../api/useIssueCertificate'
import { useSubjectPerson } from '../api/useSubjectPerson'
import { CertificateRequestForm } from '../components/CertificateRequestForm'
import { IssuedCertificate } from '../components/IssuedCertificate'
import { SubjectSummary } from '../components/SubjectSummary'
import { thirdPartyOf } from '../rules'

function NoSubject() {
  const { t } = useTranslation()
  return (
    <Notice color="info">
      <p>{t('certificates.noSubject')}</p>
      <ul className="mb-0">
        <li>
          <Link to="/famiglia">{t('certificates.forFamily')}</Link>
        </li>
        <li>
          <Link to="/certificazione-libera">{t('certificates.forThirdParty')}</Link>
        </li>
      </ul>
    </Notice>
  )
}

function IssuedSummary({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation()
  const usage = certificate.usage_text
    ? `${certificate.usage_description}: ${certificate.usage_text}`
    : certificate.usage_description
  return (
    <dl className="decoded-data mt-2">
      <div>
        <dt>{t('certificates.type')}</dt>
        <dd>{certificate.type_name}</dd>
      </div>
      <div>
        <dt>{t('certificates.usage')}</dt>
        <dd>{usage}</dd>
      </div>
    </dl>
  )
}

/**
 * /certificati/nuovo?persona=ID — the certificate wizard (seed 001 §5, seed 000
 * "Certificazione con timbro digitale"): for oneself or a family member, or for a third
 * person found by the look-up, who arrives with the reason in the location state.
 */
export function NewCertificatePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const location = useLocation()
  const personId = params.get('persona') ?? ''
  const thirdParty = thirdPartyOf(location.state)
  const person = useSubjectPerson(personId, thirdParty === null)
  const types = useCertificateTypes()
  const usages = useCertificateUsages()
  const [issued, setIssued] = useState<Certificate | null>(null)
  // Each request is a visit of its own: a new form, a new idempotency key.
  const [visit, setVisit] = useState(0)

  const heading = (
    <PageHeading title={t('certificates.newTitle')} lead={t('certificates.newLead')} />
  )
  if (personId === '')
    return (
      <>
        {heading}
        <NoSubject />
      </>
    )

  const subject = thirdParty ? (
    <SubjectSummary kind="thirdParty" subject={thirdParty} />
  ) : person.error instanceof ApiError && person.error.status === 404 ? (
    <Notice color="warning" role="alert">
      {t('certificates.subjectNotFound')}
    </Notice>
  ) : person.isError ? (
    <ProblemAlert error={person.error} context={t('certificates.subjectLoadFailed')} />
  ) : !person.data ? (
    <Loading label={t('certificates.subjectLoading')} />
  ) : (
    <SubjectSummary kind="person" person={person.data} />
  )
  const subjectReady = thirdParty !== null || person.data !== undefined

  return (
    <>
      {heading}
      {subject}
      {subjectReady ? (
        <section aria-labelledby="certificate-step1-title">
          <h2 id="certificate-step1-title" className="h3">
            {t('certificates.step1')}
          </h2>
          {issued ? (
            <IssuedSummary certificate={issued} />
          ) : types.isError || usages.isError ? (
            <ProblemAlert
              error={types.error ?? usages.error}
              context={t('certificates.catalogueFailed')}
            />
          ) : !types.data || !usages.data ? (
            <Loading label={t('certificates.catalogueLoading')} />
          ) : (
            <CertificateRequestForm
              key={visit}
              personId={personId}
              reason={thirdParty?.reason ?? null}
              types={types.data.items}
              usages={usages.data.items}
              onIssued={setIssued}
            />
          )}
        </section>
      ) : null}
      {issued ? (
        <>
          <IssuedCertificate key={issued.id} certificate={issued} />
          <div className="d-flex flex-wrap align-items-center gap-4 mt-5">
            <Button
              color="primary"
              outline
              type="button"
              onClick={() => {
                setIssued(null)
                setVisit((n) => n + 1)
              }}
            >
              {t('certificates.another')}
            </Button>
            <Link to="/certificati">{t('certificates.myCertificatesLink')}</Link>
          </div>
        </>
      ) : null}
    </>
  )
}
