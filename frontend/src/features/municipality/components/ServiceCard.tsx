import { Badge } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Service } from '../api/useServices'

/** Only routes of this application are followed; anything else is not a link. */
function internalPath(path: string | null | undefined): string | null {
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null
}

interface ServiceCardProps {
  service: Service
  /** The signed-in citizen is not resident: services for residents are closed to them. */
  nonResident?: boolean
}

/**
 * One service of the catalogue. An available service's title links to it; a service not yet
 * online is a plain card that says so, with no link and no placeholder page behind it; a
 * service for residents is closed, with the reason, to a citizen who is not resident (seed
 * 000: "alcuni Servizi siano utilizzabili solo da cittadini residenti").
 */
export function ServiceCard({ service, nonResident = false }: ServiceCardProps) {
  const { t } = useTranslation()
  const closed = nonResident && service.residents_only
  const path = service.available && !closed ? internalPath(service.path) : null
  const titleId = `service-${service.code}`
  const reasonId = `service-${service.code}-closed`
  return (
    <article
      className={`it-card rounded shadow-sm border it-card-height-full service-card${
        service.available && !closed ? '' : ' service-card-unavailable'
      }`}
      aria-labelledby={titleId}
      aria-describedby={closed ? reasonId : undefined}
    >
      <h3 className="it-card-title h5" id={titleId}>
        {path ? <Link to={path}>{service.title}</Link> : service.title}
      </h3>
      <div className="it-card-body">
        <p className="it-card-text">{service.description}</p>
        {closed ? (
          <p className="service-closed-reason mb-0" id={reasonId}>
            {t('catalogue.closedToNonResidents')}
          </p>
        ) : null}
      </div>
      <div className="service-card-badges">
        {!service.available ? (
          <Badge color="warning" className="service-badge-unavailable">
            {t('catalogue.notYetAvailable')}
          </Badge>
        ) : null}
        {closed ? (
          <Badge color="danger">{t('catalogue.closedBadge')}</Badge>
        ) : service.residents_only ? (
          <Badge color="primary">{t('catalogue.residentsOnly')}</Badge>
        ) : null}
        {service.requires_login ? (
          <Badge color="secondary">{t('catalogue.loginRequired')}</Badge>
        ) : null}
      </div>
    </article>
  )
}
