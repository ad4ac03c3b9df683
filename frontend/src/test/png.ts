// Reads a PNG file into RGBA pixels, as a canvas would give them, for tests that run in
// Node (jsdom has no canvas). Only what scanners and pdftoppm write: 8-bit grey, grey
// with alpha, RGB or RGBA, not interlaced.
import { inflateSync } from 'node:zlib'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Colour type → samples per pixel. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 }

export interface RgbaImage {
  data: Uint8ClampedArray
  width: number
  height: number
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft
  const toLeft = Math.abs(estimate - left)
  const toUp = Math.abs(estimate - up)
  const toUpLeft = Math.abs(estimate - upLeft)
  if (toLeft <= toUp && toLeft <= toUpLeft) return left
  return toUp <= toUpLeft ? up : upLeft
}

export function decodePng(file: Uint8Array): RgbaImage {
  if (SIGNATURE.some((byte, i) => file[i] !== byte)) throw new Error('not a PNG file')
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  let width = 0
  let height = 0
  let channels = 0
  const compressed: Uint8Array[] = []
  for (let at = 8; at < file.length;) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8))
    const body = file.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = view.getUint32(at + 8)
      height = view.getUint32(at + 12)
      const [depth, colour, , , interlace] = body.subarray(8, 13)
      channels = CHANNELS[colour ?? -1] ?? 0
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(
          `unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`,
        )
    } else if (type === 'IDAT') {
      compressed.push(body)
    } else if (type === 'IEND') {
      break
    }
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(compressed))
  const stride = width * channels
  const samples = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    if (filter === undefined || filter > 4) throw new Error(`unknown PNG filter ${filter}`)
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? samples[y * stride + x - channels]! : 0
      const up = y > 0 ? samples[(y - 1) * stride + x]! : 0
      const upLeft = x >= channels && y > 0 ? samples[(y - 1) * stride + x - channels]! : 0
      const predicted =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? Math.floor((left + up) / 2)
                : paeth(left, up, upLeft)
      samples[y * stride + x] = (line[x]! + predicted) & 0xff
    }
  }
  const data = new Uint8ClampedArray(width * height * 4)
  for (let pixel = 0; pixel < width * height; pixel++) {
    const s = pixel * channels
    const grey = channels <= 2
    data[pixel * 4] = samples[s]!
    data[pixel * 4 + 1] = grey ? samples[s]! : samples[s + 1]!
    data[pixel * 4 + 2] = grey ? samples[s]! : samples[s + 2]!
    data[pixel * 4 + 3] = channels === 2 ? samples[s + 1]! : channels === 4 ? samples[s + 3]! : 255
  }
  return { data, width, height }
}
