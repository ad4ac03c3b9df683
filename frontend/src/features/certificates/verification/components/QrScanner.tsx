import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { decodeImageFile, decodeVideoFrame } from '../qrDecode'
import { parseVerificationLink, type VerificationLink } from '../qrLink'

/** Frames are decoded a few times a second: enough to feel instant, light on a phone. */
const SCAN_INTERVAL_MS = 250

type Problem =
  | 'unsupported'
  | 'denied'
  | 'noCamera'
  | 'cameraFailed'
  | 'notACertificate'
  | 'noCode'
  | 'unreadableFile'

function cameraProblem(error: unknown): Problem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera'
  return 'cameraFailed'
}

interface QrScannerProps {
  /** Called once with the link of the first certificate QR read. */
  onLink: (link: VerificationLink) => void
}

/**
 * Reads a certificate's QR with the device's camera (the rear one where there is one), or
 * from a photo or scan chosen as a file — the way on a computer without a camera.
 */
export function QrScanner({ onLink }: QrScannerProps) {
  const { t } = useTranslation()
  const videoRef = useRef<HTMLVideoElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const streamRef = useRef<MediaStream | null>(null)
  const timerRef = useRef<number | null>(null)
  const [scanning, setScanning] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  // A whole page scanned at low resolution can take a few seconds to search.
  const [reading, setReading] = useState(false)

  const stop = useCallback(() => {
    if (timerRef.current !== null) window.clearInterval(timerRef.current)
    timerRef.current = null
    streamRef.current?.getTracks().forEach((track) => track.stop())
    streamRef.current = null
    if (videoRef.current) videoRef.current.srcObject = null
    setScanning(false)
  }, [])

  // The camera goes off when the person leaves the page, whatever the state.
  useEffect(() => stop, [stop])

  /** True when the text was a certificate's link (and the scan is over). */
  const accept = useCallback(
    (text: string | null, noneProblem: Problem) => {
      if (text === null) {
        setProblem(noneProblem)
        return false
      }
      const link = parseVerificationLink(text)
      if (!link) {
        setProblem('notACertificate')
        return false
      }
      stop()
      onLink(link)
      return true
    },
    [onLink, stop],
  )

  const start = async () => {
    setProblem(null)
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('unsupported')
      return
    }
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      })
    } catch (error) {
      setProblem(cameraProblem(error))
      return
    }
    streamRef.current = stream
    setScanning(true)
    const video = videoRef.current
    if (!video) return
    video.srcObject = stream
    try {
      await video.play()
    } catch (error) {
      stop()
      setProblem(cameraProblem(error))
      return
    }
    let busy = false
    timerRef.current = window.setInterval(() => {
      const canvas = canvasRef.current
      if (busy || !canvas || !streamRef.current) return
      busy = true
      decodeVideoFrame(video, canvas)
        .then((text) => {
          // A frame without a QR is normal while the person aims; a foreign QR is said.
          if (text !== null && streamRef.current) accept(text, 'noCode')
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false
        })
    }, SCAN_INTERVAL_MS)
  }

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setProblem(null)
    setReading(true)
    try {
      accept(await decodeImageFile(file), 'noCode')
    } catch {
      setProblem('unreadableFile')
    } finally {
      setReading(false)
    }
  }

  return (
    <div className="qr-scanner">
      <div className="d-flex flex-wrap gap-2 align-items-center">
        {scanning ? (
          <button type="button" className="btn btn-outline-primary" onClick={stop}>
            {t('verification.scan.stop')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void start()}>
            {t('verification.scan.start')}
          </button>
        )}
      </div>
      <div hidden={!scanning} className="mt-3">
        <p id="qr-scanner-help">{t('verification.scan.aim')}</p>
        <video
          ref={videoRef}
          className="qr-scanner-video"
          muted
          playsInline
          aria-describedby="qr-scanner-help"
          aria-label={t('verification.scan.videoLabel')}
          style={{ maxWidth: '100%', maxHeight: '60vh' }}
        />
        <canvas ref={canvasRef} hidden />
      </div>
      <div className="form-group mt-4">
        <label htmlFor="qr-file" className="active">
          {t('verification.scan.fileLabel')}
        </label>
        <input
          id="qr-file"
          type="file"
          accept="image/*"
          className="form-control"
          aria-describedby="qr-file-hint"
          disabled={reading}
          onChange={(event) => void readFile(event)}
        />
        <small id="qr-file-hint" className="form-text">
          {t('verification.scan.fileHint')}
        </small>
      </div>
      <div aria-live="polite">
        {reading ? <Loading label={t('verification.scan.reading')} /> : null}
        {problem ? (
          <Notice
            color={problem === 'notACertificate' || problem === 'noCode' ? 'warning' : 'danger'}
            role="alert"
          >
            {t(`verification.scan.problems.${problem}`)}
          </Notice>
        ) : null}
      </div>
    </div>
  )
}
