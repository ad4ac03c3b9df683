import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SelfDeclarationType } from '../api/useSelfDeclarationTypes'
import { byArticle } from '../draft'

interface TypeChooserProps {
  types: SelfDeclarationType[]
  chosen: string
  onChoose: (code: string) => void
  onNext: () => void
}

/**
 * "Passo 1: Scegli la dichiarazione" (seed 001), "tipo di autocertificazione" (seed 000): every
 * form with what it declares, grouped as the law groups them, then "Avanti".
 */
export function TypeChooser({ types, chosen, onChoose, onNext }: TypeChooserProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const errorId = 'declaration-type-error'

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!types.some((type) => type.code === chosen)) {
      setError(t('selfDeclarations.new.errors.type'))
      document.querySelector<HTMLInputElement>('input[name="declaration-type"]')?.focus()
      return
    }
    onNext()
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="declaration-step-title">
      <fieldset
        className="form-group declaration-types"
        aria-describedby={error ? errorId : undefined}
      >
        <legend className="declaration-types-legend">
          {t('selfDeclarations.new.typeLegend')}
          <span aria-hidden="true"> *</span>
        </legend>
        {error ? (
          <div id={errorId} className="text-field-error" role="alert">
            {error}
          </div>
        ) : null}
        {byArticle(types).map((group) => (
          <fieldset key={group.article} className="declaration-type-group">
            <legend className="h6">{t(`selfDeclarations.article${group.article}`)}</legend>
            {group.types.map((type) => {
              const id = `declaration-type-${type.code}`
              return (
                <div key={type.code} className="form-check declaration-type">
                  <input
                    type="radio"
                    id={id}
                    name="declaration-type"
                    value={type.code}
                    checked={chosen === type.code}
                    aria-describedby={`${id}-description`}
                    aria-invalid={error ? true : undefined}
                    onChange={() => {
                      onChoose(type.code)
                      setError(null)
                    }}
                  />
                  <label htmlFor={id}>{type.name}</label>
                  <small id={`${id}-description`} className="form-text d-block">
                    {type.description}
                  </small>
                </div>
              )
            })}
          </fieldset>
        ))}
      </fieldset>
      <div className="d-flex flex-wrap gap-3 mt-4">
        <Button color="primary" type="submit">
          {t('selfDeclarations.new.next')}
        </Button>
      </div>
    </form>
  )
}
