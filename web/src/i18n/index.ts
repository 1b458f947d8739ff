import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { catalogs, type Lang, type Messages } from './catalog.ts';

export { catalogs, type Lang, type Messages };

const STORAGE_KEY = 'motcua.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'vi' || saved === 'en') return saved;
  } catch {
    /* storage unavailable (private mode): fall back to Vietnamese */
  }
  return 'vi';
}

export function persistLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  document.documentElement.lang = lang;
}

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: 'vi', t: catalogs.vi, setLang: () => {} });

export const useI18n = (): I18n => useContext(I18nContext);

/** Pick the English text when the UI is in English and a translation exists. */
export function localized(lang: Lang, vi: string, en?: string | null): string {
  return lang === 'en' && en ? en : vi;
}
