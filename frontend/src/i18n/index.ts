import i18n, { type ResourceLanguage } from 'i18next'
import { initReactI18next } from 'react-i18next'
import it from './it.json'

export const LANGUAGES = ['it', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'it'
const STORAGE_KEY = 'portale.lang'

// Italian, the default, ships in the main bundle; other languages load when chosen.
const loaders: Record<Language, () => Promise<ResourceLanguage>> = {
  it: () => Promise.resolve(it),
  en: () => import('./en.json').then((m) => m.default),
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

function applyLanguage(lng: string) {
  const language = isLanguage(lng) ? lng : DEFAULT_LANGUAGE
  if (typeof document !== 'undefined') document.documentElement.lang = language
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Storage may be unavailable (private mode, blocked): the choice then lasts the visit.
  }
}

const initial = storedLanguage()

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})
if (typeof document !== 'undefined') document.documentElement.lang = DEFAULT_LANGUAGE
i18n.on('languageChanged', applyLanguage)

/**
 * Switches the interface language, loading its texts first if needed. The choice is stored
 * (localStorage) and sets <html lang>; API calls send it as Accept-Language.
 */
export async function setLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await loaders[language]())
  }
  await i18n.changeLanguage(language)
}

/** Resolves once the stored language is active; render after it to avoid a flash of Italian. */
export const i18nReady: Promise<void> =
  initial === DEFAULT_LANGUAGE ? Promise.resolve() : setLanguage(initial).catch(() => undefined)

/** The language currently in use, always one of LANGUAGES. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
}

export default i18n
