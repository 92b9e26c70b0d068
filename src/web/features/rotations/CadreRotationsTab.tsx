import { Empty, Timeline, Typography } from 'antd';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { useT } from '../../app/i18n';
import { RotationStatusTag, useRotationPeriod } from './rotation-format';
import { useRotations } from './rotations.api';

/** A person's rotations and assignments on their profile, oldest first, as far as the caller's units saw them. */
export function CadreRotationsTab({ cadreId }: { cadreId: string }) {
  const t = useT();
  const period = useRotationPeriod();
  const rotations = useRotations({ cadreId, status: 'all', page: 1, pageSize: 50 });
  if (rotations.isError) return <QueryErrorAlert error={rotations.error} onRetry={() => void rotations.refetch()} />;
  const items = [...(rotations.data?.items ?? [])].reverse();
  if (rotations.data && items.length === 0) return <Empty description={t('rotations.profile.none')} />;
  return (
    <Timeline
      data-testid="cadre-rotations"
      items={items.map((r) => ({
        key: r.id,
        children: (
          <div>
            <Typography.Text strong>
              {t(`rotations.kind.${r.kind}`)}: {r.origin.postName} ({r.origin.unit.name}) → {r.destination.titleName}, {r.destination.unit.name}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {period(r)} · {r.decision.number} · {r.decision.signer}
            </Typography.Text>{' '}
            <RotationStatusTag rotation={r} />
            {r.midtermEvaluation && (
              <div>
                {t('rotations.field.midterm')}: {r.midtermEvaluation}
              </div>
            )}
            {r.finalEvaluation && (
              <div>
                {t('rotations.field.final')}: {r.finalEvaluation}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
