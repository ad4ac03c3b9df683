import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { SealVerificationPage } from './pages/SealVerificationPage'
import { VerifyPage } from './pages/VerifyPage'

const decoder = vi.hoisted(() => ({
  decodeVideoFrame: vi.fn<() => Promise<string | null>>(),
  decodeImageFile: vi.fn<() => Promise<string | null>>(),
}))
vi.mock('./qrDecode', () => decoder)

const VERIFY = 'GET /api/v1/verify'
const PDF = 'GET /api/v1/verify/7KQF-9XMA-2R4D-HV0C/pdf'

const validStatus = {
  valid: true,
  status: 'valid',
  id: '7KQF-9XMA-2R4D-HV0C',
  type: 'residenza',
  type_name: 'Certificato di residenza',
  issued_at: '2026-11-20T09:32:00Z',
  valid_until: '2027-05-20',
  subject_surname: 'ROSSI',
  subject_name: 'MARIO',
  content_sha256: 'ab'.repeat(32),
  pdf_sha256: 'ef'.repeat(32),
  signing_key_id: 'seal-2026-01',
}

function pdf() {
  return new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="certificato-7KQF-9XMA-2R4D-HV0C.pdf"',
    },
  })
}

/** Where a scan leads: shows the address it received. */
function SealProbe() {
  const location = useLocation()
  return <p>seal page {`${location.pathname}${location.hash}`}</p>
}

function renderVerifyPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/verifica" element={<VerifyPage />} />
      <Route path="/verifica/:id" element={<SealProbe />} />
    </Routes>,
    '/verifica',
  )
}

async function fillAndSubmit(surname: string, name: string, id: string) {
  const user = userEvent.setup()
  await user.type(screen.getByRole('textbox', { name: /Cognome/ }), surname)
  await user.type(screen.getByRole('textbox', { name: /^Nome/ }), name)
  await user.type(screen.getByRole('textbox', { name: /^Identificativo del certificato/ }), id)
  await user.click(screen.getByRole('button', { name: 'Verifica' }))
  return user
}

function verifyQueries(requests: ReturnType<typeof mockApi>['requests']) {
  return requests
    .filter((r) => r.path === '/api/v1/verify')
    .map((r) => Object.fromEntries(new URLSearchParams(r.query)))
}

afterEach(() => {
  vi.restoreAllMocks()
  decoder.decodeVideoFrame.mockReset()
  decoder.decodeImageFile.mockReset()
})

/** The verdict region once it says `title`, checked to be the first heading or alert of the answer. */
async function verdictSaying(title: string) {
  const verdict = await screen.findByRole('region', { name: 'Esito della verifica' })
  const heading = await within(verdict).findByRole('heading', { level: 2, name: title })
  const first = document.querySelectorAll('h2, h3, h4, h5, h6, [role="alert"], [role="status"]')[0]
  expect(verdict.contains(first ?? null)).toBe(true)
  return { verdict, heading }
}

