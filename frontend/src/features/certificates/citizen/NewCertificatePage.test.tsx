import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter, Route, Routes } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import i18n from '@/i18n'
import { createQueryClient } from '@/lib/queryClient'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { NewCertificatePage } from './pages/NewCertificatePage'
import { certificate, marco, types, usages } from './testData'

const ISSUE = 'POST /api/v1/certificates'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** The back end of the wizard; `issue` answers the POST and sees its Idempotency-Key. */
function backEnd(
  issue: (key: string | null, body: unknown) => Response = () => json(certificate, 201),
) {
  const keys: Array<string | null> = []
  const api = mockApi({
    'GET /api/v1/certificate-types': () => json(types),
    'GET /api/v1/certificate-usages': () => json(usages),
    'GET /api/v1/persons/p-marco': () => json(marco),
    [`POST /api/v1/certificates/${certificate.id}/email`]: () =>
      new Response(null, { status: 202 }),
    [ISSUE]: (request, body) => {
      const key = request.headers.get('idempotency-key')
      keys.push(key)
      return issue(key, body)
    },
  })
  return { ...api, keys, issued: () => api.requests.filter((r) => r.method === 'POST') }
}

async function openWizard(path = '/certificati/nuovo?persona=p-marco') {
  renderWithProviders(<NewCertificatePage />, path)
  return screen.findByRole('combobox', { name: 'Seleziona certificato' })
}

async function choose(type: string, usage: string) {
  const user = userEvent.setup()
  await user.selectOptions(await openWizard(), type)
  await user.selectOptions(
    screen.getByRole('combobox', { name: 'Seleziona uso certificato' }),
    usage,
  )
  return user
}

async function fillStamp(user: ReturnType<typeof userEvent.setup>, identifier: string) {
  await user.type(
    screen.getByRole('textbox', { name: 'Codice identificativo della marca da bollo' }),
    identifier,
  )
  await user.type(screen.getByLabelText(/^Data di emissione/), '2026-11-20')
}

const submit = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Richiedi il certificato' }))

