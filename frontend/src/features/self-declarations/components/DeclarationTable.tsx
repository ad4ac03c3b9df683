import { Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import { formatDateTime } from '@/lib/format'
import type { SelfDeclaration } from '../api/useCreateSelfDeclaration'

interface DeclarationTableProps {
  declarations: SelfDeclaration[]
  caption: string
  downloading: string | null
  onDownload: (id: string) => void
  onEmail: (id: string) => void
}

/** "Archivio autocertificazioni" (seed 001): the declarations written, newest first. */
export function DeclarationTable({
  declarations,
  caption,
  downloading,
  onDownload,
  onEmail,
}: DeclarationTableProps) {
  const { t, i18n } = useTranslation()
  const createdAt = (declaration: SelfDeclaration) =>
    formatDateTime(declaration.created_at, i18n.language)
  return (
    <DataTable
      caption={caption}
      className="declaration-archive"
      stackBelow="medium"
      rows={declarations}
      rowKey={(declaration) => declaration.id}
      columns={[
        {
          key: 'type',
          header: t('selfDeclarations.columns.type'),
          rowHeader: true,
          cell: (declaration) => declaration.type_name,
        },
        {
          key: 'createdAt',
          header: t('selfDeclarations.columns.createdAt'),
          cell: (declaration) => <DateTimeText utc={declaration.created_at} />,
        },
        {
          key: 'id',
          header: t('selfDeclarations.columns.id'),
          className: 'identifier text-nowrap',
          cell: (declaration) => declaration.id,
        },
        {
          key: 'actions',
          header: t('selfDeclarations.columns.actions'),
          actions: true,
          cell: (declaration) => {
            const which = `${declaration.type_name}, ${createdAt(declaration)}`
            return (
              <div className="table-actions">
                <Button
                  color="primary"
                  size="xs"
                  type="button"
                  disabled={downloading === declaration.id}
                  aria-label={`${t('selfDeclarations.download')} – ${which}`}
                  onClick={() => onDownload(declaration.id)}
                >
                  {t('selfDeclarations.download')}
                </Button>
                <Button
                  color="primary"
                  outline
                  size="xs"
                  type="button"
                  data-declaration={declaration.id}
                  aria-label={`${t('selfDeclarations.emailShort')} – ${which}`}
                  onClick={() => onEmail(declaration.id)}
                >
                  {t('selfDeclarations.emailShort')}
                </Button>
              </div>
            )
          },
        },
      ]}
    />
  )
}
