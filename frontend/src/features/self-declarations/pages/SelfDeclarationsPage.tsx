import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DocumentArchive } from '@/components/DocumentArchive'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { formatDateTime } from '@/lib/format'
import { useSession } from '@/lib/session'
import { useDownloadSelfDeclaration } from '../api/useDownloadSelfDeclaration'
import { useSelfDeclarations } from '../api/useSelfDeclarations'
import { useSelfDeclarationTypes } from '../api/useSelfDeclarationTypes'
import { BlankForms } from '../components/BlankForms'
import { DeclarationTable } from '../components/DeclarationTable'
import { EmailDeclarationForm } from '../components/EmailDeclarationForm'
import { SigningNotices } from '../components/SigningNotices'

/** "Archivio autocertificazioni" (seed 001): every declaration written, to download or send again. */
function Archive() {
  const { t, i18n } = useTranslation()
  const declarations = useSelfDeclarations()
  const download = useDownloadSelfDeclaration()

  return (
    <section aria-labelledby="archivio" className="mt-5">
      <h2 id="archivio" className="h3" tabIndex={-1}>
        {t('selfDeclarations.archiveTitle')}
      </h2>
      <DocumentArchive
        list={declarations}
        download={download}
        rowAttribute="data-declaration"
        texts={{
          downloaded: (file) => t('selfDeclarations.downloaded', { file }),
          downloadFailed: t('selfDeclarations.downloadFailed'),
          listFailed: t('selfDeclarations.archiveFailed'),
          listLoading: t('selfDeclarations.archiveLoading'),
          listEmpty: t('selfDeclarations.archiveEmpty'),
          emailSentPrefix: 'selfDeclarations.email',
        }}
        table={(rows) => (
          <DeclarationTable
            declarations={rows.items}
            caption={t('selfDeclarations.archiveCaption', { count: rows.items.length })}
            downloading={rows.downloading}
            onDownload={rows.onDownload}
            onEmail={rows.onEmail}
          />
        )}
        emailForm={({ item, id, onSent, onCancel }) => (
          <EmailDeclarationForm
            declarationId={id}
            title={
              item
                ? t('selfDeclarations.email.titleFor', {
                    type: item.type_name,
                    date: formatDateTime(item.created_at, i18n.language),
                  })
                : undefined
            }
            headingLevel={3}
            onSent={onSent}
            onCancel={onCancel}
          />
        )}
      />
    </section>
  )
}

/** For visitors: the prefilled service is for signed-in citizens. */
function SignInInvitation() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="declaration-sign-in" className="mt-5">
      <h2 id="declaration-sign-in" className="h3">
        {t('selfDeclarations.signIn.title')}
      </h2>
      <p>{t('selfDeclarations.signIn.text')}</p>
      <p>
        <Link
          to="/accedi"
          state={{ from: '/autocertificazioni/nuova' }}
          className="btn btn-primary"
        >
          {t('selfDeclarations.signIn.button')}
        </Link>
      </p>
    </section>
  )
}

/**
 * /autocertificazioni — the service's home ("home servizio autocertificazione", seed
 * 000): what it does and what to do with the paper; for a signed-in citizen "Nuovo
 * autocertificato" and the archive; for everyone the blank forms.
 */
export function SelfDeclarationsPage() {
  const { t } = useTranslation()
  const { user, status } = useSession()
  const types = useSelfDeclarationTypes()
  const citizen = user?.role === 'citizen'

  return (
    <>
      <PageHeading title={t('selfDeclarations.title')} lead={t('selfDeclarations.lead')} />
      <section aria-labelledby="declaration-about">
        <h2 id="declaration-about" className="h3">
          {t('selfDeclarations.about.title')}
        </h2>
        {(t('selfDeclarations.about.paragraphs', { returnObjects: true }) as string[]).map(
          (paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ),
        )}
        <SigningNotices />
      </section>
      {status === 'restoring' ? null : citizen ? (
        <>
          <p className="mt-4">
            <Link to="/autocertificazioni/nuova" className="btn btn-primary">
              {t('selfDeclarations.newButton')}
            </Link>
          </p>
          <Archive />
        </>
      ) : user ? (
        <Notice color="info">{t('selfDeclarations.staffOnly')}</Notice>
      ) : (
        <SignInInvitation />
      )}
      <section aria-labelledby="moduli-in-bianco" className="mt-5">
        <h2 id="moduli-in-bianco" className="h3">
          {t('selfDeclarations.blank.title')}
        </h2>
        <p>{t('selfDeclarations.blank.lead')}</p>
        {types.isError ? (
          <ProblemAlert error={types.error} context={t('selfDeclarations.typesFailed')} />
        ) : !types.data ? (
          <Loading label={t('selfDeclarations.typesLoading')} />
        ) : (
          <BlankForms types={types.data.items} />
        )}
      </section>
    </>
  )
}
