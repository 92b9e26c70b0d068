import { Typography } from 'antd';
import { useServerMeta } from '../api/meta';
import { useT } from '../i18n';

export function AppFooter() {
  const t = useT();
  const { data: meta } = useServerMeta();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('app.name')} — {t('app.tagline')}
      {meta && ` · ${t('app.version', { version: meta.version })}`}
    </Typography.Text>
  );
}