describe('verification by surname, name and ID (seed 001 §8.1)', () => {
  it('shows the verdict first, then what the archive holds', async () => {
    const { requests } = mockApi({ [VERIFY]: () => json(validStatus) })
    renderVerifyPage()
    expect(
      screen.getByRole('heading', { level: 1, name: 'Verifica di un certificato' }),
    ).toBeInTheDocument()

    await fillAndSubmit('Rossi', 'Mario', '7kqf-9xma-2r4d-hv0c')

    const { verdict, heading } = await verdictSaying('Certificato valido')
    expect(within(verdict).getByRole('status')).toHaveClass('alert-success')
    expect(verdict).toHaveTextContent('valido fino al 20 maggio 2027')
    // The answer appears below the form: the verdict takes the focus, to be seen and heard.
    expect(heading).toHaveFocus()
    const record = screen.getByRole('region', { name: "Il certificato nell'archivio del Comune" })
    expect(verdict.compareDocumentPosition(record) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(
      within(record).getByText('Identificativo del certificato', { selector: 'dt' }),
    ).toBeVisible()
    expect(record).toHaveTextContent('Certificato di residenza')
    expect(record).toHaveTextContent('ROSSI MARIO')
    expect(record).toHaveTextContent('Valido fino al20 maggio 2027')
    expect(
      within(record).getByRole('button', { name: 'Documento con Firma Digitale' }),
    ).toBeVisible()
    expect(
      within(record).getByRole('button', { name: /^Documento Timbrato con QRCode/ }),
    ).toBeVisible()
    expect(verifyQueries(requests)).toEqual([
      { id: '7kqf-9xma-2r4d-hv0c', surname: 'Rossi', name: 'Mario' },
    ])
  })

  it.each([
    [
      'expired',
      { status: 'expired', valid_until: '2026-05-20' },
      'Certificato scaduto',
      'la sua validità è terminata il 20 maggio 2026',
    ],
    [
      'revoked',
      { status: 'revoked', revoked_at: '2026-12-03T11:15:00Z' },
      'Certificato revocato',
      'revocato dal Comune il 3 dicembre 2026',
    ],
    [
      'in a state this page does not know',
      { status: 'superseded' },
      'Certificato non valido',
      "Il certificato non risulta valido nell'archivio del Comune.",
    ],
  ])('says first, in red, when the certificate is %s', async (_, answer, title, text) => {
    mockApi({ [VERIFY]: () => json({ ...validStatus, valid: false, ...answer }) })
    renderVerifyPage()
    await fillAndSubmit('Rossi', 'Mario', '7KQF-9XMA-2R4D-HV0C')
    const { verdict } = await verdictSaying(title)
    expect(within(verdict).getByRole('alert')).toHaveClass('alert-danger')
    expect(verdict).toHaveTextContent(text)
    expect(screen.queryByText('Certificato valido')).toBeNull()
    expect(screen.queryByText('Valido fino al')).toBeNull()
    expect(document.querySelector('.alert-success')).toBeNull()
  })

  it('answers wrong data with one message that hints at nothing', async () => {
    mockApi({
      [VERIFY]: () => problem(404, { detail: 'Certificato non trovato.', code: 'not_found' }),
    })
    renderVerifyPage()
    await fillAndSubmit('Bianchi', 'Mario', '7KQF-9XMA-2R4D-HV0C')
    const { verdict } = await verdictSaying('Certificato non trovato')
    expect(within(verdict).getByRole('alert')).toHaveTextContent(
      /^Certificato non trovatoNessun certificato corrisponde ai dati inseriti\.$/,
    )
    expect(screen.queryByRole('button', { name: 'Documento con Firma Digitale' })).toBeNull()
  })

  it('says when too many checks were made and when to try again, and asks again when told', async () => {
    let calls = 0
    const { requests } = mockApi({
      [VERIFY]: () =>
        ++calls === 1
          ? problem(429, {
              detail: 'Troppi tentativi: riprovare tra 7 minuti.',
              code: 'too_many_requests',
            })
          : json(validStatus),
    })
    renderVerifyPage()
    const user = await fillAndSubmit('Rossi', 'Mario', '7KQF-9XMA-2R4D-HV0C')
    const { verdict } = await verdictSaying('Verifica non completata')
    const alert = within(verdict).getByRole('alert')
    expect(alert).toHaveClass('alert-warning')
    expect(alert).toHaveTextContent('Sono state eseguite troppe verifiche')
    expect(alert).toHaveTextContent('riprovare tra 7 minuti')

    await user.click(screen.getByRole('button', { name: 'Verifica' }))
    expect(await screen.findByText('Certificato valido')).toBeInTheDocument()
    expect(verifyQueries(requests)).toHaveLength(2)
  })

  it('asks for every field and a well-formed ID before asking the server', async () => {
    const { requests } = mockApi()
    renderVerifyPage()
    await fillAndSubmit('Rossi', 'Mario', '7KQF-9XMA')
    const id = screen.getByRole('textbox', { name: /^Identificativo del certificato/ })
    expect(id).toHaveAttribute('aria-invalid', 'true')
    expect(id).toHaveAccessibleDescription(/16 caratteri/)
    expect(id).toHaveFocus()
    expect(verifyQueries(requests)).toHaveLength(0)
  })

  it('downloads the signed document and opens the stamped one in a new tab', async () => {
    const { requests } = mockApi({ [VERIFY]: () => json(validStatus), [PDF]: () => pdf() })
    const saved: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:certificato')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })
    const tab = { location: { href: '' }, close: vi.fn() }
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window)
    renderVerifyPage()
    const user = await fillAndSubmit('Rossi', 'Mario', '7KQF-9XMA-2R4D-HV0C')

    await user.click(await screen.findByRole('button', { name: 'Documento con Firma Digitale' }))
    await vi.waitFor(() => expect(saved).toEqual(['certificato-7KQF-9XMA-2R4D-HV0C.pdf']))

    await user.click(screen.getByRole('button', { name: /^Documento Timbrato con QRCode/ }))
    expect(open).toHaveBeenCalledWith('', '_blank')
    await vi.waitFor(() => expect(tab.location.href).toBe('blob:certificato'))

    const downloads = requests.filter((r) => r.path.endsWith('/pdf'))
    expect(downloads).toHaveLength(2)
    expect(Object.fromEntries(new URLSearchParams(downloads[0]!.query))).toEqual({
      surname: 'Rossi',
      name: 'Mario',
    })
  })
})

