import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { useSession } from '@/lib/session'
import { sectionsFor } from './sections'

/**
 * The frame of every back-office page: a Bootstrap Italia sidebar listing the sections the
 * signed-in user may open, beside the page. Without any section (a citizen who typed the
 * address) there is no sidebar, only the page, which then says access is not allowed.
 */
export function BackOfficeLayout() {
  const { t } = useTranslation()
  const { user } = useSession()
  const sections = sectionsFor(user)
  if (sections.length === 0) return <Outlet />
  return (
    <div className="row gy-4 backoffice-layout">
      <div className="col-12 col-lg-3">
        <nav className="sidebar-wrapper backoffice-nav" aria-labelledby="backoffice-nav-title">
          <div className="sidebar-linklist-wrapper">
            <div className="link-list-wrapper">
              <p id="backoffice-nav-title" className="backoffice-nav-title">
                {t('backoffice.nav.title')}
              </p>
              <ul className="link-list">
                {sections.map((section) => (
                  <li key={section.path}>
                    <NavLink
                      to={section.path}
                      end
                      className={({ isActive }) => `list-item${isActive ? ' active' : ''}`}
                    >
                      <span>{t(section.labelKey)}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </nav>
      </div>
      <div className="col-12 col-lg-9">
        <Outlet />
      </div>
    </div>
  )
}
