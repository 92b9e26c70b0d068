import { Tag, Tooltip, Typography } from 'antd';
import { formatAgeVi, formatMonthsVi } from '../../../core/retirement';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import type { CadreListItem } from './cadres.api';

type WorkingLife = NonNullable<CadreListItem['workingLife']>;

function durationIn(language: string, months: number): string {
  if (language === 'vi') return formatMonthsVi(months);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years > 0 ? `${years} year${years === 1 ? '' : 's'}` : '', rest > 0 || years === 0 ? `${rest} month${rest === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

function ageIn(language: string, ageMonths: number): string {
  if (language === 'vi') return formatAgeVi(ageMonths);
  const months = ageMonths % 12;
  return `${Math.floor(ageMonths / 12)} years${months ? ` ${months} months` : ''}`;
}

/** "Đủ 61 tuổi 9 tháng ngày 12/07/2027; công tác đến hết ngày 31/07/2027, nghỉ hưu từ ngày 01/08/2027." */
export function useWorkingLifeSentence() {
  const t = useT();
  const { language } = useLanguage();
  return (life: WorkingLife) =>
    t('cadres.workingLife.sentence', {
      age: ageIn(language, life.ageMonths),
      reached: formatDate(life.reachesAgeOn),
      last: formatDate(life.lastWorkingDay),
      from: formatDate(life.retiresFrom),
    });
}

/** The list's column: months left as a tag, coloured when the retirement is near, the whole rule in the tooltip. */
export function WorkingLifeCell({ life }: { life: WorkingLife | null }) {
  const t = useT();
  const { language } = useLanguage();
  const sentence = useWorkingLifeSentence();
  if (!life) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = life.retired ? 'default' : life.monthsLeft < 12 ? 'red' : life.monthsLeft < 24 ? 'orange' : life.monthsLeft < 60 ? 'gold' : undefined;
  const label = life.retired ? t('cadres.workingLife.retiredShort') : t('cadres.workingLife.left', { duration: durationIn(language, life.monthsLeft) });
  return (
    <Tooltip title={sentence(life)}>
      {color ? (
        <Tag color={color} style={{ marginInlineEnd: 0 }}>
          {label}
        </Tag>
      ) : (
        <span>{label}</span>
      )}
    </Tooltip>
  );
}

/** The profile's line: the rule in full, then what is left on the day viewed. */
export function WorkingLifeText({ life, asOf }: { life: WorkingLife | null; asOf: string }) {
  const t = useT();
  const { language } = useLanguage();
  const sentence = useWorkingLifeSentence();
  if (!life) return <Typography.Text type="secondary">{t('cadres.workingLife.unknown')}</Typography.Text>;
  return (
    <span data-testid="working-life">
      {sentence(life)}{' '}
      <Typography.Text strong type={life.retired || life.monthsLeft < 12 ? 'danger' : undefined}>
        {life.retired
          ? t('cadres.workingLife.retiredOn', { date: formatDate(asOf) })
          : t('cadres.workingLife.leftOn', { duration: durationIn(language, life.monthsLeft), date: formatDate(asOf) })}
      </Typography.Text>
    </span>
  );
}
