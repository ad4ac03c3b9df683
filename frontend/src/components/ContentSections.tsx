import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A section of running text as kept in the translation files. */
export interface ContentSection {
  id: string
  title: string
  paragraphs?: string[]
  items?: string[]
  /** Paragraphs after the list. */
  closing?: string[]
}

function isSection(value: unknown): value is ContentSection {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.id === 'string' && typeof v.title === 'string'
}

/** Reads an array of sections from the translations, interpolating `values` into every text. */
export function useContentSections(key: string, values: Record<string, string> = {}) {
  const { t } = useTranslation()
  const raw: unknown = t(key, { returnObjects: true, ...values })
  return Array.isArray(raw) ? raw.filter(isSection) : []
}

interface ContentSectionsProps {
  sections: ContentSection[]
  /** Extra content (links, contact blocks) placed at the end of the section with that id. */
  extras?: Record<string, ReactNode>
  headingLevel?: 2 | 3
}

/** Renders sections of text as headed, labelled regions of the page. */
export function ContentSections({ sections, extras = {}, headingLevel = 2 }: ContentSectionsProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div className="content-sections">
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="mb-4">
          <Heading id={`section-${section.id}`} className={headingLevel === 2 ? 'h3' : 'h4'}>
            {section.title}
          </Heading>
          {section.paragraphs?.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {section.items && section.items.length > 0 ? (
            <ul>
              {section.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
          {section.closing?.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {extras[section.id]}
        </section>
      ))}
    </div>
  )
}
