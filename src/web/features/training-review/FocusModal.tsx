import { App, Button, Checkbox, Flex, InputNumber, Modal, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { UnitPicker } from '../../app/components/UnitPicker';
import { todayInVietnam } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { TITLE_OPTIONS } from '../compliance/compliance-labels';
import { useFocus, useSetFocus } from './training-review.api';

type Choice = Record<string, { selected: boolean; titleCodes: string[] }>;

/** The province names the year's focus fields (Party building, finance, land, justice, social affairs) and the posts each concerns. */
export function FocusModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState(user.unit.id);
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const focus = useFocus(unitId, year, open);
  const save = useSetFocus();
  const [choice, setChoice] = useState<Choice>({});

  useEffect(() => {
    if (!focus.data) return;
    setChoice(Object.fromEntries(focus.data.fields.map((field) => [field.code, { selected: field.selected, titleCodes: field.titleCodes }])));
  }, [focus.data]);

  function handleSave() {
    const fields = Object.entries(choice)
      .filter(([, value]) => value.selected)
      .map(([code, value]) => ({ code, titleCodes: value.titleCodes }));
    save.mutate(
      { unitId, year, fields },
      {
        onSuccess: () => {
          void message.success(t('reviews.focus.saved', { year }));
          onClose();
        },
        onError: notifyError,
      },
    );
  }

  const titleOptions = TITLE_OPTIONS.filter((title) => title.isKey).map((title) => ({
    value: title.code,
    label: language === 'vi' ? title.nameVi : title.nameEn,
  }));

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('reviews.focus.title')}
      width={760}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={handleSave} data-testid="save-focus">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('reviews.focus.explanation')}</Typography.Paragraph>
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 320, flex: 1 }}>
          <UnitPicker value={unitId} initialUnit={{ id: user.unit.id, name: user.unit.name }} allowClear={false} onChange={(id) => id && setUnitId(id)} />
        </div>
        <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(value) => value && setYear(value)} aria-label={t('reviews.year')} />
      </Flex>
      {focus.isFetching && !focus.data ? (
        <Spin />
      ) : (
        <Flex vertical gap={12} data-testid="focus-fields">
          {focus.data?.fields.map((field) => {
            const value = choice[field.code] ?? { selected: false, titleCodes: field.defaultTitleCodes };
            return (
              <Flex key={field.code} gap={12} align="center" wrap>
                <Checkbox
                  checked={value.selected}
                  onChange={(event) => setChoice({ ...choice, [field.code]: { ...value, selected: event.target.checked } })}
                  style={{ width: 260 }}
                  data-testid={`focus-${field.code}`}
                >
                  {language === 'vi' ? field.label : field.labelEn}
                </Checkbox>
                <Select
                  mode="multiple"
                  style={{ flex: 1, minWidth: 300 }}
                  disabled={!value.selected}
                  value={value.titleCodes}
                  options={titleOptions}
                  onChange={(titleCodes) => setChoice({ ...choice, [field.code]: { ...value, titleCodes } })}
                />
              </Flex>
            );
          })}
        </Flex>
      )}
    </Modal>
  );
}
