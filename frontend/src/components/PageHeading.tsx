import type { ReactNode } from 'react'
import { usePageTitle } from './usePageTitle'

interface PageHeadingProps {
  title: string
  lead?: ReactNode
}

/** The page's one h1, its optional lead paragraph, and the document title. */
export function PageHeading({ title, lead }: PageHeadingProps) {
  usePageTitle(title)
  return (
    <div className="page-heading mb-4">
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  )
}
