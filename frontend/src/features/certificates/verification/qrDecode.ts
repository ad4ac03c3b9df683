// Reading QR codes from pixels. jsQR is loaded only when a person starts a scan: most
// visitors of the verification pages type the ID or arrive from the QR itself.
import { MAX_SIDE, searchQr, type Pixels, type QrReader } from './qrSearch'

/** Camera frames are read a few times a second: one quick attempt each, at this size. */
const MAX_FRAME_SIDE = 1600

async function loadReader(): Promise<QrReader> {
  const { default: jsQR } = await import('jsqr')
  return (image, invert) =>
    jsQR(image.data, image.width, image.height, {
      inversionAttempts: invert ? 'attemptBoth' : 'dontInvert',
    })?.data ?? null
}

function draw(
  canvas: HTMLCanvasElement,
  source: CanvasImageSource,
  width: number,
  height: number,
  maxSide: number,
): Pixels | null {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  canvas.width = Math.max(1, Math.round(width * scale))
  canvas.height = Math.max(1, Math.round(height * scale))
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return null
  context.drawImage(source, 0, 0, canvas.width, canvas.height)
  return context.getImageData(0, 0, canvas.width, canvas.height)
}

/** The text of the QR code in the video's current frame, if one is readable. */
export async function decodeVideoFrame(
  video: HTMLVideoElement,
  canvas: HTMLCanvasElement,
): Promise<string | null> {
  if (video.readyState < video.HAVE_CURRENT_DATA || video.videoWidth === 0) return null
  const image = draw(canvas, video, video.videoWidth, video.videoHeight, MAX_FRAME_SIDE)
  return image ? (await loadReader())(image, false) : null
}

async function loadImage(
  file: Blob,
): Promise<{ source: CanvasImageSource; width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file)
    return { source: bitmap, width: bitmap.width, height: bitmap.height }
  }
  const url = URL.createObjectURL(file)
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    return { source: image, width: image.naturalWidth, height: image.naturalHeight }
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** A moment for the page to repaint between two attempts of a long search. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * The text of the QR code in a photo or scan; null when none is readable. A whole page
 * scanned at 100 dpi is read too: the search enlarges it and looks at it piece by piece.
 */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const { source, width, height } = await loadImage(file)
  const image = draw(document.createElement('canvas'), source, width, height, MAX_SIDE)
  return image ? searchQr(image, await loadReader(), breathe) : null
}
