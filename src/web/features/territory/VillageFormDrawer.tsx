import { App, Form, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../app/i18n';
import { FormDrawer, FormFooter, NameField, NoteField, PeriodFields, toNullableApiDate, toNullableDayjs } from './commune-tab-parts';
import { useServerFormErrors } from './form-errors';
import { villageKindLabel } from './territory-labels';
import type { UnitDetail } from './territory.api';
import { useCreateVillage, useUpdateVillage, VILLAGE_KINDS, type Village, type VillageKind } from './villages.api';

interface VillageFormValues {
  kind: VillageKind;
  name: string;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  note?: string;
}

/** Create when `village` is null, edit otherwise. Mounted afresh for every opening. */
function VillageForm({ commune, village, onDone }: { commune: UnitDetail; village: Village | null; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<VillageFormValues>();
  const createVillage = useCreateVillage();
  const updateVillage = useUpdateVillage();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const saving = createVillage.isPending || updateVillage.isPending;

  function handleFinish(values: VillageFormValues) {
    clearFormError();
    // An empty box means "as long as the commune exists", which is what the server assumes on creation.
    const input = {
      kind: values.kind,
      name: values.name.trim(),
      validFrom: toNullableApiDate(values.validFrom) ?? commune.validFrom,
      validTo: toNullableApiDate(values.validTo) ?? commune.validTo,
      note: values.note?.trim() || null,
    };
    const onSuccess = (saved: Village) => {
      void message.success(t(village ? 'territory.village.saved' : 'territory.village.created', { name: saved.name }));
      onDone();
    };
    if (village) updateVillage.mutate({ id: village.id, changes: input }, { onSuccess, onError: handleError });
    else createVillage.mutate({ communeId: commune.id, ...input }, { onSuccess, onError: handleError });
  }

  return (
    <Form<VillageFormValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      disabled={saving}
      data-testid="village-form"
      initialValues={
        village
          ? {
              kind: village.kind,
              name: village.name,
              validFrom: toNullableDayjs(village.validFrom),
              validTo: toNullableDayjs(village.validTo),
              note: village.note ?? undefined,
            }
          : { kind: 'thon', validFrom: null, validTo: null }
      }
    >
      <Form.Item name="kind" label={t('territory.village.kind')} rules={[{ required: true }]}>
        <Radio.Group options={VILLAGE_KINDS.map((kind) => ({ value: kind, label: villageKindLabel(kind, t) }))} optionType="button" buttonStyle="solid" />
      </Form.Item>
      <NameField label={t('territory.village.name')} extra={t('territory.village.nameHint')} placeholder={t('territory.village.namePlaceholder')} />
      <PeriodFields fromHint={t('territory.form.fromCommuneHint')} toHint={t('territory.form.toCommuneHint')} />
      <NoteField rows={3} />
      <FormFooter formError={formError} saving={saving} submitLabel={village ? t('common.save') : t('territory.village.create')} onCancel={onDone} />
    </Form>
  );
}

export function VillageFormDrawer({ open, commune, village, onClose }: { open: boolean; commune: UnitDetail; village: Village | null; onClose: () => void }) {
  const t = useT();
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={village ? t('territory.village.editTitle', { name: village.name }) : t('territory.village.createTitle', { commune: commune.name })}
      width={520}
    >
      <VillageForm commune={commune} village={village} onDone={onClose} />
    </FormDrawer>
  );
}
