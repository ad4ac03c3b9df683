import { Spinner } from 'design-react-kit'
import { useTranslation } from 'react-i18next'

interface LoadingProps {
  /** What is being loaded, read by screen readers; defaults to a generic "Loading". */
  label?: string
}

export function Loading({ label }: LoadingProps) {
  const { t } = useTranslation()
  const text = label ?? t('common.loading')
  return (
    <div className="d-flex align-items-center gap-3 my-4" role="status">
      <Spinner active small label={text} />
      <span aria-hidden="true">{text}</span>
    </div>
  )
}
