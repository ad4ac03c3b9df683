import { Icon } from 'design-react-kit'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { useLogout } from '@/features/accounts'
import { flashState } from '@/lib/flash'
import type { SessionUser } from '@/lib/session'
import { backOfficeHome } from '../backoffice/sections'

interface UserMenuProps {
  user: SessionUser
}

/**
 * The signed-in user's name, opening a short list of links (a disclosure, not an ARIA menu:
 * the items are ordinary links and a button, reached with Tab). Escape closes it and returns
 * to the toggle; so do a click outside and a navigation.
 */
export function UserMenu({ user }: UserMenuProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const listId = useId()
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const logout = useLogout()

  // A navigation closes the menu (state adjusted while rendering, not in an effect).
  const [openedAt, setOpenedAt] = useState(pathname)
  if (openedAt !== pathname) {
    setOpenedAt(pathname)
    setOpen(false)
  }
  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false)
        toggle.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  // The server ends the session first; then the home page says so.
  const onLogout = async () => {
    setOpen(false)
    await logout.mutateAsync()
    await navigate('/', { state: flashState('loggedOut') })
  }

  const forced = user.mustChangePassword
  const backOffice = backOfficeHome(user)
  return (
    <div className="user-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="btn btn-primary btn-sm user-menu-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon icon="it-user" color="white" size="sm" className="me-1" />
        <span className="user-menu-name">{user.displayName}</span>{' '}
        <span className="visually-hidden">– {t('userMenu.label')}</span>
        <Icon icon={open ? 'it-collapse' : 'it-expand'} color="white" size="sm" />
      </button>
      <ul id={listId} className="user-menu-list list-unstyled" hidden={!open}>
        {forced ? null : (
          <li>
            <Link to="/profilo">{t('userMenu.profile')}</Link>
          </li>
        )}
        {!forced && user.role === 'citizen' ? (
          <li>
            <Link to="/pratiche">{t('userMenu.practices')}</Link>
          </li>
        ) : null}
        {!forced && user.role === 'citizen' ? (
          <li>
            <Link to="/appuntamenti">{t('userMenu.appointments')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/cambio-password">{t('userMenu.changePassword')}</Link>
        </li>
        {!forced && backOffice ? (
          <li>
            <Link to={backOffice}>{t('userMenu.backOffice')}</Link>
          </li>
        ) : null}
        <li className="user-menu-separator">
          <button type="button" className="btn btn-link" onClick={() => void onLogout()}>
            {t('userMenu.logout')}
          </button>
        </li>
      </ul>
    </div>
  )
}