describe('certificate wizard, step 1 (seed 001 §5)', () => {
  it('shows who the certificate is about', async () => {
    signIn()
    backEnd()
    await openWizard()
    const subject = screen.getByRole('region', { name: 'Il certificato riguarda' })
    expect(within(subject).getByText('ROSSI MARCO')).toBeInTheDocument()
    expect(within(subject).getByText('RSSMRC68B12E897Y')).toBeInTheDocument()
    expect(
      screen.getByRole('heading', { level: 2, name: 'Passo 1: Scegli il certificato' }),
    ).toBeInTheDocument()
  })

  it('asks for the marca da bollo only for the stamped usage', async () => {
    signIn()
    backEnd()
    const user = await choose(
      'Certificato di Residenza',
      'Si rilascia in esenzione del bollo ad uso pensione',
    )
    expect(screen.queryByRole('textbox', { name: /marca da bollo/ })).toBeNull()
    expect(screen.getByText(/art\. 12 Tab\. B D\.P\.R\. 642\/1972/)).toBeInTheDocument()

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Seleziona uso certificato' }),
      'Si rilascia in carta resa legale',
    )
    const identifier = screen.getByRole('textbox', {
      name: 'Codice identificativo della marca da bollo',
    })
    expect(identifier).toHaveAttribute('inputmode', 'numeric')
    expect(screen.getByLabelText(/^Data di emissione/)).toHaveAttribute('type', 'date')
    expect(screen.getByRole('group', { name: 'Marca da bollo' })).toHaveAccessibleDescription(
      /acquistare preventivamente la marca da bollo da 16,00 euro.*apposta sul certificato stampato/,
    )
    await user.type(identifier, '01234')
    expect(identifier).toHaveAccessibleDescription(/ne hai inserite 5 su 14/)
  })

  it('offers no stamped usage for an always exempt type', async () => {
    signIn()
    backEnd()
    const user = await choose('Certificato di Residenza', 'Si rilascia in carta resa legale')
    const usage = screen.getByRole('combobox', { name: 'Seleziona uso certificato' })
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Seleziona certificato' }),
      'Certificato di Stato Civile',
    )
    expect(
      within(usage).queryByRole('option', { name: 'Si rilascia in carta resa legale' }),
    ).toBeNull()
    expect(usage).toHaveValue('')
    expect(screen.queryByRole('textbox', { name: /marca da bollo/ })).toBeNull()
  })

  it('narrows the list to one archive (seed 001 "Archivio certificazioni")', async () => {
    signIn()
    backEnd()
    const user = userEvent.setup()
    const list = await openWizard()
    const archive = screen.getByRole('combobox', { name: 'Archivio certificazioni' })
    expect(archive).toHaveValue('')
    await user.selectOptions(list, 'Certificato di Residenza')
    await user.selectOptions(archive, 'Stato civile')
    const offered = within(list)
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(offered).toContain('Certificato di Stato Civile')
    expect(offered).not.toContain('Certificato di Residenza')
    expect(list, 'a type of the other archive is no longer chosen').toHaveValue('')
  })

  it('checks the 14 digits before asking the server', async () => {
    signIn()
    const { issued } = backEnd()
    const user = await choose('Certificato di Residenza', 'Si rilascia in carta resa legale')
    await fillStamp(user, '0123456789012')
    await submit(user)
    const identifier = screen.getByRole('textbox', {
      name: 'Codice identificativo della marca da bollo',
    })
    expect(identifier).toHaveAttribute('aria-invalid', 'true')
    expect(identifier).toHaveAccessibleDescription(
      /Il codice identificativo è composto da 14 cifre\./,
    )
    expect(identifier).toHaveFocus()
    expect(issued()).toHaveLength(0)
  })

  it('sends the request with an Idempotency-Key, then shows step 2', async () => {
    signIn()
    const { issued, keys } = backEnd()
    const user = await choose('Certificato di Residenza', 'Si rilascia in carta resa legale')
    await fillStamp(user, '0123 4567 8901 23')
    await submit(user)

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Passo 2: Scarica il certificato o ricevilo per email',
      }),
    ).toHaveFocus()
    expect(screen.getByText('7KQF-9XMA-2R4D-HV0C')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Invia certificato per email' })).toBeInTheDocument()
    expect(
      screen.getByText(/applica la marca da bollo n\. 01234567890123 del 20\/11\/2026/),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Richiedi il certificato' })).toBeNull()

    expect(issued()).toHaveLength(1)
    expect(issued()[0]?.body).toEqual({
      type: 'residenza',
      person_id: 'p-marco',
      usage: 'bollo',
      stamp: { identifier: '01234567890123', issue_date: '2026-11-20' },
    })
    expect(issued()[0]?.authorization).toMatch(/^Bearer /)
    expect(keys[0]).toMatch(UUID)
  })

  it('sends the new certificate by e-mail from step 2', async () => {
    signIn()
    const { requests } = backEnd()
    const user = await choose(
      'Certificato di Residenza',
      'Si rilascia in esenzione del bollo ad uso pensione',
    )
    await submit(user)
    const open = await screen.findByRole('button', { name: 'Invia certificato per email' })
    await user.click(open)
    const form = screen.getByRole('form', { name: 'Invia certificato per email' })
    await user.type(
      within(form).getByRole('textbox', { name: 'Email destinatario' }),
      'anna@example.org',
    )
    await user.click(within(form).getByRole('button', { name: 'Invia' }))
    expect(
      await screen.findByText('Il certificato è stato inviato a anna@example.org.'),
    ).toBeInTheDocument()
    expect(open).toHaveFocus()
    const sent = requests.find((r) => r.path.endsWith('/email'))
    expect(sent?.path).toBe(`/api/v1/certificates/${certificate.id}/email`)
    expect(sent?.body).toEqual({ to: 'anna@example.org' })
  })

  it('retries with the same key after an answer that never came, so it issues once', async () => {
    signIn()
    let calls = 0
    const { keys } = backEnd(() =>
      ++calls === 1
        ? problem(503, { detail: 'Servizio momentaneamente non disponibile.' })
        : json(certificate, 201),
    )
    const user = await choose(
      'Certificato di Residenza',
      'Si rilascia in esenzione del bollo ad uso pensione',
    )
    await submit(user)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Non è stato possibile emettere il certificato.',
    )
    await submit(user)
    await screen.findByRole('heading', {
      name: 'Passo 2: Scarica il certificato o ricevilo per email',
    })
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(UUID)
    expect(keys[1]).toBe(keys[0])
  })

  it('puts an already used stamp on its field, and sends the correction under a new key', async () => {
    signIn()
    let calls = 0
    const { keys, issued } = backEnd(() =>
      ++calls === 1
        ? problem(409, {
            detail: 'Questa marca da bollo è già stata usata per un altro certificato.',
            code: 'stamp_already_used',
          })
        : json(certificate, 201),
    )
    const user = await choose('Certificato di Residenza', 'Si rilascia in carta resa legale')
    await fillStamp(user, '01234567890123')
    await submit(user)
    const identifier = screen.getByRole('textbox', {
      name: 'Codice identificativo della marca da bollo',
    })
    await vi.waitFor(() =>
      expect(identifier).toHaveAccessibleDescription(
        /Questa marca da bollo è già stata usata per un altro certificato\./,
      ),
    )
    expect(identifier).toHaveAttribute('aria-invalid', 'true')
    expect(identifier).toHaveFocus()

    await user.clear(identifier)
    await user.type(identifier, '99999999999999')
    expect(identifier).not.toHaveAttribute('aria-invalid')
    await submit(user)
    await screen.findByRole('heading', {
      name: 'Passo 2: Scarica il certificato o ricevilo per email',
    })
    expect(issued()[1]?.body).toMatchObject({ stamp: { identifier: '99999999999999' } })
    expect(keys[1]).toMatch(UUID)
    expect(keys[1]).not.toBe(keys[0])
  })

  it('says why the person is not eligible', async () => {
    signIn()
    backEnd(() =>
      problem(422, {
        detail: 'La persona non è iscritta nelle liste elettorali del Comune',
        code: 'not_eligible',
      }),
    )
    const user = await choose(
      'Certificato di Iscrizione alle Liste Elettorali',
      'Si rilascia in esenzione del bollo ad uso pensione',
    )
    await submit(user)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Il certificato non può essere rilasciato.')
    expect(alert).toHaveTextContent('La persona non è iscritta nelle liste elettorali del Comune')
    expect(screen.queryByRole('heading', { name: /Passo 2/ })).toBeNull()
  })

  it("puts the server's field errors next to their fields", async () => {
    signIn()
    backEnd(() =>
      problem(422, {
        detail: 'Controllare i campi.',
        code: 'validation_failed',
        errors: [{ field: 'usage_text', message: 'Il testo supera i 256 caratteri.' }],
      }),
    )
    const user = await choose('Certificato di Residenza', 'Si rilascia per altro motivo')
    const text = screen.getByRole('textbox', { name: 'Uso del certificato' })
    await user.type(text, 'Iscrizione a un circolo sportivo')
    expect(text).toHaveAccessibleDescription(/32 caratteri su 256/)
    expect(text).toHaveAttribute('maxlength', '256')
    await submit(user)
    await vi.waitFor(() =>
      expect(text).toHaveAccessibleDescription(/Il testo supera i 256 caratteri\./),
    )
  })

  it('sends the free text of "altro motivo"', async () => {
    signIn()
    const { issued } = backEnd()
    const user = await choose('Certificato di Residenza', 'Si rilascia per altro motivo')
    await submit(user)
    expect(
      screen.getByRole('textbox', { name: 'Uso del certificato' }),
    ).toHaveAccessibleDescription(/Indica l'uso del certificato\./)
    expect(issued()).toHaveLength(0)
    await user.type(
      screen.getByRole('textbox', { name: 'Uso del certificato' }),
      '  Circolo{Enter}sportivo ',
    )
    await submit(user)
    await screen.findByRole('heading', {
      name: 'Passo 2: Scarica il certificato o ricevilo per email',
    })
    expect(issued()[0]?.body).toEqual({
      type: 'residenza',
      person_id: 'p-marco',
      usage: 'altro',
      usage_text: 'Circolo sportivo',
    })
  })
})

