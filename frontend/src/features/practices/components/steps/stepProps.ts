import type { PracticeType } from '../../api/types'
import type { DeclarationForm } from '../../model'

export interface StepProps {
  form: DeclarationForm
  /** Changes the declaration: `mutate` works on a copy. */
  edit: (mutate: (form: DeclarationForm) => void) => void
  type: PracticeType
}
