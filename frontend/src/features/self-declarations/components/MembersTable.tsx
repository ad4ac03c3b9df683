import { Badge, Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import type { DeclarationField } from '../api/useSelfDeclarationTypes'
import { emptyMember, fieldId, type MemberRow } from '../draft'

/** The most rows a family may have (docs/self-declarations.md). */
export const MAX_MEMBERS = 30

const COLUMNS = ['surname', 'name', 'birth_date', 'birth_place', 'relationship'] as const
type Column = (typeof COLUMNS)[number]

interface MembersTableProps {
  field: DeclarationField
  rows: MemberRow[]
  onChange: (rows: MemberRow[]) => void
  /** Errors by field name: `members` for the list, `members[1].birth_date` for a cell. */
  errors: Record<string, string>
  fromRegistry: boolean
  today: string
}

/**
 * The family of a stato di famiglia as editable rows (the registry's family for a
 * resident): every cell labelled with its column and row, errors under their cell, rows
 * added and removed.
 */
export function MembersTable({
  field,
  rows,
  onChange,
  errors,
  fromRegistry,
  today,
}: MembersTableProps) {
  const { t } = useTranslation()
  const listError = errors[field.key]
  const hintId = `${fieldId(field.key)}-hint`
  const errorId = `${fieldId(field.key)}-error`
  const cellKey = (index: number, column: Column) => `${field.key}[${index}].${column}`
  const columnLabel = (column: Column) => t(`selfDeclarations.new.members.${column}`)

  const update = (key: number, column: Column, value: string) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, [column]: value } : row)))

  const add = () => {
    const row = emptyMember()
    onChange([...rows, row])
    setTimeout(() => document.getElementById(fieldId(cellKey(rows.length, 'surname')))?.focus())
  }

  return (
    <div className="form-group members-field">
      <p className="fw-semibold mb-1" id={fieldId(field.key)} tabIndex={-1}>
        {field.label}
        {field.required ? <span aria-hidden="true"> *</span> : null}
      </p>
      <p id={hintId} className="form-text mb-2">
        {fromRegistry ? (
          <Badge color="primary" className="me-1 registry-mark">
            {t('selfDeclarations.new.registryMark')}
          </Badge>
        ) : null}
        {t('selfDeclarations.new.members.hint', { max: MAX_MEMBERS })}
      </p>
      <DataTable
        caption={field.label}
        captionClassName="visually-hidden"
        className="members-table"
        stackBelow="wide"
        aria-describedby={hintId}
        rows={rows}
        rowKey={(row) => String(row.key)}
        columns={[
          {
            key: 'number',
            header: t('selfDeclarations.new.members.number'),
            rowHeader: true,
            cell: (_row, index) => index + 1,
          },
          ...COLUMNS.map((column) => ({
            key: column,
            header: columnLabel(column),
            required: column !== 'birth_place',
            cell: (row: MemberRow, index: number) => {
              const name = cellKey(index, column)
              const id = fieldId(name)
              const error = errors[name]
              return (
                <>
                  <label htmlFor={id} className="visually-hidden">
                    {t('selfDeclarations.new.members.cellLabel', {
                      column: columnLabel(column),
                      number: index + 1,
                    })}
                  </label>
                  <input
                    id={id}
                    name={name}
                    className={`form-control${error ? ' is-invalid' : ''}`}
                    type={column === 'birth_date' ? 'date' : 'text'}
                    max={column === 'birth_date' ? today : undefined}
                    maxLength={column === 'birth_date' ? undefined : 80}
                    autoComplete="off"
                    required={column !== 'birth_place'}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    value={row[column]}
                    onChange={(e) => update(row.key, column, e.target.value)}
                  />
                  {error ? (
                    <div id={`${id}-error`} className="text-field-error">
                      {error}
                    </div>
                  ) : null}
                </>
              )
            },
          })),
          {
            key: 'actions',
            header: t('selfDeclarations.new.members.actions'),
            headerHidden: true,
            actions: true,
            cell: (row, index) => (
              <Button
                color="secondary"
                outline
                size="xs"
                type="button"
                aria-label={t('selfDeclarations.new.members.removeLabel', {
                  number: index + 1,
                })}
                // A family has one member at least: the declarant.
                disabled={rows.length <= 1}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                {t('selfDeclarations.new.members.remove')}
              </Button>
            ),
          },
        ]}
      />
      {listError ? (
        <div id={errorId} className="text-field-error mb-2" role="alert">
          {listError}
        </div>
      ) : null}
      <Button
        color="primary"
        outline
        size="sm"
        type="button"
        disabled={rows.length >= MAX_MEMBERS}
        onClick={add}
      >
        {t('selfDeclarations.new.members.add')}
      </Button>
    </div>
  )
}
