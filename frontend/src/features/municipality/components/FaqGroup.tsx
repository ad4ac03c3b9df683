import { Accordion, AccordionBody, AccordionHeader, AccordionItem } from 'design-react-kit'
import { useState } from 'react'

export interface FaqItem {
  id: string
  question: string
  answer: string[]
}

export interface FaqGroupData {
  id: string
  title: string
  items: FaqItem[]
}

/** One group of questions: an h2 and an accordion whose panels open independently. */
export function FaqGroup({ group }: { group: FaqGroupData }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const headingId = `faq-${group.id}`
  return (
    <section className="mb-5" aria-labelledby={headingId}>
      <h2 id={headingId} className="h3">
        {group.title}
      </h2>
      <Accordion>
        {group.items.map((item) => {
          const buttonId = `faq-${group.id}-${item.id}-button`
          const panelId = `faq-${group.id}-${item.id}-panel`
          const active = open.has(item.id)
          return (
            <AccordionItem key={item.id}>
              <AccordionHeader
                id={buttonId}
                active={active}
                onToggle={() => toggle(item.id)}
                aria-controls={panelId}
              >
                {item.question}
              </AccordionHeader>
              <AccordionBody id={panelId} active={active} role="region" aria-labelledby={buttonId}>
                {item.answer.map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </AccordionBody>
            </AccordionItem>
          )
        })}
      </Accordion>
    </section>
  )
}
