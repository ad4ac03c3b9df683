import { useState } from 'react'
import type { EmailBody } from '@/lib/email'

/**
 * Sending one document of a list by e-mail: which row's form is open, what was last sent,
 * and focus back on the row's action when the form closes. Rows carry `rowAttribute`
 * (e.g. `data-certificate`) with the document's id.
 */
export function useEmailFromList(rowAttribute: string) {
  const [emailing, setEmailing] = useState<string | null>(null)
  const [sent, setSent] = useState<EmailBody | null>(null)
  const close = () => {
    const id = emailing
    setEmailing(null)
    if (id) document.querySelector<HTMLElement>(`[${rowAttribute}="${id}"]`)?.focus()
  }
  return {
    emailing,
    sent,
    clearSent: () => setSent(null),
    open: (id: string) => {
      setSent(null)
      setEmailing(id)
    },
    done: (body: EmailBody) => {
      setSent(body)
      close()
    },
    cancel: close,
  }
}
