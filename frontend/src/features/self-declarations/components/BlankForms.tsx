import { useTranslation } from 'react-i18next'
import type { SelfDeclarationType } from '../api/useSelfDeclarationTypes'
import { byArticle } from '../draft'

/**
 * "Moduli in bianco": every form as a PDF to fill in by hand, for anyone. Plain links,
 * since no token is needed: they also open in a new tab or save with the browser's menu.
 */
export function BlankForms({ types }: { types: SelfDeclarationType[] }) {
  const { t } = useTranslation()
  return (
    <>
      {byArticle(types).map((group) => (
        <div key={group.article} className="mb-4">
          <h3 className="h5" id={`blank-forms-${group.article}`}>
            {t(`selfDeclarations.article${group.article}`)}
          </h3>
          <ul className="blank-forms" aria-labelledby={`blank-forms-${group.article}`}>
            {group.types.map((type) => (
              <li key={type.code}>
                <a
                  href={type.blank_form_url}
                  download={`modulo-${type.code}.pdf`}
                  type="application/pdf"
                  aria-describedby={`blank-form-${type.code}`}
                >
                  {type.name}
                </a>{' '}
                <span className="blank-form-format">(PDF)</span>
                <br />
                <small id={`blank-form-${type.code}`} className="text-secondary">
                  {type.description}
                </small>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  )
}
