import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { PracticePage } from './pages/PracticePage'
import { draft, identityCard, submitted, types } from './testData'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const PRACTICE = '/api/v1/practices/pr-1'

type Issue = { field: string; step: string; message: string }
type Handler = (request: Request, body: unknown) => Response | Promise<Response>

interface BackEndOptions {
  practice?: Record<string, unknown>
  /** The issues the server finds in a saved draft. */
  issues?: (data: Record<string, unknown>) => Issue[]
  extra?: Record<string, Handler>
}

/** A draft kept by the server: PATCH stores it (new version) and answers its issues. */
function backEnd(options: BackEndOptions = {}) {
  let current: Record<string, unknown> = { ...draft, ...options.practice }
  const saved: string[] = []
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:ricevuta')
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push(this.download)
  })
  const api = mockApi({
    'GET /api/v1/practice-types': () => json(types),
    [`GET ${PRACTICE}`]: () => json(current),
    [`PATCH ${PRACTICE}`]: (_, body) => {
      const { data, step } = body as { data: Record<string, unknown>; step: string }
      current = {
        ...current,
        data,
        step,
        version: (current.version as number) + 1,
        issues: options.issues?.(data) ?? [],
      }
      return json(current)
    },
    [`GET ${PRACTICE}/history`]: () => json({ items: [] }),
    ...options.extra,
  })
  const calls = (method: string, path: string) =>
    api.requests.filter((r) => r.method === method && r.path === path)
  return { ...api, calls, saved }
}

async function open(step: string) {
  signIn()
  const user = userEvent.setup()
  renderWithProviders(
    <Routes>
      <Route path="/pratiche/:id" element={<PracticePage />} />
    </Routes>,
    `/pratiche/pr-1?passo=${step}`,
  )
  await screen.findByRole('heading', { level: 2, name: /^Passo \d di \d:/ })
  return user
}

const emailIssue = {
  field: 'contacts.email',
  step: 'applicant',
  message: 'Indicare un indirizzo e-mail valido: vi arriveranno le comunicazioni sulla pratica.',
}

