export { I18nProvider, isMessageKey, useLanguage, useT } from './i18n';
export type { Language, MessageParams, Translate } from './i18n';
export type { MessageKey } from './vi';
