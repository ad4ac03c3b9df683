import { screen, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { SealVerificationPage } from './pages/SealVerificationPage'
import { decodeBase64Url, toHex } from './seal'
import { base64Url, DOCUMENT_HASH, makeSigner, type TestSigner } from './sealFixture'

const ID = '7KQF-9XMA-2R4D-HV0C'
const KEYS = 'GET /api/v1/signing-keys'
const VERIFY = 'GET /api/v1/verify'
const TYPES = 'GET /api/v1/certificate-types'

const status = {
  valid: true,
  status: 'valid',
  id: ID,
  type: 'residenza',
  type_name: 'Certificato di residenza',
  issued_at: '2026-11-20T09:32:00Z',
  valid_until: '2027-05-20',
  subject_surname: 'ROSSI',
  subject_name: 'MARIO',
  content_sha256: toHex(DOCUMENT_HASH),
  pdf_sha256: 'ef'.repeat(32),
  signing_key_id: 'seal-2026-01',
}

function backEnd(signers: TestSigner[], answer: Record<string, unknown> = {}) {
  return mockApi({
    [KEYS]: () => json({ keys: signers.map((s) => s.key) }),
    [VERIFY]: () => json({ ...status, ...answer }),
    [TYPES]: () => json({ items: [{ code: 'residenza', name: 'Certificato di residenza' }] }),
  })
}

function openFromQr(seal: string, id = ID) {
  return renderWithProviders(
    <Routes>
      <Route path="/verifica/:id" element={<SealVerificationPage />} />
    </Routes>,
    `/verifica/${id}#${seal}`,
  )
}

function value(region: HTMLElement, term: string) {
  return within(region).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent
}

/**
 * The first thing after the page title that speaks: a heading, an alert or a status, in
 * the order of the page (which is the order it is read in and, in one column, seen in).
 */
function firstSignal(): Element | undefined {
  return document.querySelectorAll('h2, h3, h4, h5, h6, [role="alert"], [role="status"]')[0]
}

/** The verdict region, once it says `title`; checks that it is what the page says first. */
async function verdictSaying(title: string) {
  const verdict = await screen.findByRole('region', { name: 'Esito della verifica' })
  await within(verdict).findByRole('heading', { level: 2, name: title })
  expect(verdict.contains(firstSignal() ?? null)).toBe(true)
  return verdict
}

/** Whatever comes after `first` in the page. */
function follows(first: Element, second: Element) {
  return Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING)
}

