import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { PageHeading } from '@/components/PageHeading'
import { type CertificateQuery, useCertificateStatus } from '../api/useCertificateStatus'
import { useSealVerdict } from '../api/useSealVerdict'
import { CertificateRecord } from '../components/CertificateRecord'
import { ManualVerification } from '../components/ManualVerification'
import { SealClaimsList } from '../components/SealClaimsList'
import { VerdictPanel } from '../components/VerdictPanel'
import { type SealVerdict, toHex } from '../seal'
import { archiveFailureVerdict, archiveVerdict, sealFailureVerdict, type Verdict } from '../verdict'

type ValidSeal = Extract<SealVerdict, { valid: true }>

/** The manual check, for an address without a seal or with one that cannot be trusted. */
function ManualFallback({ id, intro }: { id: string; intro: string }) {
  const { t } = useTranslation()
  const heading = useId()
  return (
    <section aria-labelledby={heading} className="mt-4">
      <h2 id={heading} className="h4">
        {t('verification.seal.manualTitle')}
      </h2>
      <p>{intro}</p>
      <ManualVerification initialId={id} />
    </section>
  )
}

/** What a genuine seal says: a detail under the verdict, not a verdict of its own. */
function SealDetails({ seal }: { seal: ValidSeal }) {
  const { t } = useTranslation()
  const heading = useId()
  return (
    <section aria-labelledby={heading} className="mt-4">
      <h2 id={heading} className="h4">
        {t('verification.seal.title')}
      </h2>
      <p>{t('verification.seal.validText')}</p>
      <SealClaimsList verdict={seal} />
    </section>
  )
}

function SealCheck({ seal, id }: { seal: string; id: string }) {
  const { t } = useTranslation()
  const { keys, verdict: sealCheck } = useSealVerdict(seal, id)
  const genuine = sealCheck.data?.valid ? sealCheck.data : null
  // The archive is asked only about what a genuine seal vouches for.
  const query = useMemo<CertificateQuery | null>(
    () =>
      genuine
        ? { id: genuine.claims.id, surname: genuine.claims.surname, name: genuine.claims.name }
        : null,
    [genuine],
  )
  const status = useCertificateStatus(query)

  let verdict: Verdict
  let fallback: string | null = null
  if (keys.isError) {
    verdict = { kind: 'incomplete', reason: 'keysFailed', error: keys.error }
    fallback = t('verification.seal.manualIntro')
  } else if (!sealCheck.data) {
    verdict = { kind: 'checking', step: 'seal' }
  } else if (!sealCheck.data.valid) {
    const failure = sealCheck.data.failure
    verdict = sealFailureVerdict(failure)
    // Nothing the seal says is shown: an invalid seal's claims may be anyone's invention.
    fallback = t(
      failure === 'crypto_unavailable'
        ? 'verification.seal.manualIntro'
        : 'verification.seal.invalidManualIntro',
    )
  } else if (status.isPending) {
    verdict = { kind: 'checking', step: 'archive' }
  } else if (status.isError) {
    verdict = archiveFailureVerdict(status.error, true)
  } else {
    verdict = archiveVerdict(status.data, toHex(sealCheck.data.claims.documentHash))
  }

  return (
    <>
      <VerdictPanel verdict={verdict} />
      {genuine ? <SealDetails seal={genuine} /> : null}
      {status.data && query ? <CertificateRecord status={status.data} query={query} /> : null}
      {fallback ? <ManualFallback id={id} intro={fallback} /> : null}
    </>
  )
}

/** Public, opened from a certificate's QR: `/verifica/{id}#{seal}`. The verdict comes first. */
export function SealVerificationPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const { hash } = useLocation()
  const seal = hash.replace(/^#/, '')
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading title={t('verification.title')} lead={t('verification.seal.lead', { id })} />
        {seal ? (
          <SealCheck seal={seal} id={id} />
        ) : (
          <ManualFallback id={id} intro={t('verification.seal.missing')} />
        )}
        <p className="mt-5">
          <Link to="/verifica">{t('verification.seal.another')}</Link>
        </p>
      </div>
    </div>
  )
}
