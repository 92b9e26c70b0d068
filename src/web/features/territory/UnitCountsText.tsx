import { Flex, Typography } from 'antd';
import { formatCount } from '../../../core/numbers';
import { useT } from '../../app/i18n';
import { levelLabel } from './territory-labels';
import type { Tally } from './territory.api';

const COUNTED_LEVELS = ['province', 'district', 'commune'] as const;

/** "Cấp huyện: 10 (9 Huyện, 1 Thành phố)", one line per level present. */
export function TallyLines({ tally }: { tally: Tally }) {
  const t = useT();
  const levels = COUNTED_LEVELS.filter((level) => tally.byLevel[level] > 0);
  if (levels.length === 0) return <Typography.Text type="secondary">{t('territory.counts.none')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {levels.map((level) => {
        const types = tally.byType
          .filter((entry) => entry.level === level)
          .sort((a, b) => b.count - a.count)
          .map((entry) => `${formatCount(entry.count)} ${entry.type}`)
          .join(', ');
        return (
          <span key={level} data-testid={`tally-${level}`}>
            <Typography.Text strong>
              {levelLabel(level, t)}: {formatCount(tally.byLevel[level])}
            </Typography.Text>
            {types && <Typography.Text type="secondary"> ({types})</Typography.Text>}
          </span>
        );
      })}
    </Flex>
  );
}
