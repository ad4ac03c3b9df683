/**
 * Hands a file fetched by script to the browser's downloads. A plain link cannot do it:
 * the API wants the bearer token, which only the script holds.
 */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Released once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The file name a Content-Disposition header proposes, if any. */
export function fileNameOf(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}
