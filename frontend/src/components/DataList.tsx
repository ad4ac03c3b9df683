/** One entry of a data list: the term, its value, and whether the value is a code (monospace). */
export type DataRow = [term: string, value: string, monospace?: boolean]

interface DataListProps {
  rows: DataRow[]
  /** Classes besides `decoded-data` (spacing, print layout). */
  className?: string
}

/** Data read from the registry or a document, as terms and values. */
export function DataList({ rows, className }: DataListProps) {
  return (
    <dl className={className ? `decoded-data ${className}` : 'decoded-data'}>
      {rows.map(([term, value, monospace]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className={monospace ? 'font-monospace' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
