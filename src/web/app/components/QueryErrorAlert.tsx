import { Alert, Button } from 'antd';
import { describeApiError } from '../api/api-errors';
import { useT } from '../i18n';

export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={describeApiError(error, t)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
