import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DataTable } from './DataTable'

interface Person {
  id: string
  name: string
  code: string
}

const people: Person[] = [
  { id: 'a', name: 'ROSSI MARCO', code: 'RSSMRC68B12E897I' },
  { id: 'b', name: 'BIANCHI ANNA', code: 'BNCNNA80A41H501R' },
]

function renderTable(withCode = true) {
  return render(
    <DataTable
      caption="Persone"
      stackBelow="medium"
      rows={people}
      rowKey={(person) => person.id}
      rowProps={(person) => ({ 'data-person': person.id })}
      columns={[
        { key: 'name', header: 'Nome', rowHeader: true, cell: (person) => person.name },
        withCode && {
          key: 'code',
          header: 'Codice fiscale',
          required: true,
          className: 'identifier',
          cell: (person) => person.code,
        },
        {
          key: 'actions',
          header: 'Azioni',
          actions: true,
          cell: (person) => <button type="button">Apri {person.name}</button>,
        },
      ]}
    />,
  )
}

describe('DataTable', () => {
  it('stays a table for screen readers, each row named by its row header', () => {
    renderTable()
    const table = screen.getByRole('table', { name: 'Persone' })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Nome', 'Codice fiscale *', 'Azioni'])
    const row = within(table).getByRole('row', { name: /ROSSI MARCO/ })
    expect(row).toHaveAttribute('data-person', 'a')
    expect(within(row).getByRole('rowheader')).toHaveTextContent('ROSSI MARCO')
    expect(within(row).getByRole('cell', { name: 'RSSMRC68B12E897I' })).toHaveClass('identifier')
    expect(within(row).getByRole('button', { name: 'Apri ROSSI MARCO' })).toBeInTheDocument()
  })

  it('labels every cell but the actions with its header, for the cards of narrow screens', () => {
    const { container } = renderTable()
    expect(container.firstElementChild).toHaveClass('stacked-table-container', 'stack-below-medium')
    const row = screen.getByRole('row', { name: /BIANCHI ANNA/ })
    const name = within(row).getByRole('rowheader')
    const [code, actions] = within(row).getAllByRole('cell')
    expect(name).toHaveAttribute('data-label', 'Nome')
    expect(code).toHaveAttribute('data-label', 'Codice fiscale *')
    expect(actions).not.toHaveAttribute('data-label')
    expect(actions).toHaveClass('stacked-table-actions')
  })

  it('leaves out the columns given as false', () => {
    renderTable(false)
    expect(screen.getAllByRole('columnheader')).toHaveLength(2)
    expect(screen.queryByText('RSSMRC68B12E897I')).toBeNull()
  })
})
