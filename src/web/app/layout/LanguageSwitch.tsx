import { Segmented } from 'antd';
import { useLanguage, useT, type Language } from '../i18n';

const LANGUAGE_OPTIONS: { value: Language; label: string }[] = [
  { value: 'vi', label: 'VI' },
  { value: 'en', label: 'EN' },
];

export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      options={LANGUAGE_OPTIONS}
      value={language}
      onChange={setLanguage}
      aria-label={t('shell.language')}
      data-testid="language-switch"
    />
  );
}
