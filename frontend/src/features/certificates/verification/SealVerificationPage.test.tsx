import { screen, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { json, mockApi } from '@/test/mockApi'
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

function backEnd(signers: TestSigner[], answer: Partial<typeof status> = {}) {
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

describe('verification from the QR code', () => {
  it("checks the seal in the browser, shows what it says, then asks the archive for the certificate's status", async () => {
    const signer = await makeSigner('seal-2026-01')
    const { requests } = backEnd([signer])
    openFromQr(await signer.seal())

    const seal = await screen.findByRole('region', { name: 'Timbro digitale' })
    expect(within(seal).getByText('Timbro digitale autentico')).toBeInTheDocument()
    expect(value(seal, 'Comune emittente (codice ISTAT)')).toBe('099999')
    expect(value(seal, 'Id del certificato')).toBe(ID)
    // The code the seal signs, named from the public catalogue.
    await within(seal).findByText('(residenza)')
    expect(value(seal, 'Tipo di certificato')).toBe('Certificato di residenza (residenza)')
    expect(value(seal, 'Cognome')).toBe('ROSSI')
    expect(value(seal, 'Nome')).toBe('MARIO')
    expect(value(seal, 'Data di emissione')).toBe('20 novembre 2026')
    const hash = toHex(DOCUMENT_HASH)
    expect(value(seal, 'Impronta del documento (SHA-256)')).toBe(
      `${hash.slice(0, 8)}…${hash.slice(-8)}`,
    )
    expect(value(seal, 'Chiave di firma')).toBe('seal-2026-01 (chiave in uso)')

    const result = await screen.findByRole('region', { name: 'Esito della verifica' })
    expect(await within(result).findByText('Certificato valido')).toBeInTheDocument()
    expect(result).toHaveTextContent('Certificato di residenza')
    expect(
      within(result).getByRole('button', { name: 'Documento con Firma Digitale' }),
    ).toBeVisible()
    expect(within(result).queryByRole('alert')).toBeNull()

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

  it('warns when the archived document is not the one the seal describes', async () => {
    const signer = await makeSigner()
    backEnd([signer], { content_sha256: 'cd'.repeat(32) })
    openFromQr(await signer.seal())
    const result = await screen.findByRole('region', { name: 'Esito della verifica' })
    expect(await within(result).findByRole('alert')).toHaveTextContent(
      "L'impronta riportata nel timbro non corrisponde",
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
    expect(screen.getByRole('textbox', { name: /^Id/ })).toHaveValue(ID)
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
