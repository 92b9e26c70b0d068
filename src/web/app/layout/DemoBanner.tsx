import { Alert } from 'antd';
import { useServerMeta } from '../api/meta';
import { useT } from '../i18n';

/** Demo installations must never be mistaken for official figures. */
export function DemoBanner() {
  const t = useT();
  const { data: meta } = useServerMeta();
  if (!meta?.demo) return null;
  return <Alert banner type="warning" showIcon title={t('app.demoBanner')} data-testid="demo-banner" />;
}
