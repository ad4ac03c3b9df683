import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useSealVerdict } from '../api/useSealVerdict'
import { CertificateStatusPanel } from '../components/CertificateStatusPanel'
import { ManualVerification } from '../components/ManualVerification'
import { SealClaimsList } from '../components/SealClaimsList'
import { toHex } from '../seal'

/** The manual check, for an address without a seal or with one that cannot be trusted. */
function ManualFallback({ id, intro }: { id: string; intro: string }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="manual-check" className="mt-4">
      <h2 id="manual-check" className="h4">
        {t('verification.seal.manualTitle')}
      </h2>
      <p>{intro}</p>
      <ManualVerification initialId={id} />
    </section>
  )
}

function SealCheck({ seal, id }: { seal: string; id: string }) {
  const { t } = useTranslation()
  const { keys, verdict } = useSealVerdict(seal, id)
  if (keys.isError) {
    return (
      <>
        <ProblemAlert error={keys.error} context={t('verification.seal.keysFailed')} />
        <ManualFallback id={id} intro={t('verification.seal.manualIntro')} />
      </>
    )
  }
  if (!verdict.data) return <Loading label={t('verification.seal.checking')} />
  const result = verdict.data
  if (!result.valid) {
    if (result.failure === 'crypto_unavailable') {
      return (
        <>
          <Notice color="warning">{t('verification.seal.cryptoUnavailable')}</Notice>
          <ManualFallback id={id} intro={t('verification.seal.manualIntro')} />
        </>
      )
    }
    // Nothing the seal says is shown: an invalid seal's claims may be anyone's invention.
    return (
      <>
        <Notice color="danger" role="alert">
          <p className="fw-semibold mb-1">{t('verification.seal.invalidTitle')}</p>
          <p className="mb-0">{t(`verification.seal.failures.${result.failure}`)}</p>
        </Notice>
        <ManualFallback id={id} intro={t('verification.seal.invalidManualIntro')} />
      </>
    )
  }
  const { claims } = result
  return (
    <>
      <section aria-labelledby="seal-result">
        <h2 id="seal-result" className="h4">
          {t('verification.seal.title')}
        </h2>
        <Notice color="success">
          <p className="fw-semibold mb-1">{t('verification.seal.validTitle')}</p>
          <p className="mb-0">{t('verification.seal.validText')}</p>
        </Notice>
        <SealClaimsList verdict={result} />
      </section>
      <section aria-labelledby="verification-result" className="mt-4">
        <h2 id="verification-result" className="h4">
          {t('verification.status.title')}
        </h2>
        <CertificateStatusPanel
          query={{ id: claims.id, surname: claims.surname, name: claims.name }}
        >
          {(status) =>
            status.content_sha256.toLowerCase() !== toHex(claims.documentHash) ? (
              <Notice color="danger" role="alert">
                {t('verification.seal.hashMismatch')}
              </Notice>
            ) : null
          }
        </CertificateStatusPanel>
      </section>
    </>
  )
}

/** Public, opened from a certificate's QR: `/verifica/{id}#{seal}`. */
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