describe('scanning the QR code', () => {
  function fakeCamera() {
    const track = { stop: vi.fn() }
    const stream = { getTracks: () => [track] } as unknown as MediaStream
    const getUserMedia = vi.fn().mockResolvedValue(stream)
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia } })
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
    return { track, getUserMedia }
  }

  it('opens the rear camera and goes to the verification the QR links to', async () => {
    mockApi()
    const { track, getUserMedia } = fakeCamera()
    decoder.decodeVideoFrame
      .mockResolvedValueOnce(null)
      .mockResolvedValue('https://servizi.comune.example/verifica/7KQF-9XMA-2R4D-HV0C#0oRDoQEm')
    renderVerifyPage()

    await userEvent.setup().click(screen.getByRole('button', { name: 'Scansiona il QR Code' }))

    expect(
      await screen.findByText('seal page /verifica/7KQF-9XMA-2R4D-HV0C#0oRDoQEm'),
    ).toBeVisible()
    expect(getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: 'environment' },
      audio: false,
    })
    expect(track.stop).toHaveBeenCalled()
  })

  it('turns the camera off when the person leaves the page', async () => {
    mockApi()
    const { track } = fakeCamera()
    decoder.decodeVideoFrame.mockResolvedValue(null)
    const { unmount } = renderVerifyPage()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Scansiona il QR Code' }))
    expect(await screen.findByRole('button', { name: 'Interrompi la scansione' })).toBeVisible()
    expect(track.stop).not.toHaveBeenCalled()
    act(() => unmount())
    expect(track.stop).toHaveBeenCalled()
  })

  it('says what to do when the camera is refused', async () => {
    mockApi()
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: {
        getUserMedia: vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError')),
      },
    })
    renderVerifyPage()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Scansiona il QR Code' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /L'accesso alla fotocamera non è stato autorizzato/,
    )
  })

  it('says so when the device has no camera', async () => {
    mockApi()
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: {
        getUserMedia: vi.fn().mockRejectedValue(new DOMException('none', 'NotFoundError')),
      },
    })
    renderVerifyPage()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Scansiona il QR Code' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Non è stata trovata una fotocamera utilizzabile/,
    )
  })

  it('reads the QR from a chosen photo, and refuses a QR that is not a certificate', async () => {
    mockApi()
    decoder.decodeImageFile
      .mockResolvedValueOnce('https://example.org/menu')
      .mockResolvedValueOnce('https://servizi.comune.example/verifica/7KQF-9XMA-2R4D-HV0C#c2VhbA')
    renderVerifyPage()
    const user = userEvent.setup()
    const input = screen.getByLabelText('Foto o scansione del QR Code')
    const photo = new File(['png'], 'qr.png', { type: 'image/png' })

    await user.upload(input, photo)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Il QR Code letto non è il timbro digitale di un certificato.',
    )

    await user.upload(input, photo)
    expect(await screen.findByText('seal page /verifica/7KQF-9XMA-2R4D-HV0C#c2VhbA')).toBeVisible()
  })
})

describe('a verification address without a seal', () => {
  it('offers the form with the ID already filled in', () => {
    mockApi()
    renderWithProviders(
      <Routes>
        <Route path="/verifica/:id" element={<SealVerificationPage />} />
      </Routes>,
      '/verifica/7KQF-9XMA-2R4D-HV0C',
    )
    expect(screen.getByText(/L'indirizzo non contiene il timbro digitale/)).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: /^Identificativo del certificato/ })).toHaveValue(
      '7KQF-9XMA-2R4D-HV0C',
    )
    expect(screen.getByRole('textbox', { name: /Cognome/ })).toHaveValue('')
  })
})
