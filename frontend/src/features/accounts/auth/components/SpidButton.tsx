import {
  type KeyboardEvent,
  type FocusEvent as ReactFocusEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import spidMark from 'spid-smart-button/dist/img/spid-ico-circle-bb.svg'
import spidDefaultLogo from 'spid-smart-button/dist/img/spid-ico-circle-lb.svg'
import {
  type DigitalIdentityProvider,
  loginUrl,
  providerLogo,
  seededRandom,
  shuffled,
} from '../digitalIdentity'

/** The links every SPID button carries (AgID's "Entra con SPID" button). */
const SPID_LINKS = [
  { key: 'moreInfo', href: 'https://www.spid.gov.it' },
  { key: 'noSpid', href: 'https://www.spid.gov.it/cos-e-spid/come-attivare-spid/' },
  { key: 'help', href: 'https://www.spid.gov.it/serve-aiuto' },
] as const

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
}

/** Focuses the menu's item at `index`, counting from the end when negative. */
function focusMenuItem(menu: HTMLElement | null, index: number) {
  const list = menuItems(menu)
  if (list.length > 0) list[(index + list.length) % list.length]?.focus()
}

interface SpidButtonProps {
  providers: DigitalIdentityProvider[]
  /** The page of this application to come back to after the login. */
  returnTo: string
}

/**
 * "Entra con SPID", in the look of AgID's SPID button: a menu button that lists the SPID
 * identity providers (logo, or name when there is none) in random order, as the official
 * button does, followed by the standard links about SPID. Each provider is a link: choosing
 * it leaves the portal for the provider's login page.
 *
 * Keyboard: Enter, Space or ↓ open the menu on its first item (↑ on the last); ↑ ↓ Home End
 * move within it, Tab moves on as usual; Escape closes it and puts the focus back on the
 * button. The menu also closes when the focus or a click goes elsewhere.
 */
export function SpidButton({ providers, returnTo }: SpidButtonProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const focusOnOpen = useRef<'first' | 'last'>('first')
  const containerRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLUListElement>(null)
  const menuId = useId()
  // One random order for the life of the page: the menu does not reshuffle as it re-renders.
  const [seed] = useState(() => Math.random())
  const ordered = useMemo(() => shuffled(providers, seededRandom(seed)), [providers, seed])

  const focusItem = (index: number) => focusMenuItem(menuRef.current, index)

  useEffect(() => {
    if (open) focusMenuItem(menuRef.current, focusOnOpen.current === 'first' ? 0 : -1)
  }, [open])

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const openMenu = (at: 'first' | 'last') => {
    focusOnOpen.current = at
    if (open) focusItem(at === 'first' ? 0 : -1)
    else setOpen(true)
  }

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last')
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      close(true)
    }
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = menuItems(menuRef.current)
    const current = list.indexOf(document.activeElement as HTMLElement)
    switch (event.key) {
      case 'ArrowDown':
        focusItem(current + 1)
        break
      case 'ArrowUp':
        focusItem(current < 0 ? -1 : current - 1)
        break
      case 'Home':
        focusItem(0)
        break
      case 'End':
        focusItem(-1)
        break
      case 'Escape':
        close(true)
        break
      default:
        return
    }
    event.preventDefault()
    event.stopPropagation()
  }

  // Tab past the last item (or back before the button) closes the menu; a focus that
  // goes nowhere (a click on a link in Safari) does not, or the click would be lost.
  const onBlur = (event: ReactFocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null
    if (next && !containerRef.current?.contains(next)) setOpen(false)
  }

  return (
    <div className="spid-button" ref={containerRef} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="spid-button-trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        <span className="spid-button-icon" aria-hidden="true">
          <img src={spidMark} alt="" width="28" height="28" />
        </span>
        <span className="spid-button-text">{t('digitalIdentity.spid.button')}</span>
      </button>
      <ul
        ref={menuRef}
        id={menuId}
        role="menu"
        aria-label={t('digitalIdentity.spid.menuLabel')}
        className="spid-button-menu"
        hidden={!open}
        onKeyDown={onMenuKeyDown}
      >
        {ordered.map((provider) => {
          const logo = providerLogo(provider.logo)
          return (
            <li key={provider.id} role="none" className="spid-idp">
              <a role="menuitem" href={loginUrl(provider.start_url, returnTo)}>
                {logo ? (
                  <img className="spid-idp-logo" src={logo} alt={provider.name} />
                ) : (
                  <>
                    <img
                      className="spid-idp-mark"
                      src={spidDefaultLogo}
                      alt=""
                      width="24"
                      height="24"
                    />
                    <span>{provider.name}</span>
                  </>
                )}
              </a>
            </li>
          )
        })}
        <li role="separator" className="spid-button-separator" />
        {SPID_LINKS.map((link) => (
          <li key={link.key} role="none" className="spid-support">
            <a role="menuitem" href={link.href}>
              {t(`digitalIdentity.spid.${link.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
