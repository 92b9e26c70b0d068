import { Badge, Calendar, Flex, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { API_DATE_FORMAT, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { formLabel } from './training-labels';
import { useCalendar, type CalendarItem } from './training.api';

const MONTH_PARAM = 'month';
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The weeks the month view shows, so classes running into the neighbouring months appear too. */
function visibleRange(month: Dayjs): { from: string; to: string } {
  return { from: toApiDate(month.startOf('month').subtract(7, 'day')), to: toApiDate(month.endOf('month').add(14, 'day')) };
}

export function CalendarTab() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get(MONTH_PARAM);
  // The month lives in the address so a calendar page can be bookmarked or sent to a colleague.
  const month = fromApiDate(requested && MONTH_PATTERN.test(requested) ? `${requested}-01` : todayInVietnam());
  const [selected, setSelected] = useState<Dayjs | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const calendar = useCalendar({ unitId, ...visibleRange(month) });
  const items = calendar.data?.items ?? [];

  function showMonth(value: Dayjs) {
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.set(MONTH_PARAM, value.format('YYYY-MM'));
        return params;
      },
      { replace: true },
    );
  }

  function itemsOn(day: Dayjs): CalendarItem[] {
    const date = day.format(API_DATE_FORMAT);
    return items.filter((item) => item.startDate <= date && date <= item.endDate);
  }

  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <div style={{ width: 280 }}>
          <UnitPicker value={unitId} onChange={(id) => setUnitId(id)} placeholder={t('training.filter.unit')} scope="mine" allowClear />
        </div>
        <Badge color="blue" text={t('training.calendar.class')} />
        <Badge color="green" text={t('training.calendar.visit')} />
      </Flex>
      {calendar.isError && <QueryErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
      <div data-testid="training-calendar">
        <Calendar
          value={selected?.isSame(month, 'month') ? selected : month}
          onPanelChange={(value) => showMonth(value)}
          onSelect={(value) => {
            setSelected(value);
            showMonth(value);
          }}
          cellRender={(day, info) => {
            if (info.type !== 'date') return info.originNode;
            return (
              <Flex vertical gap={2}>
                {itemsOn(day).map((item) => (
                  <Typography.Text
                    key={`${item.kind}:${item.id}`}
                    ellipsis={{ tooltip: `${item.title} (${formLabel(item.form, t)})` }}
                    style={{ fontSize: 12, cursor: item.kind === 'class' ? 'pointer' : undefined }}
                    onClick={item.kind === 'class' ? () => void navigate(`/training/classes/${item.id}`) : undefined}
                  >
                    <Badge color={item.kind === 'class' ? 'blue' : 'green'} /> {item.title}
                  </Typography.Text>
                ))}
              </Flex>
            );
          }}
        />
      </div>
    </>
  );
}
