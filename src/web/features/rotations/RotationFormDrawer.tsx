import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ROTATION_DIRECTIONS, ROTATION_KINDS, ROTATION_PURPOSES } from '../../../core/rotation';
import { COMMUNE_TITLES } from '../../../core/titles';
import { apiFetch } from '../../app/api/api-client';
import { UnitPicker } from '../../app/components/UnitPicker';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { DATE_DISPLAY_FORMAT, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { foldedSearch } from '../cadres/cadre-format';
import type { CadreProfile } from '../cadres/cadres.api';
import { PersonSelect } from '../cadres/PersonSelect';
import { type RotationCheck, type RotationInput, checkRotation, useCreateRotation } from './rotations.api';

interface RotationValues {
  cadreId: string;
  kind: RotationInput['kind'];
  direction: RotationInput['direction'];
  purpose: RotationInput['purpose'];
  purposeNote?: string;
  originUnitId: string;
  originPostName: string;
  originPostId?: string;
  destinationUnitId: string;
  destinationTitleCode: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  decisionSigner: string;
  startDate: Dayjs;
  plannedEndDate?: Dayjs;
}

/** The person's posts held today: one of them may be the commune post the rotation ends. */
function usePersonPosts(cadreId: string | undefined) {
  return useQuery({
    queryKey: ['cadres', 'detail', cadreId, 'rotation-form'],
    queryFn: ({ signal }) => apiFetch<CadreProfile>(`/api/cadres/${cadreId}`, { signal }),
    enabled: cadreId !== undefined,
  });
}

function inputOf(values: RotationValues, acceptedWarnings: RotationInput['acceptedWarnings']): RotationInput {
  return {
    cadreId: values.cadreId,
    kind: values.kind,
    direction: values.direction,
    purpose: values.purpose,
    purposeNote: values.purposeNote || null,
    originUnitId: values.originUnitId,
    originPostName: values.originPostName,
    originPostId: values.originPostId ?? null,
    destinationUnitId: values.destinationUnitId,
    destinationTitleCode: values.destinationTitleCode,
    decisionNumber: values.decisionNumber,
    decisionDate: toApiDate(values.decisionDate),
    decisionSigner: values.decisionSigner,
    startDate: toApiDate(values.startDate),
    plannedEndDate: values.plannedEndDate ? toApiDate(values.plannedEndDate) : null,
    acceptedWarnings,
  };
}

/**
 * Recording a rotation decision. Saving first checks it against the rules in
 * force on its start; a rule not met is shown with its basis and the officer
 * confirms it before the decision is recorded with it.
 */
export function RotationFormDrawer({ onClose, onSaved }: { onClose: () => void; onSaved: (id: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<RotationValues>();
  const create = useCreateRotation();
  const handleError = useFormErrorHandler(form);
  const cadreId = Form.useWatch('cadreId', form);
  const person = usePersonPosts(cadreId);
  const [checked, setChecked] = useState<RotationCheck | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [checking, setChecking] = useState(false);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('rotations.required', { field }) }];

  async function runCheck(values: RotationValues): Promise<RotationCheck | null> {
    setChecking(true);
    try {
      const result = await checkRotation(inputOf(values, []));
      setChecked(result);
      return result;
    } catch (error) {
      handleError(error);
      return null;
    } finally {
      setChecking(false);
    }
  }

  async function save(values: RotationValues) {
    const result = await runCheck(values);
    if (!result) return;
    if (result.warnings.length > 0 && !accepted) return;
    create.mutate(
      inputOf(
        values,
        result.warnings.map((warning) => warning.code),
      ),
      { onSuccess: (saved) => onSaved(saved.id), onError: handleError },
    );
  }

  const heldPosts = person.data?.posts ?? [];

  return (
    <Drawer open onClose={onClose} title={t('rotations.create')} size={640} destroyOnHidden>
      <Form<RotationValues>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={{ kind: 'luan_chuyen', direction: 'down', purpose: 'strengthen_weak' }}
        onValuesChange={() => {
          setChecked(null);
          setAccepted(false);
        }}
        onFinish={(values) => void save(values)}
        data-testid="rotation-form"
      >
        <Form.Item name="cadreId" label={t('rotations.field.person')} rules={required(t('rotations.field.person'))}>
          <PersonSelect placeholder={t('rotations.field.personSearch')} testId="rotation-person" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('rotations.field.kind')} style={{ minWidth: 160 }}>
            <Select options={ROTATION_KINDS.map((value) => ({ value, label: t(`rotations.kind.${value}`) }))} />
          </Form.Item>
          <Form.Item name="direction" label={t('rotations.field.direction')} style={{ minWidth: 220, flex: 1 }}>
            <Select options={ROTATION_DIRECTIONS.map((value) => ({ value, label: t(`rotations.direction.${value}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="purpose" label={t('rotations.field.purpose')}>
          <Select options={ROTATION_PURPOSES.map((value) => ({ value, label: t(`rotations.purpose.${value}`) }))} />
        </Form.Item>
        <Form.Item name="originUnitId" label={t('rotations.field.originUnit')} rules={required(t('rotations.field.originUnit'))}>
          <UnitPicker scope="mine" />
        </Form.Item>
        <Form.Item name="originPostName" label={t('rotations.field.originPostName')} rules={required(t('rotations.field.originPostName'))}>
          <Input maxLength={300} placeholder="Phó Chủ tịch Hội Nông dân huyện Lạng Giang" />
        </Form.Item>
        {heldPosts.length > 0 && (
          <Form.Item name="originPostId" label={t('rotations.field.originPost')} extra={t('rotations.field.originPostHint')}>
            <Select
              allowClear
              placeholder={t('rotations.field.originPostNone')}
              options={heldPosts.map((post) => ({ value: post.id, label: `${post.title.name}, ${post.unit.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="destinationUnitId" label={t('rotations.field.destinationUnit')} rules={required(t('rotations.field.destinationUnit'))}>
          <UnitPicker scope="mine" />
        </Form.Item>
        <Form.Item name="destinationTitleCode" label={t('rotations.field.destinationTitle')} rules={required(t('rotations.field.destinationTitle'))}>
          <Select showSearch={foldedSearch} options={COMMUNE_TITLES.map((title) => ({ value: title.code, label: title.nameVi }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="decisionNumber"
            label={t('rotations.field.decisionNumber')}
            rules={required(t('rotations.field.decisionNumber'))}
            style={{ flex: 1, minWidth: 160 }}
          >
            <Input maxLength={100} placeholder="125-QĐ/HU" />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label={t('rotations.field.decisionDate')}
            rules={[{ required: true, message: t('rotations.required', { field: t('rotations.field.decisionDate') }) }]}
          >
            <DatePicker format={DATE_DISPLAY_FORMAT} />
          </Form.Item>
        </Flex>
        <Form.Item name="decisionSigner" label={t('rotations.field.decisionSigner')} rules={required(t('rotations.field.decisionSigner'))}>
          <Input maxLength={200} placeholder="Ban Thường vụ Huyện ủy Lạng Giang" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="startDate"
            label={t('rotations.field.startDate')}
            rules={[{ required: true, message: t('rotations.required', { field: t('rotations.field.startDate') }) }]}
          >
            <DatePicker format={DATE_DISPLAY_FORMAT} />
          </Form.Item>
          <Form.Item
            name="plannedEndDate"
            label={t('rotations.field.plannedEndDate')}
            extra={t('rotations.field.plannedEndHint', { months: checked?.rule.defaultMonths ?? 36 })}
          >
            <DatePicker format={DATE_DISPLAY_FORMAT} />
          </Form.Item>
        </Flex>
        <Form.Item name="purposeNote" label={t('rotations.field.purposeNote')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>

        {checked && checked.warnings.length === 0 && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('rotations.checkOk', { years: checked.rule.minimumServiceYears, months: checked.rule.minimumMonths })}
          />
        )}
        {checked && checked.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('rotations.warnings')}
            data-testid="rotation-warnings"
            description={
              <Flex vertical gap={8}>
                {checked.warnings.map((warning) => (
                  <div key={warning.code}>
                    <Typography.Text>{warning.message}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('rotations.basis', { basis: warning.basis })}</Typography.Text>
                  </div>
                ))}
                <Checkbox checked={accepted} onChange={(event) => setAccepted(event.target.checked)} data-testid="rotation-accept">
                  {t('rotations.accept')}
                </Checkbox>
              </Flex>
            }
          />
        )}
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            loading={checking}
            onClick={() =>
              void form
                .validateFields()
                .then(runCheck)
                .catch(() => undefined)
            }
          >
            {t('rotations.check')}
          </Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={checked !== null && checked.warnings.length > 0 && !accepted}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
