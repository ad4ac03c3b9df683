import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { NewSelfDeclarationPage } from './pages/NewSelfDeclarationPage'
import { declaration, nonResidentDraft, preview, residentDraft, types } from './testData'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const PREVIEW = 'POST /api/v1/self-declarations/preview'
const CREATE = 'POST /api/v1/self-declarations'

type Handler = (request: Request, body: unknown) => Response

interface BackEndOptions {
  draft?: (code: string) => unknown
  preview?: Handler
  create?: Handler
}

/** The wizard's back end; records the Idempotency-Key of each creation and the files saved. */
function backEnd(options: BackEndOptions = {}) {
  const draft = options.draft ?? residentDraft
  const keys: Array<string | null> = []
  const saved: string[] = []
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:autocertificazione')
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push(this.download)
  })
  const prefill = (code: string) => () => json(draft(code))
  const api = mockApi({
    'GET /api/v1/self-declaration-types': () => json(types),
    'GET /api/v1/self-declaration-types/residenza/prefill': prefill('residenza'),
    'GET /api/v1/self-declaration-types/stato_civile/prefill': prefill('stato_civile'),
    'GET /api/v1/self-declaration-types/stato_famiglia/prefill': prefill('stato_famiglia'),
    'GET /api/v1/self-declaration-types/atto_notorio/prefill': prefill('atto_notorio'),
    [PREVIEW]: options.preview ?? (() => json(preview)),
    [CREATE]: (request, body) => {
      keys.push(request.headers.get('idempotency-key'))
      return (options.create ?? (() => json(declaration, 201)))(request, body)
    },
    [`GET /api/v1/self-declarations/${declaration.id}/pdf`]: () =>
      new Response(new Blob(['%PDF-1.7']), { headers: { 'content-type': 'application/pdf' } }),
    [`POST /api/v1/self-declarations/${declaration.id}/email`]: () =>
      json({ mail_id: 'mail-1' }, 202),
  })
  const calls = (method: string, path: string) =>
    api.requests.filter((r) => r.method === method && r.path === path)
  return { ...api, keys, saved, calls }
}

async function open(path = '/autocertificazioni/nuova') {
  const user = userEvent.setup()
  renderWithProviders(<NewSelfDeclarationPage />, path)
  await screen.findByRole('group', { name: /^Tipo di autocertificazione/ })
  return user
}

async function chooseAndGo(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('radio', { name }))
  await user.click(screen.getByRole('button', { name: 'Avanti' }))
  return screen.findByRole('heading', { level: 2, name: 'Passo 2: Completa i dati' })
}

const next = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Avanti' }))
const back = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Indietro' }))

describe('new self-declaration, step 1 (seed 001 "Passo 1: Scegli la dichiarazione")', () => {
  it('lists the types grouped by article, each with what it declares', async () => {
    signIn()
    backEnd()
    await open()
    expect(
      screen.getByRole('heading', { level: 2, name: 'Passo 1: Scegli la dichiarazione' }),
    ).toBeInTheDocument()
    const art46 = screen.getByRole('group', { name: /art\. 46 D\.P\.R\. 445\/2000/ })
    const art47 = screen.getByRole('group', { name: /art\. 47 D\.P\.R\. 445\/2000/ })
    expect(within(art46).getAllByRole('radio')).toHaveLength(3)
    expect(
      within(art46).getByRole('radio', { name: 'Dichiarazione di residenza' }),
    ).toHaveAccessibleDescription('Comune e indirizzo di residenza.')
    expect(
      within(art47).getByRole('radio', {
        name: "Dichiarazione sostitutiva dell'atto di notorietà",
      }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Home servizio autocertificazione' })).toHaveAttribute(
      'href',
      '/autocertificazioni',
    )
  })

  it('asks for a type before going on', async () => {
    signIn()
    const { requests } = backEnd()
    const user = await open()
    await next(user)
    expect(screen.getByRole('alert')).toHaveTextContent('Scegli il tipo di autocertificazione.')
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/Passo 1/)
    expect(requests.some((r) => r.path.endsWith('/prefill'))).toBe(false)
  })
})

