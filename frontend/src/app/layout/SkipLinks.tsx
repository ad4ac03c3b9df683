import { Skiplink, SkiplinkItem } from 'design-react-kit'
import { useTranslation } from 'react-i18next'

/**
 * The first focusable elements of the page. They sit absolutely on top of the header and
 * appear only on focus, so showing them never moves the page under the pointer.
 */
export function SkipLinks() {
  const { t } = useTranslation()
  return (
    <Skiplink nav ariaLabel={t('skipLinks.label')} className="skiplinks-overlay">
      <SkiplinkItem href="#main" navItem>
        {t('skipLinks.main')}
      </SkiplinkItem>
      <SkiplinkItem href="#footer" navItem>
        {t('skipLinks.footer')}
      </SkiplinkItem>
    </Skiplink>
  )
}
