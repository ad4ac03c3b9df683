import type { HTMLAttributes, ReactNode } from 'react'

/** One column: its header, and what each row shows in it. */
export interface Column<Row> {
  /** Stable among the columns. */
  key: string
  /** The header; on narrow screens also the label before each cell. */
  header: string
  /** A header read by screen readers only (the actions' column). */
  headerHidden?: boolean
  /** Marks the header as required (editable tables). */
  required?: boolean
  /** The cell that names the row (`<th scope="row">`): the card's title on narrow screens. */
  rowHeader?: boolean
  /** The row's buttons: on narrow screens a strip across the card, without a label. */
  actions?: boolean
  /** Classes of the column's cells (`text-nowrap`, `identifier`…). */
  className?: string
  cell: (row: Row, index: number) => ReactNode
}

/**
 * Below how wide a space the rows turn into cards: the width where the table's columns
 * would no longer fit side by side (so the page never scrolls sideways).
 * `narrow` 36rem, `medium` 48rem, `wide` 58rem; `never` for a table of two or three short
 * columns, which fits on any phone as it is.
 */
export type StackBelow = 'narrow' | 'medium' | 'wide' | 'never'

interface DataTableProps<Row> {
  caption: ReactNode
  /** Classes of the caption (e.g. `visually-hidden`). */
  captionClassName?: string
  /** `false` leaves a column out (one shown only to some). */
  columns: Array<Column<Row> | false>
  rows: Row[]
  rowKey: (row: Row, index: number) => string
  /** Attributes of a row (`className`, `data-*`). */
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>
  stackBelow: StackBelow
  /** Classes of the table besides `table stacked-table`. */
  className?: string
  'aria-describedby'?: string
}

/**
 * A table that fits any screen: a table where its columns fit, and below `stackBelow`
 * (the width of the space it has, not of the window) one card per row, each cell labelled
 * with its column's header. The explicit roles keep it a table for screen readers whatever
 * CSS displays it as; the labels drawn before the cells are hidden from them (the header
 * already names each cell).
 */
export function DataTable<Row>({
  caption,
  captionClassName,
  columns,
  rows,
  rowKey,
  rowProps,
  stackBelow,
  className,
  'aria-describedby': describedBy,
}: DataTableProps<Row>) {
  const shown = columns.filter((column): column is Column<Row> => column !== false)
  return (
    <div className={`stacked-table-container stack-below-${stackBelow}`}>
      <table
        role="table"
        className={className ? `table stacked-table ${className}` : 'table stacked-table'}
        aria-describedby={describedBy}
      >
        <caption className={captionClassName}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {shown.map((column) => (
              <th scope="col" role="columnheader" key={column.key}>
                {column.headerHidden ? (
                  <span className="visually-hidden">{column.header}</span>
                ) : (
                  column.header
                )}
                {column.required ? <span aria-hidden="true"> *</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row, index) => (
            <tr role="row" key={rowKey(row, index)} {...rowProps?.(row)}>
              {shown.map((column) => {
                const classes = [column.className, column.actions ? 'stacked-table-actions' : '']
                  .filter(Boolean)
                  .join(' ')
                const label =
                  column.actions || column.headerHidden
                    ? undefined
                    : `${column.header}${column.required ? ' *' : ''}`
                return column.rowHeader ? (
                  <th
                    scope="row"
                    role="rowheader"
                    key={column.key}
                    className={classes || undefined}
                    data-label={label}
                  >
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td
                    role="cell"
                    key={column.key}
                    className={classes || undefined}
                    data-label={label}
                  >
                    {/* One box beside the label on a card, whatever the cell holds. */}
                    {label ? <div>{column.cell(row, index)}</div> : column.cell(row, index)}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
