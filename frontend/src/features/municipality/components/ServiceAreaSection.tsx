import type { ServiceArea } from '../api/useServices'
import { ServiceCard } from './ServiceCard'

interface ServiceAreaSectionProps {
  area: ServiceArea
  nonResident: boolean
}

/** A thematic area: its heading and the list of its services. */
export function ServiceAreaSection({ area, nonResident }: ServiceAreaSectionProps) {
  const headingId = `area-${area.code}`
  return (
    <section className="service-area mb-5" aria-labelledby={headingId}>
      <h2 id={headingId} className="h3 mb-3">
        {area.title}
      </h2>
      <ul className="row g-3 it-card-list">
        {area.services.map((service) => (
          <li key={service.code} className="col-12 col-md-6 col-lg-4">
            <ServiceCard service={service} nonResident={nonResident} />
          </li>
        ))}
      </ul>
    </section>
  )
}