describe('new self-declaration for a resident', () => {
  it('shows the particulars read-only and the registry facts editable', async () => {
    signIn()
    backEnd()
    const user = await open()
    await chooseAndGo(user, 'Dichiarazione di residenza')
    expect(screen.getByText(/Tipo di autocertificazione:/)).toHaveTextContent(
      'Tipo di autocertificazione: Dichiarazione di residenza',
    )
    const surname = await screen.findByRole('textbox', { name: 'Cognome' })
    expect(surname).toHaveValue('ROSSI')
    expect(surname).toHaveAttribute('readonly')
    expect(surname).toHaveAccessibleDescription(/dati anagrafici del dichiarante/)
    expect(screen.getByRole('textbox', { name: 'Sesso' })).toHaveValue('maschile')
    expect(screen.getByRole('textbox', { name: 'Data di nascita' })).toHaveValue('10/12/1985')
    expect(screen.getByRole('textbox', { name: 'Codice fiscale' })).toHaveAttribute('readonly')

    const address = screen.getByRole('textbox', { name: /^Indirizzo di residenza/ })
    expect(address).toHaveValue('VIA ROMA, 12')
    expect(address).not.toHaveAttribute('readonly')
    expect(address).toHaveAccessibleDescription(/dato dell'anagrafe/)
    await user.clear(address)
    await user.type(address, 'VIA GARIBALDI, 7')
    expect(address).toHaveAccessibleDescription(/in anagrafe risulta «VIA ROMA, 12»/)
    expect(screen.queryByText(/Non risulti residente/)).toBeNull()
  })

  it('previews, prints with an Idempotency-Key, downloads the PDF and e-mails it', async () => {
    signIn()
    const { calls, keys, saved } = backEnd()
    const user = await open()
    await chooseAndGo(user, 'Dichiarazione di residenza')
    const address = await screen.findByRole('textbox', { name: /^Indirizzo di residenza/ })
    await user.clear(address)
    await user.type(address, 'VIA GARIBALDI, 7')
    await next(user)

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Passo 3: Controlla e stampa' }),
    ).toHaveFocus()
    expect(calls('POST', '/api/v1/self-declarations/preview')[0]?.body).toEqual({
      type: 'residenza',
      values: { residence_municipality: 'VALDORIA', residence_address: 'VIA GARIBALDI, 7' },
      members: [],
    })
    const text = screen.getByRole('article', {
      name: 'DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE',
    })
    expect(within(text).getByText('DICHIARA')).toBeInTheDocument()
    expect(within(text).getByText(/di essere residente nel Comune di VALDORIA/)).toBeInTheDocument()
    expect(within(text).getByText(/deve essere stampata e firmata/)).toBeInTheDocument()
    // Place, date and the signer as the form prints them, from the server.
    expect(within(text).getByText(/^Luogo e data _+$/)).toBeInTheDocument()
    expect(within(text).getByText('Il dichiarante')).toBeInTheDocument()
    expect(screen.getByText(/va stampata e firmata prima di consegnarla/)).toBeInTheDocument()
    // Art. 46: no identity document to attach.
    expect(screen.queryByText(/documento d'identità del firmatario/)).toBeNull()
    expect(calls('POST', '/api/v1/self-declarations')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Stampa' }))
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Scegli come ottenerla' }),
    ).toHaveFocus()
    expect(calls('POST', '/api/v1/self-declarations')[0]?.body).toEqual(
      calls('POST', '/api/v1/self-declarations/preview')[0]?.body,
    )
    expect(calls('POST', '/api/v1/self-declarations')[0]?.authorization).toMatch(/^Bearer /)
    expect(keys[0]).toMatch(UUID)
    expect(
      await screen.findByText(
        `L'autocertificazione è stata scaricata: autocertificazione-${declaration.id}.pdf.`,
      ),
    ).toBeInTheDocument()
    expect(saved).toEqual([`autocertificazione-${declaration.id}.pdf`])
    expect(screen.getByText(declaration.id)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Download' }))
    await vi.waitFor(() => expect(saved).toHaveLength(2))

    await user.click(screen.getByRole('button', { name: 'Invia autocertificazione per email' }))
    const form = screen.getByRole('form', { name: 'Invia autocertificazione per email' })
    await user.type(
      within(form).getByRole('textbox', { name: 'Email destinatario' }),
      'ufficio@example.org',
    )
    await user.type(within(form).getByRole('textbox', { name: 'Messaggio' }), 'In allegato.')
    await user.click(within(form).getByRole('button', { name: 'Invia' }))
    expect(
      await screen.findByText("L'autocertificazione è stata inviata a ufficio@example.org."),
    ).toBeInTheDocument()
    expect(calls('POST', `/api/v1/self-declarations/${declaration.id}/email`)[0]?.body).toEqual({
      to: 'ufficio@example.org',
      message: 'In allegato.',
    })
    expect(
      screen.getByRole('link', { name: 'Home servizio autocertificazione' }),
    ).toBeInTheDocument()
  })

  it('keeps what was typed going back and forth, also across types', async () => {
    signIn()
    const { calls } = backEnd()
    const user = await open()
    await chooseAndGo(user, 'Dichiarazione di residenza')
    const address = await screen.findByRole('textbox', { name: /^Indirizzo di residenza/ })
    await user.clear(address)
    await user.type(address, 'VIA GARIBALDI, 7')
    await next(user)
    await screen.findByRole('heading', { name: 'Passo 3: Controlla e stampa' })
    await back(user)
    await screen.findByRole('heading', { name: 'Passo 2: Completa i dati' })
    expect(screen.getByRole('textbox', { name: /^Indirizzo di residenza/ })).toHaveValue(
      'VIA GARIBALDI, 7',
    )

    await back(user)
    await screen.findByRole('heading', { name: 'Passo 1: Scegli la dichiarazione' })
    expect(screen.getByRole('radio', { name: 'Dichiarazione di residenza' })).toBeChecked()
    await chooseAndGo(user, 'Dichiarazione di stato civile')
    const detail = await screen.findByRole('textbox', { name: /^Precisazioni/ })
    expect(detail).toHaveValue('con BIANCHI ANNA dal 12/06/2010')
    expect(screen.getByRole('combobox', { name: /^Stato civile/ })).toHaveValue('married')
    await user.clear(detail)
    await back(user)
    await chooseAndGo(user, 'Dichiarazione di residenza')
    expect(screen.getByRole('textbox', { name: /^Indirizzo di residenza/ })).toHaveValue(
      'VIA GARIBALDI, 7',
    )
    await back(user)
    await chooseAndGo(user, 'Dichiarazione di stato civile')
    expect(screen.getByRole('textbox', { name: /^Precisazioni/ })).toHaveValue('')
    // Each form was filled in by the portal once.
    expect(calls('GET', '/api/v1/self-declaration-types/residenza/prefill')).toHaveLength(1)
    expect(calls('GET', '/api/v1/self-declaration-types/stato_civile/prefill')).toHaveLength(1)
  })

  it("shows the server's refusals on their fields, family rows included", async () => {
    signIn()
    let calls = 0
    const { requests } = backEnd({
      preview: () =>
        ++calls === 1
          ? problem(422, {
              title: 'Dati non validi',
              detail: 'Alcuni campi non sono validi.',
              code: 'validation_failed',
              errors: [
                { field: 'residence_address', message: 'Campo obbligatorio.' },
                { field: 'members[1].birth_date', message: 'La data non può essere futura.' },
              ],
            })
          : json({ ...preview, table: { columns: ['Cognome'], rows: [['ROSSI']] } }),
    })
    const user = await open()
    await chooseAndGo(user, 'Dichiarazione di stato di famiglia')
    const address = await screen.findByRole('textbox', { name: /^Indirizzo di residenza/ })
    await user.clear(address)
    const table = screen.getByRole('table', { name: 'Componenti della famiglia' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    const birth = within(table).getByLabelText('Data di nascita del componente 2')
    expect(birth).toHaveValue('1987-03-04')
    await next(user)

    await vi.waitFor(() => expect(address).toHaveAttribute('aria-invalid', 'true'))
    expect(address).toHaveAccessibleDescription(/Campo obbligatorio\./)
    expect(address).toHaveFocus()
    expect(birth).toHaveAttribute('aria-invalid', 'true')
    expect(birth).toHaveAccessibleDescription('La data non può essere futura.')
    expect(screen.getByText(/correggi i campi segnalati/)).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/Passo 2/)

    // Corrected, the field's message goes; the rows go to the server as edited.
    await user.type(address, 'VIA GARIBALDI, 7')
    expect(address).not.toHaveAttribute('aria-invalid')
    await user.click(within(table).getByRole('button', { name: 'Rimuovi il componente 2' }))
    // The declarant stays: the last row cannot be removed.
    expect(within(table).getByRole('button', { name: 'Rimuovi il componente 1' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Aggiungi un componente' }))
    const surname = within(table).getByLabelText('Cognome del componente 2')
    expect(surname).toHaveFocus()
    await user.type(surname, 'ROSSI')
    await user.type(within(table).getByLabelText('Nome del componente 2'), 'LUCA')
    await user.type(within(table).getByLabelText('Data di nascita del componente 2'), '2015-05-06')
    await user.type(
      within(table).getByLabelText('Rapporto di parentela del componente 2'),
      'FIGLIO',
    )
    await next(user)
    await screen.findByRole('heading', { name: 'Passo 3: Controlla e stampa' })
    expect(screen.getByRole('table', { name: 'Componenti della famiglia' })).toHaveTextContent(
      'ROSSI',
    )
    const sent = requests.filter((r) => r.path.endsWith('/preview'))[1]?.body as {
      members: unknown[]
    }
    expect(sent.members).toEqual([
      {
        surname: 'ROSSI',
        name: 'MARIO',
        birth_date: '1985-12-10',
        birth_place: 'ROMA (RM)',
        relationship: 'INTESTATARIO SCHEDA',
      },
      {
        surname: 'ROSSI',
        name: 'LUCA',
        birth_date: '2015-05-06',
        birth_place: '',
        relationship: 'FIGLIO',
      },
    ])
  })

  it('prints once: a retry after a lost answer repeats the key, a refusal gets a new one', async () => {
    signIn()
    let calls = 0
    const { keys } = backEnd({
      create: () =>
        ++calls === 1
          ? problem(503, { detail: 'Servizio momentaneamente non disponibile.' })
          : calls === 2
            ? problem(409, { detail: 'Richiesta già in corso.' })
            : json(declaration, 201),
    })
    const user = await open()
    await chooseAndGo(user, 'Dichiarazione di residenza')
    await screen.findByRole('textbox', { name: 'Cognome' })
    await next(user)
    await screen.findByRole('heading', { name: 'Passo 3: Controlla e stampa' })
    await user.click(screen.getByRole('button', { name: 'Stampa' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Non è stato possibile creare l'autocertificazione.",
    )
    await user.click(screen.getByRole('button', { name: 'Stampa' }))
    await screen.findByText('Richiesta già in corso.')
    await user.click(screen.getByRole('button', { name: 'Stampa' }))
    await screen.findByRole('heading', { name: 'Scegli come ottenerla' })
    expect(keys).toHaveLength(3)
    expect(keys[0]).toMatch(UUID)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).toMatch(UUID)
    expect(keys[2]).not.toBe(keys[0])
  })
})

describe('new self-declaration for a citizen who is not resident', () => {
  it('says so, and sends what the declarant typed', async () => {
    signIn()
    const { calls } = backEnd({ draft: nonResidentDraft })
    const user = await open()
    await chooseAndGo(user, 'Dichiarazione di residenza')
    expect(await screen.findByText('Non risulti residente in questo Comune')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Cognome' })).toHaveValue('VERDI')
    expect(screen.getByRole('textbox', { name: 'Cognome' })).toHaveAccessibleDescription(
      /dal tuo profilo verificato allo sportello/,
    )
    const municipality = screen.getByRole('textbox', { name: /^Comune di residenza/ })
    expect(municipality).toHaveValue('')
    expect(municipality).not.toHaveAccessibleDescription(/dato dell'anagrafe/)
    await user.type(municipality, 'TORINO')
    await user.type(
      screen.getByRole('textbox', { name: /^Indirizzo di residenza/ }),
      'CORSO FRANCIA, 1',
    )
    await next(user)
    await screen.findByRole('heading', { name: 'Passo 3: Controlla e stampa' })
    expect(calls('POST', '/api/v1/self-declarations/preview')[0]?.body).toEqual({
      type: 'residenza',
      values: { residence_municipality: 'TORINO', residence_address: 'CORSO FRANCIA, 1' },
      members: [],
    })
  })
})

describe('new affidavit (art. 47)', () => {
  it('counts the characters of the facts and reminds to attach an identity document', async () => {
    signIn()
    const { calls } = backEnd()
    const user = await open('/autocertificazioni/nuova?tipo=atto_notorio')
    expect(
      screen.getByRole('radio', { name: "Dichiarazione sostitutiva dell'atto di notorietà" }),
    ).toBeChecked()
    await next(user)
    const facts = await screen.findByRole('textbox', { name: /^Fatti, stati e qualità/ })
    expect(facts).toHaveAttribute('maxlength', '4000')
    await user.type(facts, 'Che il veicolo è custodito presso la mia abitazione.')
    expect(facts).toHaveAccessibleDescription(/52 caratteri su 4000/)
    await next(user)
    await screen.findByRole('heading', { name: 'Passo 3: Controlla e stampa' })
    expect(calls('POST', '/api/v1/self-declarations/preview')[0]?.body).toMatchObject({
      type: 'atto_notorio',
      values: { facts: 'Che il veicolo è custodito presso la mia abitazione.' },
    })
    expect(
      screen.getByText(/allegare anche copia del documento d'identità del firmatario/),
    ).toBeInTheDocument()
  })
})