describe('the residence declaration wizard', () => {
  it('shows the registry particulars read-only and the required fields marked', async () => {
    backEnd({})
    await open('applicant')
    expect(
      screen.getByRole('heading', { level: 2, name: 'Passo 1 di 5: Dati del richiedente' }),
    ).toBeInTheDocument()
    const surname = screen.getByRole('textbox', { name: 'Cognome' })
    expect(surname).toHaveValue('ROSSI')
    expect(surname).toHaveAttribute('readonly')
    expect(screen.getByRole('textbox', { name: 'Data di nascita' })).toHaveValue('10/12/1985')
    expect(screen.getByRole('textbox', { name: 'Sesso' })).toHaveValue('Maschile')
    // The registry keeps the birthplace's code; the practice brings its name.
    const birthPlace = screen.getByRole('textbox', { name: 'Comune o Stato estero di nascita' })
    await vi.waitFor(() => expect(birthPlace).toHaveValue('Roma (RM)'))
    const email = screen.getByRole('textbox', { name: 'E-mail' })
    expect(email).toBeRequired()
    expect(email.closest('.form-group')).toHaveTextContent('E-mail *')
    expect(screen.getByRole('textbox', { name: 'PEC' })).not.toBeRequired()
    expect(
      screen.getByRole('radio', { name: "Cambio di indirizzo all'interno del Comune" }),
    ).toBeChecked()
  })

  it('saves at every "Avanti", stops once on the step\'s issues, then goes on', async () => {
    const { calls } = backEnd({
      issues: (data) =>
        (data.contacts as { email: string }).email.includes('@') ? [] : [emailIssue],
    })
    const user = await open('applicant')
    await user.click(screen.getByRole('button', { name: 'Avanti' }))

    const email = screen.getByRole('textbox', { name: 'E-mail' })
    expect(await screen.findByText(/Ci sono|C'è un dato/)).toBeInTheDocument()
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription(/Indicare un indirizzo e-mail valido/)
    expect(
      screen.getByRole('heading', { level: 2, name: /Dati del richiedente/ }),
    ).toBeInTheDocument()
    const saves = calls('PATCH', PRACTICE)
    expect(saves).toHaveLength(1)
    expect(saves[0]?.body).toMatchObject({ step: 'movers', version: 1 })
    expect((saves[0]?.body as { data: unknown }).data).toMatchObject({
      kind: 'within_municipality',
      contacts: { email: '' },
    })
    // The issue's link leads to its field.
    await user.click(screen.getByRole('link', { name: /E-mail: Indicare un indirizzo/ }))
    expect(email).toHaveFocus()

    // The person may still go on.
    await user.click(screen.getByRole('button', { name: 'Avanti' }))
    const movers = await screen.findByRole('heading', {
      level: 2,
      name: 'Passo 2 di 5: Chi si trasferisce',
    })
    expect(movers).toHaveFocus()
    expect(calls('PATCH', PRACTICE)[1]?.body).toMatchObject({ step: 'movers', version: 2 })

    // Back, the email corrected: the issue is gone and "Avanti" goes on at once.
    await user.click(screen.getByRole('button', { name: 'Indietro' }))
    const corrected = await screen.findByRole('textbox', { name: 'E-mail' })
    expect(corrected).toHaveAttribute('aria-invalid', 'true')
    await user.type(corrected, 'mario.rossi@example.org')
    await user.click(screen.getByRole('button', { name: 'Avanti' }))
    expect(
      await screen.findByRole('heading', { level: 2, name: /Chi si trasferisce/ }),
    ).toBeInTheDocument()
  })

  it('asks licences and vehicles only of movers who have them', async () => {
    backEnd()
    const user = await open('movers')
    const table = screen.getByRole('table', { name: /spunta chi si trasferisce/ })
    const anna = within(table).getByRole('rowheader', { name: 'BIANCHI ANNA' }).closest('tr')!
    await user.click(
      within(anna as HTMLElement).getByRole('checkbox', { name: 'BIANCHI ANNA si trasferisce' }),
    )
    await user.click(
      within(anna as HTMLElement).getByRole('checkbox', { name: 'BIANCHI ANNA possiede veicoli' }),
    )
    expect(
      screen.getByRole('heading', { level: 2, name: 'Passo 2 di 6: Chi si trasferisce' }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Avanti' }))
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Passo 3 di 6: Patenti e veicoli' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Veicoli di BIANCHI ANNA' })).toBeInTheDocument()
  })

  it('adds a person with "Inserisci nuovo" and removes them', async () => {
    backEnd()
    const user = await open('movers')
    await user.click(screen.getByRole('button', { name: 'Inserisci nuovo' }))
    const added = screen.getByRole('group', { name: /Persona aggiunta 1/ })
    const surname = within(added).getByRole('textbox', { name: /Cognome/ })
    expect(surname).toHaveFocus()
    await user.type(surname, 'verdi')
    expect(surname).toHaveValue('VERDI')
    expect(
      within(added).getByRole('combobox', { name: /Rapporto con il richiedente/ }),
    ).toBeRequired()
    await user.click(within(added).getByRole('button', { name: /^Rimuovi VERDI/ }))
    expect(screen.queryByRole('group', { name: /Persona aggiunta/ })).toBeNull()
  })
})

describe('the summary', () => {
  it('lists the issues left with their step and keeps "Inoltra" disabled', async () => {
    const { calls } = backEnd({
      practice: {
        step: 'summary',
        issues: [{ field: 'address.street', step: 'dwelling', message: 'Campo obbligatorio.' }],
      },
    })
    const user = await open('summary')
    expect(
      screen.getByRole('heading', { level: 2, name: 'Passo 5 di 5: Riepilogo' }),
    ).toBeInTheDocument()
    const submit = screen.getByRole('button', { name: 'Inoltra' })
    expect(submit).toBeDisabled()
    expect(submit).toHaveAccessibleDescription(/sarà disponibile quando/)
    const left = screen.getByRole('region', { name: /restano 2 dati da completare/ })
    expect(left).toHaveTextContent('Via o piazza: Campo obbligatorio.')
    // The required documents not yet attached, which only the submission would name.
    expect(left).toHaveTextContent(
      "Allegare il documento obbligatorio: Copia del documento d'identità del richiedente.",
    )
    expect(
      within(left).getByRole('button', { name: 'Vai al passo «Allegati»' }),
    ).toBeInTheDocument()
    // Everything declared, in words.
    expect(screen.getByText("Cambio di indirizzo all'interno del Comune")).toBeInTheDocument()
    expect(screen.getByRole('rowheader', { name: 'ROSSI MARIO' })).toBeInTheDocument()

    await user.click(within(left).getByRole('button', { name: 'Vai al passo «Nuova abitazione»' }))
    expect(
      await screen.findByRole('heading', { level: 2, name: /Nuova abitazione/ }),
    ).toBeInTheDocument()
    expect(calls('PATCH', PRACTICE)[0]?.body).toMatchObject({ step: 'dwelling' })
    expect(calls('POST', `${PRACTICE}/submit`)).toHaveLength(0)
  })

  it('submits with an Idempotency-Key and offers the receipt', async () => {
    const keys: Array<string | null> = []
    const { saved } = backEnd({
      practice: { step: 'summary', attachments: [identityCard] },
      extra: {
        [`POST ${PRACTICE}/submit`]: (request) => {
          keys.push(request.headers.get('idempotency-key'))
          return json(submitted)
        },
        [`GET ${PRACTICE}/receipt.pdf`]: () =>
          new Response(new Blob(['%PDF-1.7']), { headers: { 'content-type': 'application/pdf' } }),
      },
    })
    const user = await open('summary')
    expect(screen.getByText('carta-identita.pdf')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Inoltra' }))
    expect(
      await screen.findByText(
        'La dichiarazione è stata inoltrata al Comune con il protocollo n. 2026/000123.',
      ),
    ).toBeInTheDocument()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatch(UUID)
    expect(screen.getByRole('link', { name: 'Stato richieste' })).toHaveAttribute(
      'href',
      '/pratiche',
    )
    await user.click(screen.getByRole('button', { name: 'Scarica ricevuta' }))
    await vi.waitFor(() => expect(saved).toEqual(['ricevuta-2026-000123.pdf']))
  })

  it('cancels only after a confirmation saying nothing reaches the office', async () => {
    const { calls } = backEnd({
      practice: { step: 'summary' },
      extra: {
        [`POST ${PRACTICE}/cancel`]: () =>
          json({ ...draft, state: 'cancelled', state_label: 'Annullata', actions: [] }),
      },
    })
    const user = await open('summary')
    await user.click(screen.getByRole('button', { name: 'Annulla' }))
    const question = screen.getByRole('heading', { name: 'Annullare la dichiarazione?' })
    expect(question).toHaveFocus()
    expect(screen.getByText(/Nulla sarà inviato al Comune/)).toBeInTheDocument()
    expect(calls('POST', `${PRACTICE}/cancel`)).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Sì, annulla la dichiarazione' }))
    expect(
      await screen.findByText(
        'La dichiarazione è stata annullata: nulla è stato inviato al Comune.',
      ),
    ).toBeInTheDocument()
  })
})

describe('the attachments step', () => {
  it("shows the server's refusal of a file whose content is not what its name says", async () => {
    const uploads: Array<FormDataEntryValue | null> = []
    backEnd({
      practice: { step: 'attachments' },
      extra: {
        [`POST ${PRACTICE}/attachments`]: async (request) => {
          uploads.push((await request.formData()).get('document'))
          return problem(422, {
            title: 'Allegato non accettato',
            detail: 'Il file «contratto.pdf» è un’immagine JPEG, non un PDF.',
            code: 'attachment_kind',
          })
        },
      },
    })
    const user = await open('attachments')
    const row = document.querySelector('[data-document="documento-identita"]') as HTMLElement
    expect(within(row).getByText('Obbligatorio')).toHaveClass('document-required')
    expect(row).toHaveTextContent('formati ammessi: pdf, jpg, jpeg, png, p7m')
    const input = within(row).getByLabelText(/Sfoglia – file per «Copia del documento/)
    await user.upload(
      input,
      new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'contratto.pdf', {
        type: 'application/pdf',
      }),
    )
    await user.click(within(row).getByRole('button', { name: 'Allega' }))
    const alert = await within(row).findByRole('alert')
    expect(alert).toHaveTextContent('Il file non è stato accettato')
    expect(alert).toHaveTextContent('Il file «contratto.pdf» è un’immagine JPEG, non un PDF.')
    expect(uploads).toEqual(['documento-identita'])
  })

  it('asks for a file before "Allega" and lists the files attached', async () => {
    const { calls } = backEnd({ practice: { step: 'attachments', attachments: [identityCard] } })
    const user = await open('attachments')
    const row = document.querySelector('[data-document="documento-identita"]') as HTMLElement
    const files = within(row).getByRole('list', { name: /File allegati per/ })
    expect(files).toHaveTextContent('carta-identita.pdf')
    expect(files).toHaveTextContent('9f86d081884c…')
    expect(within(files).getByRole('button', { name: 'Elimina carta-identita.pdf' })).toBeEnabled()
    await user.click(within(row).getByRole('button', { name: 'Allega' }))
    expect(within(row).getByRole('alert')).toHaveTextContent('Scegli prima il file da allegare.')
    expect(calls('POST', `${PRACTICE}/attachments`)).toHaveLength(0)
  })
})

describe('a stale draft', () => {
  it('says so and reloads the draft saved elsewhere', async () => {
    let first = true
    backEnd({
      extra: {
        [`PATCH ${PRACTICE}`]: () => {
          first = false
          return problem(409, {
            title: 'Bozza non aggiornata',
            detail: 'La bozza è stata salvata da un altro dispositivo.',
            code: 'stale_draft',
          })
        },
      },
    })
    const user = await open('applicant')
    await user.click(screen.getByRole('button', { name: 'Avanti' }))
    expect(
      await screen.findByText(/è stata ricaricata con i dati salvati per ultimi/),
    ).toBeInTheDocument()
    expect(first).toBe(false)
    expect(
      await screen.findByRole('heading', { level: 2, name: /Dati del richiedente/ }),
    ).toBeInTheDocument()
  })
})
