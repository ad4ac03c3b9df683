/** The identity documents the counter accepts (the API's `document_type`). */
export const DOCUMENT_TYPES = [
  'carta_identita_elettronica',
  'carta_identita',
  'passaporto',
  'patente',
  'permesso_soggiorno',
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export function isDocumentType(value: string | null | undefined): value is DocumentType {
  return (DOCUMENT_TYPES as readonly (string | null | undefined)[]).includes(value)
}
