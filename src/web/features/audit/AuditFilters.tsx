import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { UserPicker, type UserChoice } from '../users/UserPicker';
import { auditActionLabel, KNOWN_AUDIT_ACTIONS } from './audit-labels';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  user?: UserChoice;
  action?: string;
  from?: string;
  to?: string;
}

interface AuditFilterValues {
  entity?: string;
  entityId?: string;
  user?: UserChoice;
  action?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

function toFormValues(filter: AuditFilter): AuditFilterValues {
  return {
    entity: filter.entity,
    entityId: filter.entityId,
    user: filter.user,
    action: filter.action,
    period: filter.from || filter.to ? [filter.from ? fromApiDate(filter.from) : null, filter.to ? fromApiDate(filter.to) : null] : null,
  };
}

function toFilter(values: AuditFilterValues): AuditFilter {
  const [from, to] = values.period ?? [null, null];
  return {
    entity: values.entity?.trim() || undefined,
    entityId: values.entityId?.trim() || undefined,
    user: values.user,
    action: values.action,
    from: from ? toApiDate(from) : undefined,
    to: to ? toApiDate(to) : undefined,
  };
}

/** Shows `filter` when mounted; the page remounts it whenever the applied filter changes (Back, clearing). */
export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const t = useT();
  return (
    <Form<AuditFilterValues> layout="vertical" initialValues={toFormValues(filter)} onFinish={(values) => onChange(toFilter(values))}>
      <Flex gap={12} wrap align="flex-end">
        <Form.Item name="user" label={t('audit.filter.user')} style={{ width: 240 }}>
          <UserPicker placeholder={t('audit.filter.anyUser')} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filter.action')} style={{ width: 180 }}>
          <Select
            allowClear
            placeholder={t('audit.filter.anyAction')}
            options={KNOWN_AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(action, t) }))}
          />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.filter.entity')} style={{ width: 180 }}>
          <Input allowClear placeholder={t('audit.filter.entityPlaceholder')} />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.filter.entityId')} style={{ width: 200 }}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="period" label={t('audit.filter.period')}>
          <DatePicker.RangePicker format={DATE_DISPLAY_FORMAT} allowEmpty={[true, true]} placeholder={[t('audit.filter.from'), t('audit.filter.to')]} />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              {t('common.filter')}
            </Button>
            <Button onClick={() => onChange({})}>{t('common.clearFilters')}</Button>
          </Flex>
        </Form.Item>
      </Flex>
    </Form>
  );
}
