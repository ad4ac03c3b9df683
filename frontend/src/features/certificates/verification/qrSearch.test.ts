import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { decodePng } from '@/test/png'
import fixture from './fixtures/certificate-page-100dpi.json'
import { parseVerificationLink } from './qrLink'
import { binarize, negative, type Pixels, type QrReader, resize, searchQr } from './qrSearch'
import { verifySeal } from './seal'

/** Page 1 of a real certificate as a 100-dpi scan gives it (see the fixture's `made`). */
const page = decodePng(
  readFileSync(join(import.meta.dirname, 'fixtures', 'certificate-page-100dpi.png')),
)

const readWithJsQr: QrReader = (image, invert) =>
  jsQR(image.data, image.width, image.height, {
    inversionAttempts: invert ? 'attemptBoth' : 'dontInvert',
  })?.data ?? null

describe('reading the QR of a scanned certificate page', () => {
  it('is a picture jsQR alone cannot read: 2-pixel modules among lines of text', () => {
    expect(page.width).toBe(827)
    expect(page.height).toBe(1170)
    expect(readWithJsQr(page, true)).toBeNull()
  })

  it('finds the QR, whose link carries a seal the published key verifies', async () => {
    const text = await searchQr(page, readWithJsQr)
    expect(text).toBe(fixture.verify_url)
    const link = parseVerificationLink(text ?? '')
    expect(link?.id).toBe(fixture.id)
    const verdict = await verifySeal(link?.seal ?? '', fixture.keys, fixture.id)
    expect(verdict.valid && verdict.claims).toMatchObject({
      id: fixture.id,
      type: fixture.type,
      surname: fixture.surname,
      name: fixture.name,
    })
  })

  it('finds it in a negative of the page, and in a piece when the whole page gives nothing', async () => {
    expect(await searchQr(negative(page), readWithJsQr)).toBe(fixture.verify_url)

    // A reader that sees nothing in the three whole-page attempts: a piece has it.
    let attempts = 0
    const late: QrReader = (image, invert) => (++attempts <= 3 ? null : readWithJsQr(image, invert))
    expect(await searchQr(page, late)).toBe(fixture.verify_url)
    expect(attempts).toBeGreaterThan(3)
  })

  it('gives up with null on a page without a QR, after trying every way once', async () => {
    const blank: Pixels = {
      data: new Uint8ClampedArray(400 * 300 * 4).fill(255),
      width: 400,
      height: 300,
    }
    const sizes = new Set<string>()
    let attempts = 0
    let pauses = 0
    const read: QrReader = (image, invert) => {
      attempts++
      sizes.add(`${image.width}x${image.height}`)
      return readWithJsQr(image, invert)
    }
    expect(await searchQr(blank, read, async () => void pauses++)).toBeNull()
    // As it is, enlarged, and pieces of two sizes.
    expect([...sizes]).toEqual(expect.arrayContaining(['400x300', '800x600']))
    expect(sizes.size).toBeGreaterThanOrEqual(4)
    expect(pauses).toBe(attempts)
  })
})

describe('the picture operations', () => {
  const square: Pixels = {
    // 2×2: black, white / white, black.
    data: new Uint8ClampedArray([
      0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255,
    ]),
    width: 2,
    height: 2,
  }

  it('resizes keeping the corners and blending in between', () => {
    const large = resize(square, 2)
    expect([large.width, large.height]).toEqual([4, 4])
    expect(large.data[0]).toBe(0)
    expect(large.data[(4 * 4 - 1) * 4]).toBe(0)
    expect(large.data[(0 * 4 + 3) * 4]).toBe(255)
    expect(large.data[(1 * 4 + 1) * 4]).toBeGreaterThan(0)
    expect(large.data[(1 * 4 + 1) * 4]).toBeLessThan(255)
  })

  it('splits greys at the threshold between the two tones, and inverts', () => {
    const greys: Pixels = {
      data: new Uint8ClampedArray([
        40, 40, 40, 255, 90, 90, 90, 255, 170, 170, 170, 255, 220, 220, 220, 255,
      ]),
      width: 4,
      height: 1,
    }
    expect(Array.from(binarize(greys).data.filter((_, i) => i % 4 === 0))).toEqual([0, 0, 255, 255])
    expect(Array.from(negative(square).data.slice(0, 4))).toEqual([255, 255, 255, 255])
  })
})
