import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { displayableCode, failureKind, type LoginFailureKind } from '../digitalIdentity'
import { ResultLinks } from './ResultLinks'

/** Failures the person can put right by themselves: a warning rather than an error. */
const RESOLVABLE = new Set<LoginFailureKind>(['cancelled', 'expired', 'level'])

/** Failures only the registry office can resolve: its contacts follow. */
const FOR_THE_OFFICE = new Set<LoginFailureKind>(['locked', 'rejected', 'internal', 'generic'])

interface LoginFailureProps {
  /** The `errore` of /accedi/esito, as the server sent it. */
  code: string
}

/**
 * Why a SPID/CIE login did not succeed (`/accedi/esito?errore=<code>`): a heading naming the
 * problem, what happened and what to do next, the code for the support desk, and the way back.
 */
export function LoginFailure({ code }: LoginFailureProps) {
  const { t } = useTranslation()
  const kind = failureKind(code)
  const shownCode = displayableCode(code)
  return (
    <>
      <PageHeading title={t(`loginResult.failure.${kind}.title`)} />
      <Notice color={RESOLVABLE.has(kind) ? 'warning' : 'danger'} role="alert">
        <p className="mb-2">{t(`loginResult.failure.${kind}.text`)}</p>
        <p className="mb-0">{t(`loginResult.failure.${kind}.next`)}</p>
        {FOR_THE_OFFICE.has(kind) ? (
          <p className="mb-0 mt-2">
            <Link to="/contatti">{t('loginResult.contactsLink')}</Link>
          </p>
        ) : null}
        {shownCode ? (
          <p className="mb-0 mt-2">
            <small>{t('loginResult.code', { code: shownCode })}</small>
          </p>
        ) : null}
      </Notice>
      <ResultLinks />
    </>
  )
}