describe('certificate wizard for a third person (seed 001 §7)', () => {
  function renderWithState(state: unknown) {
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={createQueryClient({ retry: false })}>
          <MemoryRouter
            initialEntries={[{ pathname: '/certificati/nuovo', search: '?persona=p-verdi', state }]}
          >
            <Routes>
              <Route path="/certificati/nuovo" element={<NewCertificatePage />} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>
      </I18nextProvider>,
    )
  }

  it('shows the person and the reason, does not read their record, and sends the reason', async () => {
    signIn()
    const { requests, issued } = backEnd(() =>
      json({ ...certificate, person_id: 'p-verdi', requester: 'third_party' }, 201),
    )
    renderWithState({
      reason: 'Pratica di successione',
      surname: 'VERDI',
      name: 'LUCA',
      birth_date: '1950-03-04',
    })
    const subject = await screen.findByRole('region', { name: 'Certificato per terza persona' })
    expect(within(subject).getByText('VERDI LUCA')).toBeInTheDocument()
    expect(within(subject).getByText('04/03/1950')).toBeInTheDocument()
    expect(within(subject).getByText('Pratica di successione')).toBeInTheDocument()
    expect(subject).toHaveTextContent(/ATTENZIONE: Tutte le richieste sono registrate/)

    const user = userEvent.setup()
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Seleziona certificato' }),
      'Certificato di Residenza',
    )
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Seleziona uso certificato' }),
      'Si rilascia in esenzione del bollo ad uso pensione',
    )
    await submit(user)
    await screen.findByRole('heading', {
      name: 'Passo 2: Scarica il certificato o ricevilo per email',
    })
    expect(issued()[0]?.body).toEqual({
      type: 'residenza',
      person_id: 'p-verdi',
      usage: 'pensione',
      reason: 'Pratica di successione',
    })
    expect(requests.some((r) => r.path.startsWith('/api/v1/persons'))).toBe(false)
  })
})

describe('certificate wizard without a person', () => {
  it('leads to the family record and to third-party certificates', async () => {
    signIn()
    backEnd()
    renderWithProviders(<NewCertificatePage />, '/certificati/nuovo')
    expect(screen.getByRole('link', { name: /nucleo familiare/ })).toHaveAttribute(
      'href',
      '/famiglia',
    )
    expect(screen.getByRole('link', { name: 'Certificazioni per terze persone' })).toHaveAttribute(
      'href',
      '/certificazione-libera',
    )
    expect(screen.queryByRole('combobox')).toBeNull()
  })

  it('says so when the person is not in the family', async () => {
    signIn()
    backEnd()
    renderWithProviders(<NewCertificatePage />, '/certificati/nuovo?persona=p-other')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La persona indicata non è stata trovata oppure non fa parte del tuo nucleo familiare.',
    )
    expect(screen.queryByRole('combobox')).toBeNull()
  })
})
