import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language, setLanguage } from '@/i18n'

/** Each language named in itself, as a reader looking for it would recognize it. */
const ENDONYMS: Record<Language, string> = { it: 'Italiano', en: 'English' }

/** IT / EN buttons; the choice is remembered and sets the page's lang (see src/i18n). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => {
        const current = i18n.language === language
        return (
          <button
            key={language}
            type="button"
            lang={language}
            className={`language-switch-button${current ? ' active' : ''}`}
            aria-pressed={current}
            onClick={() => {
              if (!current) void setLanguage(language)
            }}
          >
            {language.toUpperCase()}
            <span className="visually-hidden"> {ENDONYMS[language]}</span>
          </button>
        )
      })}
    </div>
  )
}
