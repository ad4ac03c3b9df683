import { useTranslation } from 'react-i18next'
import { formatDate } from '@/lib/format'
import { useCertificateTypeName } from '../api/useCertificateTypeName'
import { type SealVerdict, shortenHex, toHex } from '../seal'

type ValidVerdict = Extract<SealVerdict, { valid: true }>

/** What a genuine seal says, as signed by the municipality. */
export function SealClaimsList({ verdict }: { verdict: ValidVerdict }) {
  const { t, i18n } = useTranslation()
  const { claims, key } = verdict
  const hash = toHex(claims.documentHash)
  const typeName = useCertificateTypeName(claims.type)
  return (
    <dl className="decoded-data">
      <div>
        <dt>{t('verification.seal.issuer')}</dt>
        <dd className="font-monospace">{claims.issuer}</dd>
      </div>
      <div>
        <dt>{t('verification.seal.id')}</dt>
        <dd className="font-monospace">{claims.id}</dd>
      </div>
      <div>
        <dt>{t('verification.seal.type')}</dt>
        {/* The code the seal signs ("stato_famiglia") is for machines: people read the name. */}
        <dd>
          {typeName === undefined
            ? t('verification.seal.typeLoading')
            : (typeName ?? t('verification.seal.typeUnknown'))}
        </dd>
      </div>
      <div>
        <dt>{t('verification.seal.surname')}</dt>
        <dd>{claims.surname}</dd>
      </div>
      <div>
        <dt>{t('verification.seal.name')}</dt>
        <dd>{claims.name}</dd>
      </div>
      <div>
        <dt>{t('verification.seal.issuedOn')}</dt>
        <dd>{formatDate(claims.issuedOn, i18n.language)}</dd>
      </div>
      <div>
        <dt>{t('verification.seal.hash')}</dt>
        <dd>
          <code title={hash}>{shortenHex(hash)}</code>
        </dd>
      </div>
      <div>
        <dt>{t('verification.seal.key')}</dt>
        <dd>
          <span className="font-monospace">{key.kid}</span>{' '}
          {key.status === 'current'
            ? t('verification.seal.keyCurrent')
            : key.retiredAt
              ? t('verification.seal.keyRetiredOn', {
                  date: formatDate(key.retiredAt.slice(0, 10), i18n.language),
                })
              : t('verification.seal.keyRetired')}
        </dd>
      </div>
    </dl>
  )
}
