import { Button } from 'design-react-kit'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Desk } from '../api/types'
import { useDesks } from '../api/useDesks'
import { ClosuresPanel } from '../components/ClosuresPanel'
import { DeskForm } from '../components/DeskForm'
import '../appointments.scss'

/**
 * /backoffice/sportelli — the desks: each editable (hours, slots, rules, active), a new one,
 * and the closures of the desk being edited.
 */
export function DesksPage() {
  const { t } = useTranslation()
  const desks = useDesks()
  const items = desks.data?.items ?? []
  // The desk being edited, 'new' for a new one.
  const [editing, setEditing] = useState<string | null>(null)
  const desk = items.find((d) => d.id === editing)
  const [created, setCreated] = useState('')

  return (
    <>
      <PageHeading
        title={t('appointments.deskAdmin.title')}
        lead={t('appointments.deskAdmin.lead')}
      />
      <p>
        <Button
          color="primary"
          type="button"
          aria-expanded={editing === 'new'}
          onClick={() => {
            setCreated('')
            setEditing('new')
          }}
        >
          {t('appointments.deskAdmin.new')}
        </Button>
      </p>
      <div role="status">
        {created ? (
          <Notice color="success">
            <p className="mb-0">{t('appointments.deskAdmin.saved', { name: created })}</p>
          </Notice>
        ) : null}
      </div>
      {desks.isError ? (
        <ProblemAlert error={desks.error} context={t('appointments.desks.failed')} />
      ) : !desks.data ? (
        <Loading label={t('appointments.desks.loading')} />
      ) : (
        <DataTable<Desk>
          caption={t('appointments.deskAdmin.caption', { count: items.length })}
          stackBelow="wide"
          rows={items}
          rowKey={(d) => d.id}
          rowProps={(d) => ({ 'data-desk': d.id })}
          columns={[
            {
              key: 'name',
              header: t('appointments.deskAdmin.columns.name'),
              rowHeader: true,
              cell: (d) => d.name,
            },
            {
              key: 'area',
              header: t('appointments.deskAdmin.columns.area'),
              cell: (d) => d.area_label,
            },
            {
              key: 'location',
              header: t('appointments.deskAdmin.columns.location'),
              cell: (d) => d.location,
            },
            {
              key: 'slots',
              header: t('appointments.deskAdmin.columns.slots'),
              className: 'text-nowrap',
              cell: (d) =>
                t('appointments.deskAdmin.slotsText', {
                  minutes: d.slot_minutes,
                  places: d.places_per_slot,
                }),
            },
            {
              key: 'state',
              header: t('appointments.deskAdmin.columns.state'),
              cell: (d) =>
                d.active
                  ? t('appointments.deskAdmin.active')
                  : t('appointments.deskAdmin.inactive'),
            },
            {
              key: 'edit',
              header: t('appointments.deskAdmin.columns.actions'),
              actions: true,
              cell: (d) => (
                <button
                  type="button"
                  className="btn btn-primary btn-xs"
                  aria-expanded={editing === d.id}
                  aria-label={`${t('appointments.deskAdmin.edit')} ${t('appointments.deskAdmin.editOf', { name: d.name })}`}
                  onClick={() => {
                    setCreated('')
                    setEditing(d.id)
                  }}
                >
                  {t('appointments.deskAdmin.edit')}
                </button>
              ),
            },
          ]}
        />
      )}
      {editing === 'new' ? (
        <DeskForm
          key="new"
          onSaved={(saved) => {
            setCreated(saved.name)
            setEditing(saved.id)
          }}
          onClose={() => setEditing(null)}
        />
      ) : desk ? (
        <>
          <DeskForm
            key={desk.id}
            desk={desk}
            onSaved={() => undefined}
            onClose={() => setEditing(null)}
          />
          <ClosuresPanel desk={desk} />
        </>
      ) : null}
    </>
  )
}
