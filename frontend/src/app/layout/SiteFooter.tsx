import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { OfficeContacts, useMunicipality } from '@/features/municipality'
import { CivicEmblem } from './CivicEmblem'

const INFO_LINKS = [
  { to: '/come-accedere', key: 'footer.howToAccess' },
  { to: '/aiuto', key: 'footer.help' },
  { to: '/contatti', key: 'footer.contacts' },
] as const

const LEGAL_LINKS = [
  { to: '/privacy', key: 'footer.privacy' },
  { to: '/accessibilita', key: 'footer.accessibility' },
  { to: '/note-legali', key: 'footer.legalNotes' },
] as const

export function SiteFooter() {
  const { t } = useTranslation()
  const { data: municipality } = useMunicipality()
  return (
    <footer className="it-footer" id="footer" tabIndex={-1}>
      <div className="it-footer-main">
        <div className="container-xxl">
          <div className="row">
            <div className="col-12">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <CivicEmblem className="icon civic-emblem" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{municipality?.name ?? t('site.name')}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t('header.tagline')}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="row py-4 border-white border-top footer-columns">
            <section className="col-12 col-md-6 col-lg-5 pb-3" aria-labelledby="footer-office">
              <h2 id="footer-office" className="h5">
                {municipality?.office.name ?? t('footer.office')}
              </h2>
              {municipality ? (
                <OfficeContacts office={municipality.office} showName={false} />
              ) : null}
            </section>
            <section className="col-12 col-md-6 col-lg-4 pb-3" aria-labelledby="footer-info">
              <h2 id="footer-info" className="h5">
                {t('footer.infoTitle')}
              </h2>
              <ul className="footer-list list-unstyled">
                {INFO_LINKS.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to}>{t(link.key)}</Link>
                  </li>
                ))}
              </ul>
            </section>
            {municipality?.website ? (
              <section className="col-12 col-lg-3 pb-3" aria-labelledby="footer-site">
                <h2 id="footer-site" className="h5">
                  {t('footer.institutionalTitle')}
                </h2>
                <p>
                  <a href={municipality.website}>
                    {t('footer.website', { name: municipality.name })}
                  </a>
                </p>
              </section>
            ) : null}
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container-xxl">
          <h2 className="visually-hidden">{t('footer.legalTitle')}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            {LEGAL_LINKS.map((link) => (
              <li className="list-inline-item" key={link.to}>
                <Link to={link.to}>{t(link.key)}</Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </footer>
  )
}
