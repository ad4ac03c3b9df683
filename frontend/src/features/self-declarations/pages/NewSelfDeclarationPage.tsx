import { Button } from 'design-react-kit'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { ApiError } from '@/lib/api/problem'
import { newIdempotencyKey } from '@/lib/idempotency'
import { type SelfDeclaration, useCreateSelfDeclaration } from '../api/useCreateSelfDeclaration'
import { usePrefill } from '../api/usePrefill'
import type { DeclarationRequest, Preview } from '../api/usePreviewSelfDeclaration'
import { useSelfDeclarationTypes } from '../api/useSelfDeclarationTypes'
import { DeclarationForm } from '../components/DeclarationForm'
import { DeclarationPreview } from '../components/DeclarationPreview'
import { SavedDeclaration } from '../components/SavedDeclaration'
import { SigningNotices } from '../components/SigningNotices'
import { TypeChooser } from '../components/TypeChooser'
import { type DeclarationDraft, draftFrom } from '../draft'

type Step = 1 | 2 | 3

interface Previewed {
  preview: Preview
  request: DeclarationRequest
  /** One key per attempt at storing this text: a retry after a lost answer stores it once. */
  idempotencyKey: string
}

/**
 * /autocertificazioni/nuova — "nuova autocertificazione" (seed 000, "Autocertificazione
 * Assistita"): Passo 1 the type, Passo 2 the form prefilled from the registry, Passo 3 the
 * text as printed, then "Stampa" stores it and downloads the PDF. "Indietro" and "Avanti"
 * keep what was typed, for every type tried.
 */
export function NewSelfDeclarationPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const types = useSelfDeclarationTypes()
  const [step, setStep] = useState<Step>(1)
  const [code, setCode] = useState(() => params.get('tipo') ?? '')
  // What the declarant wrote, per type: going back to step 1 and choosing again loses nothing.
  const [drafts, setDrafts] = useState<Record<string, DeclarationDraft>>({})
  const [previewed, setPreviewed] = useState<Previewed | null>(null)
  const [saved, setSaved] = useState<SelfDeclaration | null>(null)
  const create = useCreateSelfDeclaration()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)

  const type = types.data?.items.find((x) => x.code === code)
  const prefill = usePrefill(step >= 2 && !drafts[code] ? code : '')
  const prefilled = useMemo(
    () => (prefill.data && prefill.data.type === code ? draftFrom(prefill.data) : null),
    [prefill.data, code],
  )
  const draft = drafts[code] ?? prefilled

  // Each step replaces the previous one: the reader continues from its heading.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus()
    moved.current = true
  }, [step])

  const go = (next: Step) => {
    create.reset()
    setStep(next)
  }

  const startOver = () => {
    setSaved(null)
    setPreviewed(null)
    setDrafts({})
    setCode('')
    go(1)
  }

  const print = () => {
    if (!previewed || create.isPending) return
    create.mutate(
      { body: previewed.request, idempotencyKey: previewed.idempotencyKey },
      {
        onSuccess: setSaved,
        onError: (error) => {
          // Refused (4xx): nothing was stored, and a corrected request is another one.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500)
            setPreviewed((p) => (p ? { ...p, idempotencyKey: newIdempotencyKey() } : p))
        },
      },
    )
  }

  const stepTitle = t(`selfDeclarations.new.step${step}`)
  const home = (
    <p className="mt-5">
      <Link to="/autocertificazioni">{t('selfDeclarations.homeLink')}</Link>
    </p>
  )
  const heading = (
    <PageHeading title={t('selfDeclarations.new.title')} lead={t('selfDeclarations.new.lead')} />
  )

  if (saved)
    return (
      <>
        {heading}
        <SavedDeclaration declaration={saved} />
        <div className="d-flex flex-wrap align-items-center gap-4 mt-5">
          <Button color="primary" outline type="button" onClick={startOver}>
            {t('selfDeclarations.newButton')}
          </Button>
          <Link to="/autocertificazioni#archivio">{t('selfDeclarations.archiveTitle')}</Link>
        </div>
        {home}
      </>
    )

  let body
  if (types.isError)
    body = <ProblemAlert error={types.error} context={t('selfDeclarations.typesFailed')} />
  else if (!types.data) body = <Loading label={t('selfDeclarations.typesLoading')} />
  else if (step === 1 || !type)
    body = (
      <TypeChooser types={types.data.items} chosen={code} onChoose={setCode} onNext={() => go(2)} />
    )
  else if (step === 2)
    body = prefill.isError ? (
      <ProblemAlert error={prefill.error} context={t('selfDeclarations.new.prefillFailed')} />
    ) : !draft ? (
      <Loading label={t('selfDeclarations.new.prefillLoading')} />
    ) : (
      <DeclarationForm
        key={code}
        type={type}
        draft={draft}
        onChange={(next) => setDrafts((all) => ({ ...all, [code]: next }))}
        onBack={() => go(1)}
        onPreviewed={(preview, request) => {
          setPreviewed({ preview, request, idempotencyKey: newIdempotencyKey() })
          go(3)
        }}
      />
    )
  else
    body = previewed ? (
      <>
        <p>{t('selfDeclarations.new.previewLead')}</p>
        <DeclarationPreview preview={previewed.preview} />
        <div className="mt-4">
          <SigningNotices identityDocument={type.attach_identity_document} />
        </div>
        {create.isError ? (
          <ProblemAlert error={create.error} context={t('selfDeclarations.new.createFailed')} />
        ) : null}
        <div className="d-flex flex-wrap gap-3 mt-4">
          <Button color="secondary" outline type="button" onClick={() => go(2)}>
            {t('selfDeclarations.new.back')}
          </Button>
          <Button color="primary" type="button" disabled={create.isPending} onClick={print}>
            {create.isPending
              ? t('selfDeclarations.new.printing')
              : t('selfDeclarations.new.print')}
          </Button>
        </div>
      </>
    ) : null

  return (
    <>
      {heading}
      <section aria-labelledby="declaration-step-title">
        <h2 id="declaration-step-title" className="h3" tabIndex={-1} ref={headingRef}>
          {stepTitle}
        </h2>
        {step > 1 && type ? (
          <p className="declaration-chosen">
            {t('selfDeclarations.new.chosen')} <strong>{type.name}</strong>
          </p>
        ) : null}
        {body}
      </section>
      {home}
    </>
  )
}
