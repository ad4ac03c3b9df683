import { Icon } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { Link, type To } from 'react-router'

interface PaginationProps {
  page: number
  pageCount: number
  /** Where each page is (the same address with another page number). */
  linkTo: (page: number) => To
  /** Names the navigation, e.g. "Pagine del registro". */
  label: string
}

/** The pages around the current one, the first and the last; gaps shown as "…". */
function visiblePages(page: number, pageCount: number): Array<number | 'gap'> {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1])
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b)
  return pages.flatMap((p, i) => (i > 0 && p - pages[i - 1]! > 1 ? ['gap' as const, p] : [p]))
}

/** Bootstrap Italia pagination with links, so that every page has its own address. */
export function Pagination({ page, pageCount, linkTo, label }: PaginationProps) {
  const { t } = useTranslation()
  if (pageCount <= 1) return null
  return (
    <nav className="pagination-wrapper" aria-label={label}>
      <ul className="pagination">
        <li className={`page-item${page <= 1 ? ' disabled' : ''}`}>
          {page <= 1 ? (
            <span className="page-link" aria-hidden="true">
              <Icon icon="it-chevron-left" color="primary" />
            </span>
          ) : (
            <Link className="page-link" to={linkTo(page - 1)}>
              <Icon icon="it-chevron-left" color="primary" />
              <span className="visually-hidden">{t('admin.pagination.previous')}</span>
            </Link>
          )}
        </li>
        {visiblePages(page, pageCount).map((p, i) =>
          p === 'gap' ? (
            <li className="page-item" key={`gap-${i}`}>
              <span className="page-link">…</span>
            </li>
          ) : (
            <li className={`page-item${p === page ? ' active' : ''}`} key={p}>
              <Link
                className="page-link"
                to={linkTo(p)}
                aria-current={p === page ? 'page' : undefined}
              >
                <span className="visually-hidden">{t('admin.pagination.page')}</span> {p}
              </Link>
            </li>
          ),
        )}
        <li className={`page-item${page >= pageCount ? ' disabled' : ''}`}>
          {page >= pageCount ? (
            <span className="page-link" aria-hidden="true">
              <Icon icon="it-chevron-right" color="primary" />
            </span>
          ) : (
            <Link className="page-link" to={linkTo(page + 1)}>
              <Icon icon="it-chevron-right" color="primary" />
              <span className="visually-hidden">{t('admin.pagination.next')}</span>
            </Link>
          )}
        </li>
      </ul>
    </nav>
  )
}
