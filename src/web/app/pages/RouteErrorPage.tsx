import { Button, Result } from 'antd';
import { useT } from '../i18n';

/** Shown when a page crashes or its code fails to load, e.g. after a new version was deployed. */
export function RouteErrorPage() {
  const t = useT();
  return (
    <Result
      status="500"
      title={t('page.error.title')}
      subTitle={t('page.error.description')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('page.error.reload')}
        </Button>
      }
    />
  );
}
