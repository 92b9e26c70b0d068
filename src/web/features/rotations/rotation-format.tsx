import { Tag } from 'antd';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import type { Rotation } from './rotations.api';

const STATE_COLOURS: Record<Rotation['status'], string> = { planned: 'default', active: 'processing', overdue: 'orange', ended: 'success' };

export function RotationStatusTag({ rotation }: { rotation: Pick<Rotation, 'status'> }) {
  const t = useT();
  return <Tag color={STATE_COLOURS[rotation.status]}>{t(`rotations.state.${rotation.status}`)}</Tag>;
}

/** "15/06/2020 – 14/06/2023", or "15/06/2020 – dự kiến 15/06/2023" while it runs. */
export function useRotationPeriod() {
  const t = useT();
  return (rotation: Pick<Rotation, 'startDate' | 'endDate' | 'plannedEndDate'>) =>
    `${formatDate(rotation.startDate)} – ${rotation.endDate ? formatDate(rotation.endDate) : t('rotations.plannedUntil', { date: formatDate(rotation.plannedEndDate) })}`;
}
