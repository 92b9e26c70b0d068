import { CalendarOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Tooltip, Typography } from 'antd';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate, todayInVietnam } from '../../app/format/dates';
import { useT } from '../../app/i18n';

/**
 * "Who held which post on that day": the date every list and profile of the
 * module answers for, today unless the official picks another day.
 */
export function AsOfDatePicker({ value, onChange, label, hint }: { value: string; onChange: (asOf: string) => void; label: string; hint: string }) {
  const t = useT();
  const today = todayInVietnam();
  return (
    <Flex align="center" gap={8} wrap data-testid="cadres-as-of">
      <Tooltip title={hint}>
        <Typography.Text strong>
          <CalendarOutlined /> {label}
        </Typography.Text>
      </Tooltip>
      <DatePicker
        value={fromApiDate(value)}
        format={DATE_DISPLAY_FORMAT}
        allowClear={false}
        onChange={(date) => date && onChange(toApiDate(date))}
        aria-label={label}
        style={{ width: 140 }}
      />
      {value !== today && (
        <Button size="small" onClick={() => onChange(today)}>
          {t('cadres.asOf.today')}
        </Button>
      )}
    </Flex>
  );
}
