import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Language = 'vi' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };
const LANGUAGE_STORAGE_KEY = 'canboxa.language';

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be blocked by browser policy; Vietnamese is the safe default.
    return 'vi';
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is harmless; the switch still works for this visit.
  }
}

/** Date pickers and `document.lang` (screen readers, hyphenation) must follow the chosen language. */
function applyLanguage(language: Language): Language {
  dayjs.locale(language);
  document.documentElement.lang = language;
  return language;
}

function translate(dictionary: Record<MessageKey, string>, key: MessageKey, params?: MessageParams): string {
  const text = dictionary[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

interface I18nContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => applyLanguage(readStoredLanguage()));

  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    const dictionary = dictionaries[language];
    return { language, setLanguage, t: (key, params) => translate(dictionary, key, params) };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) throw new Error('I18nProvider is missing above this component');
  return context;
}

export function useT(): Translate {
  return useI18nContext().t;
}

export function useLanguage(): Pick<I18nContextValue, 'language' | 'setLanguage'> {
  const { language, setLanguage } = useI18nContext();
  return { language, setLanguage };
}
