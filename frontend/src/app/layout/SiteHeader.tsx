import {
  Collapse,
  Header,
  HeaderBrand,
  HeaderContent,
  HeaderRightZone,
  Headers,
  HeaderToggler,
  Icon,
} from 'design-react-kit'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router'
import { useMunicipality } from '@/features/municipality'
import { useSession } from '@/lib/session'
import { CivicEmblem } from './CivicEmblem'
import { LanguageSwitch } from './LanguageSwitch'
import { UserMenu } from './UserMenu'

/** "Accedi" for visitors; the user's menu once signed in; nothing while the session is restored. */
function AccountArea() {
  const { t } = useTranslation()
  const { status, user } = useSession()
  if (status === 'authenticated' && user) return <UserMenu user={user} />
  if (status === 'anonymous') {
    return (
      <Link to="/accedi" className="btn btn-primary btn-sm login-link">
        <Icon icon="it-user" color="white" size="sm" className="me-1" />
        {t('header.login')}
      </Link>
    )
  }
  return null
}

const NAV_ITEMS = [
  { to: '/', key: 'nav.services', end: true },
  { to: '/come-accedere', key: 'nav.howToAccess', end: false },
  { to: '/strumenti/codice-fiscale', key: 'nav.fiscalCode', end: false },
  { to: '/aiuto', key: 'nav.help', end: false },
  { to: '/contatti', key: 'nav.contacts', end: false },
] as const

export function SiteHeader() {
  const { t } = useTranslation()
  const { data: municipality } = useMunicipality()
  const [menuOpen, setMenuOpen] = useState(false)
  const close = () => setMenuOpen(false)
  const title = municipality?.name ?? t('site.name')

  return (
    <header>
      <Headers>
        <Header type="slim">
          <HeaderContent>
            <HeaderBrand tag="span" responsive className="slim-brand">
              {municipality?.region ?? t('site.name')}
            </HeaderBrand>
            <HeaderRightZone>
              <LanguageSwitch />
              <div className="account-area">
                <AccountArea />
              </div>
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center">
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/">
                  <CivicEmblem className="icon civic-emblem" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{title}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t('header.tagline')}</div>
                  </div>
                </Link>
              </div>
            </HeaderContent>
          </Header>
          <Header type="navbar">
            <HeaderContent expand="lg" aria-label={t('header.navLabel')}>
              <HeaderToggler
                onClick={() => setMenuOpen(!menuOpen)}
                aria-controls="main-menu"
                isOpen={menuOpen}
                aria-label={t('header.openMenu')}
              >
                <Icon icon="it-burger" />
              </HeaderToggler>
              <Collapse
                isOpen={menuOpen}
                navbar
                header
                onOverlayClick={close}
                id="main-menu"
                closeSrText={t('header.closeMenu')}
              >
                <div className="menu-wrapper">
                  <ul className="navbar-nav">
                    {NAV_ITEMS.map((item) => (
                      <li className="nav-item" key={item.to}>
                        <NavLink
                          to={item.to}
                          end={item.end}
                          className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}
                          onClick={close}
                        >
                          <span>{t(item.key)}</span>
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              </Collapse>
            </HeaderContent>
          </Header>
        </div>
      </Headers>
    </header>
  )
}
