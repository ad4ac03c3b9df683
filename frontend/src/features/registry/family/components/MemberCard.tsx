import { Badge } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type DataRow, DataList } from '@/components/DataList'
import type { FamilyMember } from '../api/useFamily'
import { registryDate } from '@/lib/registryDates'

interface MemberCardProps {
  member: FamilyMember
}

/**
 * One member of the family record, with the data the seed's "scheda di famiglia" shows, and
 * the ways on: the member's full position, the certificates about them and, on one's own
 * card, one's self-declarations.
 */
export function MemberCard({ member }: MemberCardProps) {
  const { t } = useTranslation()
  const fullName = `${member.surname} ${member.name}`
  const titleId = `member-${member.person_id}`
  const none = t('family.notRecorded')
  const rows: DataRow[] = [
    [t('family.fiscalCode'), member.fiscal_code, true],
    [t('family.relationship'), member.relationship_label],
    [t('family.civilStatus'), member.civil_status_label ?? none],
    [t('family.sex'), t(member.sex === 'F' ? 'family.female' : 'family.male')],
    [
      t(member.sex === 'F' ? 'family.bornFemale' : 'family.bornMale'),
      t('family.birth', { place: member.birth_place, date: registryDate(member.birth_date) }),
    ],
  ]
  return (
    <article className="card shadow-sm border rounded family-member" aria-labelledby={titleId}>
      <div className="card-body p-3 p-md-4">
        <h2 className="h4 card-title mb-0" id={titleId}>
          {fullName}
          {member.is_self ? (
            <Badge color="primary" className="ms-2 align-middle">
              {t('family.you')}
            </Badge>
          ) : null}
        </h2>
        <DataList rows={rows} className="mt-3" />
        <div className="d-flex flex-wrap gap-3 mt-3 no-print">
          <Link to={`/famiglia/${member.person_id}`} className="btn btn-outline-primary btn-sm">
            {t('family.detail')}
            <span className="visually-hidden"> – {fullName}</span>
          </Link>
          <Link
            to={`/certificati/nuovo?persona=${encodeURIComponent(member.person_id)}`}
            className="btn btn-primary btn-sm"
          >
            {t('family.certificates')}
            <span className="visually-hidden"> – {fullName}</span>
          </Link>
          {/* Seed 001 shows "Autocertificazioni" on every card; the declarant is always the
              signed-in person, who may declare facts about the family's members. */}
          <Link to="/autocertificazioni/nuova" className="btn btn-outline-primary btn-sm">
            {t('family.selfDeclarations')}
            {member.is_self ? null : <span className="visually-hidden"> – {fullName}</span>}
          </Link>
        </div>
      </div>
    </article>
  )
}
