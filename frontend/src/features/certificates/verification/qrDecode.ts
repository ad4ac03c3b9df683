// Reading QR codes from pixels. jsQR is loaded only when a person starts a scan: most
// visitors of the verification pages type the ID or arrive from the QR itself.

/** Photos from phones are large; a QR stays readable at this size and decodes faster. */
const MAX_IMAGE_SIDE = 1600

async function decodePixels(image: ImageData, thorough: boolean): Promise<string | null> {
  const { default: jsQR } = await import('jsqr')
  const code = jsQR(image.data, image.width, image.height, {
    inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert',
  })
  return code?.data ?? null
}

function draw(
  canvas: HTMLCanvasElement,
  source: CanvasImageSource,
  width: number,
  height: number,
): ImageData | null {
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(width, height))
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
  const image = draw(canvas, video, video.videoWidth, video.videoHeight)
  return image ? decodePixels(image, false) : null
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

/** The text of the QR code in a photo or scan; null when none is readable. */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const { source, width, height } = await loadImage(file)
  const image = draw(document.createElement('canvas'), source, width, height)
  return image ? decodePixels(image, true) : null
}