describe('the verdict comes first, on the certificate as a whole', () => {
  it('valid: green, with the validity and the seal checked, before the details', async () => {
    const signer = await makeSigner('seal-2026-01')
    backEnd([signer])
    openFromQr(await signer.seal())

    const verdict = await verdictSaying('Certificato valido')
    expect(verdict.querySelector('.alert')).toHaveClass('alert-success')
    expect(verdict).toHaveTextContent('valido fino al 20 maggio 2027')
    expect(verdict).toHaveTextContent('Il timbro digitale è autentico')
    const seal = screen.getByRole('region', { name: 'Timbro digitale' })
    const record = screen.getByRole('region', { name: "Il certificato nell'archivio del Comune" })
    expect(follows(verdict, seal) && follows(seal, record)).toBe(true)
    // The one green box is the verdict.
    expect(document.querySelectorAll('.alert-success')).toHaveLength(1)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('revoked: red, with the date of the revocation and the reason kept by the office', async () => {
    const signer = await makeSigner()
    backEnd([signer], {
      valid: false,
      status: 'revoked',
      revoked_at: '2026-12-03T11:15:00Z',
    })
    openFromQr(await signer.seal())

    const verdict = await verdictSaying('Certificato revocato')
    expect(within(verdict).getByRole('alert')).toHaveClass('alert-danger')
    expect(verdict).toHaveTextContent(/revocato dal Comune il 3 dicembre 2026 .*non ha più valore/)
    expect(verdict).toHaveTextContent(
      "Il motivo della revoca è agli atti dell'Ufficio Servizi Demografici",
    )
    expect(document.querySelector('.alert-success')).toBeNull()
    // Not "valid until" as if it were: when it was revoked instead.
    expect(screen.queryByText('Valido fino al')).toBeNull()
    const record = screen.getByRole('region', { name: "Il certificato nell'archivio del Comune" })
    expect(value(record, 'Revocato il')).toMatch(/^3 dicembre 2026/)
  })

  it('expired: red, with the day its validity ended', async () => {
    const signer = await makeSigner()
    backEnd([signer], { valid: false, status: 'expired', valid_until: '2026-05-20' })
    openFromQr(await signer.seal())

    const verdict = await verdictSaying('Certificato scaduto')
    expect(within(verdict).getByRole('alert')).toHaveClass('alert-danger')
    expect(verdict).toHaveTextContent('la sua validità è terminata il 20 maggio 2026')
    expect(document.querySelector('.alert-success')).toBeNull()
    expect(screen.queryByText('Valido fino al')).toBeNull()
    const record = screen.getByRole('region', { name: "Il certificato nell'archivio del Comune" })
    expect(value(record, 'Validità terminata il')).toBe('20 maggio 2026')
  })

  it('a document other than the sealed one: red, whatever the archive says of it', async () => {
    const signer = await makeSigner()
    backEnd([signer], { content_sha256: 'cd'.repeat(32) })
    openFromQr(await signer.seal())

    const verdict = await verdictSaying('Certificato non corrispondente')
    expect(within(verdict).getByRole('alert')).toHaveTextContent(
      "L'impronta riportata nel timbro digitale non corrisponde",
    )
    expect(document.querySelector('.alert-success')).toBeNull()
    expect(screen.queryByText('Certificato valido')).toBeNull()
  })

  it('a forged seal: red, and nothing of what it claims', async () => {
    const signer = await makeSigner()
    const forger = await makeSigner('seal-2026-01')
    backEnd([signer])
    openFromQr(await forger.seal())

    const verdict = await verdictSaying('Timbro non valido')
    expect(within(verdict).getByRole('alert')).toHaveTextContent(
      'La firma del timbro non corrisponde al suo contenuto',
    )
    expect(document.querySelector('.alert-success')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Timbro digitale' })).toBeNull()
  })

  it('while the archive has not answered, it says the certificate is being checked, never valid', async () => {
    const signer = await makeSigner()
    mockApi({
      [KEYS]: () => json({ keys: [signer.key] }),
      [VERIFY]: () => new Promise<Response>(() => undefined),
      [TYPES]: () => json({ items: [] }),
    })
    openFromQr(await signer.seal())

    const verdict = await verdictSaying('Verifica in corso')
    // The seal checked, the archive asked: still checking.
    await vi.waitFor(() =>
      expect(verdict).toHaveTextContent(
        "Verifica del certificato nell'archivio del Comune in corso…",
      ),
    )
    expect(screen.getByRole('region', { name: 'Timbro digitale' })).toBeVisible()
    expect(verdict.querySelector('.alert')).toHaveClass('alert-info')
    expect(document.querySelector('.alert-success')).toBeNull()
    expect(screen.queryByText('Certificato valido')).toBeNull()
  })

  it('a genuine seal the archive does not know: red, not found', async () => {
    const signer = await makeSigner()
    mockApi({
      [KEYS]: () => json({ keys: [signer.key] }),
      [VERIFY]: () => problem(404, { detail: 'Certificato non trovato.', code: 'not_found' }),
      [TYPES]: () => json({ items: [] }),
    })
    openFromQr(await signer.seal())

    const verdict = await verdictSaying('Certificato non trovato')
    expect(within(verdict).getByRole('alert')).toHaveTextContent(
      "Nell'archivio del Comune non risulta il certificato indicato dal timbro digitale.",
    )
  })
})

describe('verification from the QR code', () => {
  it("checks the seal in the browser, shows what it says, then asks the archive for the certificate's status", async () => {
    const signer = await makeSigner('seal-2026-01')
    const { requests } = backEnd([signer])
    openFromQr(await signer.seal())

    await verdictSaying('Certificato valido')
    const seal = screen.getByRole('region', { name: 'Timbro digitale' })
    expect(value(seal, 'Comune emittente (codice ISTAT)')).toBe('099999')
    expect(value(seal, 'Identificativo del certificato')).toBe(ID)
    // The code the seal signs is for machines: people read its name, from the public catalogue.
    await within(seal).findByText('Certificato di residenza')
    expect(value(seal, 'Tipo di certificato')).toBe('Certificato di residenza')
    expect(document.body).not.toHaveTextContent('(residenza)')
    expect(value(seal, 'Cognome')).toBe('ROSSI')
    expect(value(seal, 'Nome')).toBe('MARIO')
    expect(value(seal, 'Data di emissione')).toBe('20 novembre 2026')
    const hash = toHex(DOCUMENT_HASH)
    expect(value(seal, 'Impronta del documento (SHA-256)')).toBe(
      `${hash.slice(0, 8)}…${hash.slice(-8)}`,
    )
    expect(value(seal, 'Chiave di firma')).toBe('seal-2026-01 (chiave in uso)')

    const record = screen.getByRole('region', { name: "Il certificato nell'archivio del Comune" })
    expect(value(record, 'Tipo di certificato')).toBe('Certificato di residenza')
    expect(value(record, 'Valido fino al')).toBe('20 maggio 2027')
    expect(
      within(record).getByRole('button', { name: 'Documento con Firma Digitale' }),
    ).toBeVisible()

    const check = requests.find((r) => r.path === '/api/v1/verify')
    expect(Object.fromEntries(new URLSearchParams(check?.query))).toEqual({
      id: ID,
      surname: 'ROSSI',
      name: 'MARIO',
    })
  })

  it('says when a retired key signed the seal', async () => {
    const current = await makeSigner('seal-2026-02')
    const retired = await makeSigner('seal-2026-01', 'retired')
    backEnd([current, retired])
    openFromQr(await retired.seal())
    const seal = await screen.findByRole('region', { name: 'Timbro digitale' })
    expect(value(seal, 'Chiave di firma')).toBe(
      'seal-2026-01 (chiave ritirata il 30 giugno 2026, valida per i certificati già emessi)',
    )
  })

  it('calls an altered seal invalid and shows none of its claims', async () => {
    const signer = await makeSigner()
    const bytes = decodeBase64Url(await signer.seal({ sn: 'ROSSI', gn: 'MARIO' }))
    const at = bytes.findIndex((_, i) => String.fromCharCode(...bytes.slice(i, i + 5)) === 'ROSSI')
    bytes.set(new TextEncoder().encode('VERDI'), at)
    const { requests } = backEnd([signer])
    openFromQr(base64Url(bytes))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveClass('alert-danger')
    expect(alert).toHaveTextContent('Timbro non valido')
    expect(alert).toHaveTextContent('è stato alterato o contraffatto')
    expect(screen.queryByText('VERDI')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Timbro digitale' })).toBeNull()
    // The archive is not asked about names the seal cannot vouch for.
    expect(requests.filter((r) => r.path === '/api/v1/verify')).toHaveLength(0)
    // The person can still check by hand, with the ID of the address.
    expect(screen.getByRole('textbox', { name: /^Identificativo del certificato/ })).toHaveValue(ID)
  })

  it('calls a seal signed by an unknown key invalid', async () => {
    const published = await makeSigner('seal-2026-01')
    const stranger = await makeSigner('other-2026')
    backEnd([published])
    openFromQr(await stranger.seal())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Timbro non valido')
    expect(alert).toHaveTextContent('Il timbro non è firmato con una chiave del Comune.')
  })

  it("calls a genuine seal invalid when it belongs to another certificate than the address's", async () => {
    const signer = await makeSigner()
    backEnd([signer])
    openFromQr(await signer.seal({ id: 'AAAA-BBBB-CCCC-DDDD' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Timbro non valido')
    expect(alert).toHaveTextContent('appartiene a un certificato diverso')
    expect(screen.queryByText('AAAA-BBBB-CCCC-DDDD')).toBeNull()
  })
})
