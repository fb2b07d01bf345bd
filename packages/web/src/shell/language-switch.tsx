import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { LANGUAGES, type Language, type Me } from '../api/types.js';
import { useSession } from '../auth/session.js';

/** Changes the language at once; when signed in, also saves it as the user's preference. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { me, update } = useSession();
  const id = useId();
  const change = async (language: Language) => {
    await i18n.changeLanguage(language);
    if (me && me.secondFactorSatisfied && me.user.language !== language) {
      try {
        update(await api<Me>('PATCH', '/api/v1/me', { language }));
      } catch {
        // The switch already took effect on this screen; saving it can wait.
      }
    }
  };
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => void change(e.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
