// Finding a certificate's QR in a photo or a scan of the whole page. jsQR reads a code
// whose modules are a few pixels wide and that fills a good part of the picture; on a
// page scanned at 100 dpi the stamp's modules are about 2 pixels wide and the code is a
// small square among lines of text, and jsQR finds nothing. So the picture is tried as
// it is, then enlarged, then piece by piece (each piece enlarged), and the pieces also
// reduced to black and white with one threshold for the piece: what a scanner's soft
// greys or a photo's uneven light hide from jsQR's own local threshold.

/** Pixels as a canvas gives them: RGBA, row by row. */
export interface Pixels {
  data: Uint8ClampedArray
  width: number
  height: number
}

/** Reads one QR in the pixels; `invert` also tries light modules on a dark ground. */
export type QrReader = (image: Pixels, invert: boolean) => string | null

/** The picture is first tried at most this large: enough for a QR that fills a good part. */
const NORMAL_SIDE = 1600
/** Larger pictures only cost time; callers give pictures at most this large. */
export const MAX_SIDE = 2400
/** A piece is enlarged at least until its longer side reaches this. */
const PIECE_SIDE = 1200

/** The picture resized by `factor`, with bilinear interpolation (what a canvas does). */
export function resize(image: Pixels, factor: number): Pixels {
  const width = Math.max(1, Math.round(image.width * factor))
  const height = Math.max(1, Math.round(image.height * factor))
  const out = new Uint8ClampedArray(width * height * 4)
  const { data, width: sourceWidth, height: sourceHeight } = image
  for (let y = 0; y < height; y++) {
    const sy = Math.min(sourceHeight - 1, Math.max(0, (y + 0.5) / factor - 0.5))
    const y0 = Math.floor(sy)
    const y1 = Math.min(sourceHeight - 1, y0 + 1)
    const fy = sy - y0
    for (let x = 0; x < width; x++) {
      const sx = Math.min(sourceWidth - 1, Math.max(0, (x + 0.5) / factor - 0.5))
      const x0 = Math.floor(sx)
      const x1 = Math.min(sourceWidth - 1, x0 + 1)
      const fx = sx - x0
      const a = (y0 * sourceWidth + x0) * 4
      const b = (y0 * sourceWidth + x1) * 4
      const c = (y1 * sourceWidth + x0) * 4
      const d = (y1 * sourceWidth + x1) * 4
      const o = (y * width + x) * 4
      for (let channel = 0; channel < 4; channel++) {
        const top = data[a + channel]! * (1 - fx) + data[b + channel]! * fx
        const bottom = data[c + channel]! * (1 - fx) + data[d + channel]! * fx
        out[o + channel] = top * (1 - fy) + bottom * fy
      }
    }
  }
  return { data: out, width, height }
}

/** The rectangle `[left, top, width, height]` of the picture. */
export function crop(image: Pixels, left: number, top: number, width: number, height: number) {
  const out = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    const start = ((top + y) * image.width + left) * 4
    out.set(image.data.subarray(start, start + width * 4), y * width * 4)
  }
  return { data: out, width, height }
}

function luminance(data: Uint8ClampedArray, pixel: number): number {
  return (data[pixel]! * 299 + data[pixel + 1]! * 587 + data[pixel + 2]! * 114) / 1000
}

/** Black and white, split at the threshold that best separates the picture's two tones (Otsu). */
export function binarize(image: Pixels): Pixels {
  const count = image.width * image.height
  const histogram = new Array<number>(256).fill(0)
  const grey = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    grey[i] = Math.round(luminance(image.data, i * 4))
    histogram[grey[i]!]!++
  }
  let total = 0
  for (let level = 0; level < 256; level++) total += level * histogram[level]!
  let darkCount = 0
  let darkSum = 0
  let best = 0
  let threshold = 128
  for (let level = 0; level < 256; level++) {
    darkCount += histogram[level]!
    if (darkCount === 0) continue
    const lightCount = count - darkCount
    if (lightCount === 0) break
    darkSum += level * histogram[level]!
    const difference = darkSum / darkCount - (total - darkSum) / lightCount
    const between = darkCount * lightCount * difference * difference
    if (between > best) {
      best = between
      threshold = level
    }
  }
  const out = new Uint8ClampedArray(count * 4)
  for (let i = 0; i < count; i++) {
    const value = grey[i]! <= threshold ? 0 : 255
    out[i * 4] = value
    out[i * 4 + 1] = value
    out[i * 4 + 2] = value
    out[i * 4 + 3] = 255
  }
  return { data: out, width: image.width, height: image.height }
}

/** One way of looking at the picture, made only when its turn comes. */
interface View {
  make: () => Pixels
  invert: boolean
}

/**
 * Overlapping pieces, `across` by `across`, each twice the step: a QR that falls on a
 * boundary of one grid lies whole inside a piece of the same grid.
 */
function pieces(image: Pixels, across: number): View[] {
  const width = Math.floor((2 * image.width) / (across + 1))
  const height = Math.floor((2 * image.height) / (across + 1))
  const views: View[] = []
  for (let row = 0; row < across; row++) {
    for (let column = 0; column < across; column++) {
      const left = Math.round((column * (image.width - width)) / Math.max(1, across - 1))
      const top = Math.round((row * (image.height - height)) / Math.max(1, across - 1))
      const piece = once(() => {
        const cut = crop(image, left, top, width, height)
        // At least doubled (a scan's 2-pixel modules need it), within the largest side.
        const longer = Math.max(width, height)
        const factor = Math.min(MAX_SIDE / longer, Math.max(2, PIECE_SIDE / longer))
        return factor > 1 ? resize(cut, factor) : cut
      })
      views.push({ make: piece, invert: false })
      views.push({ make: () => binarize(piece()), invert: false })
    }
  }
  return views
}

/** The negative, for a picture that is mostly dark: a QR printed light on dark. */
export function negative(image: Pixels): Pixels {
  const out = new Uint8ClampedArray(image.data)
  for (let i = 0; i < out.length; i += 4) {
    out[i] = 255 - out[i]!
    out[i + 1] = 255 - out[i + 1]!
    out[i + 2] = 255 - out[i + 2]!
  }
  return { data: out, width: image.width, height: image.height }
}

/** Dark paper with light print: the average pixel is darker than mid grey. */
function mostlyDark(image: Pixels): boolean {
  let sum = 0
  const count = image.width * image.height
  for (let i = 0; i < count; i++) sum += luminance(image.data, i * 4)
  return sum / count < 128
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

/** The ways tried, cheapest and likeliest first. */
function views(picture: Pixels): View[] {
  // jsQR's own threshold treats even areas as light ground: a negative must be turned back.
  const image = mostlyDark(picture) ? negative(picture) : picture
  const side = Math.max(image.width, image.height)
  const normal = once(() => (side > NORMAL_SIDE ? resize(image, NORMAL_SIDE / side) : image))
  const large = () => (side > NORMAL_SIDE ? image : resize(image, Math.min(2, MAX_SIDE / side)))
  return [
    { make: normal, invert: true },
    { make: large, invert: true },
    { make: () => binarize(normal()), invert: false },
    ...pieces(image, 2),
    ...pieces(image, 3),
  ]
}

/**
 * The text of the first QR found in the picture, or null. Between two attempts it gives
 * the page a moment (`pause`), so that a long search does not freeze it.
 */
export async function searchQr(
  image: Pixels,
  read: QrReader,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<string | null> {
  for (const view of views(image)) {
    const text = read(view.make(), view.invert)
    if (text !== null) return text
    await pause()
  }
  return null
}
