import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Sets the document title, so that each page announces itself to assistive technology. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation()
  const site = t('site.name')
  useEffect(() => {
    document.title = title ? `${title} – ${site}` : site
  }, [title, site])
}
