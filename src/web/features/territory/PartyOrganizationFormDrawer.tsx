import { App, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../app/i18n';
import { FormDrawer, FormFooter, NameField, NoteField, PeriodFields, toNullableApiDate, toNullableDayjs } from './commune-tab-parts';
import { useServerFormErrors } from './form-errors';
import { formatPeriod } from './territory-dates';
import { organizationKindLabel } from './territory-labels';
import type { UnitDetail } from './territory.api';
import {
  GRASSROOTS_KINDS,
  useCreateOrganization,
  useOrganizations,
  useUpdateOrganization,
  useVillages,
  type PartyOrganization,
  type PartyOrganizationKind,
} from './villages.api';

interface OrganizationFormValues {
  kind: PartyOrganizationKind;
  name: string;
  parentId?: string;
  villageId?: string | null;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  note?: string;
}

/** What the drawer is opened for: a new organisation (possibly a cell of a given đảng bộ), or an existing one. */
export type OrganizationEditing = { organization: PartyOrganization } | { organization: null; parentId?: string };

function OrganizationForm({ commune, editing, onDone }: { commune: UnitDetail; editing: OrganizationEditing; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganizationFormValues>();
  const createOrganization = useCreateOrganization();
  const updateOrganization = useUpdateOrganization();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const saving = createOrganization.isPending || updateOrganization.isPending;
  // Every period: a cell may be recorded for a year whose đảng bộ or village has since ended.
  const organizations = useOrganizations(commune.id, null);
  const villages = useVillages(commune.id, null);
  const kind = Form.useWatch('kind', form);
  const existing = editing.organization;
  const isCell = kind === 'chi_bo';

  const parents = (organizations.data?.items ?? []).filter((organization) => organization.kind === 'dang_bo_co_so');
  // A cell cannot become a grassroots organisation or the reverse (the server refuses); offer only what is possible.
  const kindOptions = (existing ? (existing.kind === 'chi_bo' ? ['chi_bo'] : GRASSROOTS_KINDS) : [...GRASSROOTS_KINDS, 'chi_bo']) as PartyOrganizationKind[];

  function handleFinish(values: OrganizationFormValues) {
    clearFormError();
    const parent = parents.find((candidate) => candidate.id === values.parentId);
    // Empty dates follow what encloses the record: the đảng bộ for a cell, the commune otherwise.
    const enclosing = values.kind === 'chi_bo' && parent ? parent : commune;
    const input = {
      kind: values.kind,
      name: values.name.trim(),
      parentId: values.kind === 'chi_bo' ? (values.parentId ?? null) : null,
      villageId: values.kind === 'chi_bo' ? (values.villageId ?? null) : null,
      validFrom: toNullableApiDate(values.validFrom) ?? enclosing.validFrom,
      validTo: toNullableApiDate(values.validTo) ?? enclosing.validTo,
      note: values.note?.trim() || null,
    };
    const onSuccess = (saved: PartyOrganization) => {
      void message.success(t(existing ? 'territory.party.saved' : 'territory.party.created', { name: saved.name }));
      onDone();
    };
    if (existing) updateOrganization.mutate({ id: existing.id, changes: input }, { onSuccess, onError: handleError });
    else createOrganization.mutate({ communeId: commune.id, ...input }, { onSuccess, onError: handleError });
  }

  return (
    <Form<OrganizationFormValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      disabled={saving}
      data-testid="party-form"
      initialValues={
        existing
          ? {
              kind: existing.kind,
              name: existing.name,
              parentId: existing.parent?.id,
              villageId: existing.village?.id ?? null,
              validFrom: toNullableDayjs(existing.validFrom),
              validTo: toNullableDayjs(existing.validTo),
              note: existing.note ?? undefined,
            }
          : { kind: editing.parentId ? 'chi_bo' : 'dang_bo_co_so', parentId: editing.parentId, validFrom: null, validTo: null }
      }
    >
      <Form.Item name="kind" label={t('territory.party.kind')} rules={[{ required: true }]}>
        <Select options={kindOptions.map((option) => ({ value: option, label: organizationKindLabel(option, t) }))} />
      </Form.Item>
      <NameField
        label={t('territory.party.name')}
        placeholder={t(isCell ? 'territory.party.cellPlaceholder' : 'territory.party.grassrootsPlaceholder', { commune: commune.name })}
      />
      {isCell && (
        <>
          <Form.Item name="parentId" label={t('territory.party.parent')} rules={[{ required: true, message: t('territory.party.parentRequired') }]}>
            <Select
              loading={organizations.isPending}
              placeholder={t('territory.party.parentPlaceholder')}
              notFoundContent={t('territory.party.noParents')}
              options={parents.map((parent) => ({ value: parent.id, label: `${parent.name} (${formatPeriod(parent.validFrom, parent.validTo, t)})` }))}
            />
          </Form.Item>
          <Form.Item name="villageId" label={t('territory.party.village')} extra={t('territory.party.villageHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={villages.isPending}
              placeholder={t('territory.party.villagePlaceholder')}
              options={(villages.data?.items ?? []).map((village) => ({ value: village.id, label: village.name }))}
            />
          </Form.Item>
        </>
      )}
      <PeriodFields
        fromHint={t(isCell ? 'territory.form.fromParentHint' : 'territory.form.fromCommuneHint')}
        toHint={t(isCell ? 'territory.form.toParentHint' : 'territory.form.toCommuneHint')}
      />
      <NoteField rows={3} />
      <FormFooter formError={formError} saving={saving} submitLabel={existing ? t('common.save') : t('territory.party.create')} onCancel={onDone} />
    </Form>
  );
}

export function PartyOrganizationFormDrawer({
  open,
  commune,
  editing,
  onClose,
}: {
  open: boolean;
  commune: UnitDetail;
  editing: OrganizationEditing | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={
        editing?.organization
          ? t('territory.party.editTitle', { name: editing.organization.name })
          : t('territory.party.createTitle', { commune: commune.name })
      }
      width={560}
    >
      {editing && <OrganizationForm commune={commune} editing={editing} onDone={onClose} />}
    </FormDrawer>
  );
}
