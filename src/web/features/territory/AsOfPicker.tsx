import { CalendarOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Typography } from 'antd';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate, todayInVietnam } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { AS_OF_PRESETS } from './territory-dates';

/** The day the whole module shows the territory as of, with the days officials need most one click away. */
export function AsOfPicker({ value, onChange, compact = false }: { value: string; onChange: (asOf: string) => void; compact?: boolean }) {
  const t = useT();
  const today = todayInVietnam();
  const presets = [...AS_OF_PRESETS.map((date) => ({ date, label: formatDate(date) })), { date: today, label: t('territory.asOf.today') }];

  return (
    <Flex align="center" gap={8} wrap data-testid="as-of-picker">
      <Typography.Text strong>
        <CalendarOutlined /> {t('territory.asOf.label')}
      </Typography.Text>
      <DatePicker
        value={fromApiDate(value)}
        format={DATE_DISPLAY_FORMAT}
        allowClear={false}
        onChange={(date) => date && onChange(toApiDate(date))}
        presets={presets.map((preset) => ({ label: preset.label, value: fromApiDate(preset.date) }))}
        aria-label={t('territory.asOf.label')}
        data-testid="as-of-date"
        style={{ width: 140 }}
      />
      {!compact && (
        <Flex gap={4} wrap>
          {presets.map((preset) => (
            <Button
              key={preset.date}
              size="small"
              type={preset.date === value ? 'primary' : 'default'}
              ghost={preset.date === value}
              onClick={() => onChange(preset.date)}
            >
              {preset.label}
            </Button>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
