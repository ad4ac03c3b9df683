import { Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
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
  return (
    <div className="table-responsive">
      <table className="table declaration-archive">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('selfDeclarations.columns.type')}</th>
            <th scope="col">{t('selfDeclarations.columns.createdAt')}</th>
            <th scope="col">{t('selfDeclarations.columns.id')}</th>
            <th scope="col">{t('selfDeclarations.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {declarations.map((declaration) => {
            const which = `${declaration.type_name}, ${formatDateTime(declaration.created_at, i18n.language)}`
            return (
              <tr key={declaration.id}>
                <th scope="row">{declaration.type_name}</th>
                <td className="text-nowrap">
                  {formatDateTime(declaration.created_at, i18n.language)}
                </td>
                <td className="font-monospace">{declaration.id}</td>
                <td>
                  <div className="d-flex flex-wrap gap-2">
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
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
