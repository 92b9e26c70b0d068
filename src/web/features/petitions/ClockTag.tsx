import { Tag, Tooltip } from 'antd';
import { formatDate } from '../../app/format/dates';
import type { PetitionClock } from './petitions.api';

const COLOURS: Record<PetitionClock['state'], string> = { running: 'processing', overdue: 'error', on_time: 'success', late: 'warning' };

/** "Còn 3 ngày" / "Quá hạn 2 ngày" for the stage the case is at; a running clock in its last three days turns orange. */
export function ClockTag({ clock, withStage = false }: { clock: PetitionClock; withStage?: boolean }) {
  const colour = clock.state === 'running' && clock.days <= 3 ? 'orange' : COLOURS[clock.state];
  return (
    <Tooltip title={`${clock.label}: ${formatDate(clock.dueOn)} — ${clock.basis}`}>
      <Tag color={colour} data-testid="petition-clock" style={{ marginInlineEnd: 0 }}>
        {withStage ? `${clock.label}: ${clock.text}` : clock.text}
      </Tag>
    </Tooltip>
  );
}
