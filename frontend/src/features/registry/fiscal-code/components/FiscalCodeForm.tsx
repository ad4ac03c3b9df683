import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/Loading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { ApiError } from '@/lib/api/problem'
import { useValidateFiscalCode } from '../api/useValidateFiscalCode'
import { FiscalCodeResult, PROBLEMS_ID } from './FiscalCodeResult'

const FIELD_ID = 'fiscal-code'

/** Upper case, without the spaces people type or paste between groups of characters. */
export function cleanFiscalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

export function FiscalCodeForm() {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const [submitted, setSubmitted] = useState<string | null>(null)
  const [localError, setLocalError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const validation = useValidateFiscalCode(submitted)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const code = cleanFiscalCode(value)
    if (code === '') {
      setLocalError(t('fiscalCode.required'))
      setSubmitted(null)
      inputRef.current?.focus()
      return
    }
    setLocalError(null)
    setSubmitted(code)
  }

  // The server's field errors (a malformed request) belong to the field; other failures
  // are shown as a problem under the form.
  const apiError = validation.error instanceof ApiError ? validation.error : null
  const fieldError = apiError?.problem.errors?.find((e) => e.field === 'fiscal_code')?.message
  const result = submitted !== null && !localError ? validation.data : undefined
  // The field stays marked invalid until its text changes.
  const unchanged = submitted !== null && cleanFiscalCode(value) === submitted
  const serverInvalid = result !== undefined && !result.valid && unchanged
  const error = localError ?? (unchanged ? fieldError : undefined)
  const otherError = validation.isError && !fieldError

  return (
    <>
      <form
        noValidate
        onSubmit={onSubmit}
        className="fiscal-code-form"
        aria-label={t('fiscalCode.formLabel')}
      >
        <TextField
          ref={inputRef}
          id={FIELD_ID}
          name="fiscal_code"
          label={t('fiscalCode.label')}
          hint={t('fiscalCode.hint')}
          error={error ?? undefined}
          invalid={serverInvalid}
          describedBy={serverInvalid && result.problems.length > 0 ? [PROBLEMS_ID] : []}
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          inputClassName="font-monospace"
        />
        <Button color="primary" type="submit" disabled={validation.isFetching}>
          {validation.isFetching ? t('fiscalCode.checking') : t('fiscalCode.submit')}
        </Button>
      </form>
      <div aria-live="polite" className="mt-4">
        {result || otherError ? (
          <section aria-labelledby="fiscal-code-result">
            <h2 id="fiscal-code-result" className="h4">
              {t('fiscalCode.resultTitle')}
            </h2>
            {result ? <FiscalCodeResult result={result} /> : null}
            {otherError ? (
              <ProblemAlert error={validation.error} context={t('fiscalCode.error')} />
            ) : null}
          </section>
        ) : validation.isFetching ? (
          <Loading label={t('fiscalCode.checking')} />
        ) : null}
      </div>
    </>
  )
}
