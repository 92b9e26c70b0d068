import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Divider, Drawer, Flex, Form, Grid, Input, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { ETHNICITIES } from '../../../core/ethnicities';
import { parsePersonalId } from '../../../core/personal-id';
import { MAX_NAME_LENGTH, fullNameProblemCode, parsePhone } from '../../../core/person-values';
import { foldVietnamese, normalizeText } from '../../../core/text';
import { UnitPicker } from '../../app/components/UnitPicker';
import { useLanguage, useT, type Language, type Translate } from '../../app/i18n';
import { apiDateOrYear, dateOrYearInput, dateOrYearRule, textOrNull } from './cadre-format';
import { useCreateCadre, useUpdateCadre, type CadreInput, type CadreProfile, type Gender } from './cadres.api';
import { useServerFormErrors } from './form-errors';

interface CadreFormValues {
  fullName: string;
  gender?: Gender;
  birthDate?: string;
  ethnicityCode?: string;
  religion?: string;
  homeTown?: string;
  personalId?: string;
  partyJoinedOn?: string;
  phone?: string;
  email?: string;
  discipline?: string;
  owningUnitId: string;
}

const ethnicityOptions = ETHNICITIES.map((ethnicity) => ({
  value: ethnicity.code,
  label: `${ethnicity.nameVi}`,
  // Typed without accents or under another spelling ("hmong", "Mèo"), a group is still found.
  search: foldVietnamese([ethnicity.nameVi, ...ethnicity.aliases, ethnicity.code].join(' ')),
}));

function fullNameRules(t: Translate): Rule[] {
  return [
    { required: true, whitespace: true, message: t('cadres.form.fullNameRequired') },
    { max: MAX_NAME_LENGTH, message: t('cadres.form.fullNameTooLong', { max: MAX_NAME_LENGTH }) },
    {
      validator: async (_rule, value: string | undefined) => {
        const problem = fullNameProblemCode(normalizeText(value ?? ''));
        if (problem === 'characters') throw new Error(t('cadres.form.fullNameCharacters'));
        if (problem === 'one_word') throw new Error(t('cadres.form.fullNameWords'));
      },
    },
  ];
}

function personalIdRule(t: Translate, language: Language): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const result = parsePersonalId(value);
      if (!result.ok) throw new Error(language === 'vi' ? result.message : t('cadres.form.personalIdInvalid'));
    },
  };
}

/** The server's own reading of a phone number (core/person-values.ts): 10 or 11 digits from 0, "+84…" and "84…" accepted. */
function phoneRule(t: Translate): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!parsePhone(value ?? null).ok) throw new Error(t('cadres.form.phoneInvalid'));
    },
  };
}

function initialValues(cadre: CadreProfile | null): Partial<CadreFormValues> | undefined {
  if (!cadre) return undefined;
  return {
    fullName: cadre.fullName,
    gender: cadre.gender ?? undefined,
    birthDate: dateOrYearInput(cadre.birthDate, cadre.birthDatePrecision),
    ethnicityCode: cadre.ethnicity?.code,
    religion: cadre.religion ?? undefined,
    homeTown: cadre.homeTown ?? undefined,
    personalId: cadre.sensitiveHidden ? undefined : (cadre.personalId ?? undefined),
    partyJoinedOn: dateOrYearInput(cadre.partyJoinedOn, cadre.partyJoinedPrecision),
    phone: cadre.phone ?? undefined,
    email: cadre.email ?? undefined,
    discipline: cadre.discipline ?? undefined,
    owningUnitId: cadre.owningUnit?.id,
  };
}

function toInput(values: CadreFormValues, withSensitive: boolean): CadreInput {
  const input: CadreInput = {
    fullName: values.fullName.trim(),
    gender: values.gender ?? null,
    birthDate: apiDateOrYear(values.birthDate, true),
    homeTown: textOrNull(values.homeTown),
    partyJoinedOn: apiDateOrYear(values.partyJoinedOn, true),
    phone: textOrNull(values.phone),
    email: textOrNull(values.email),
    owningUnitId: values.owningUnitId,
  };
  // Someone who may not see personal data never sends it either: the masked values would overwrite the real ones.
  if (!withSensitive) return input;
  return {
    ...input,
    ethnicityCode: values.ethnicityCode ?? null,
    religion: textOrNull(values.religion),
    personalId: textOrNull(values.personalId)?.replace(/[\s.-]/g, '') ?? null,
    discipline: textOrNull(values.discipline),
  };
}

/** Create when `cadre` is null, edit otherwise. Mounted afresh for every opening, so it starts clean. */
function CadreForm({
  cadre,
  asOf,
  onDone,
  onSaved,
}: {
  cadre: CadreProfile | null;
  asOf: string;
  onDone: () => void;
  onSaved?: (saved: CadreProfile) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<CadreFormValues>();
  const create = useCreateCadre();
  const update = useUpdateCadre(cadre?.id ?? '');
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const saving = create.isPending || update.isPending;
  const withSensitive = !cadre?.sensitiveHidden;
  const dateHint = t('cadres.form.dateOrYearHint');

  function handleFinish(values: CadreFormValues) {
    clearFormError();
    const input = toInput(values, withSensitive);
    const done = (saved: CadreProfile, confirmation: string) => {
      void message.success(confirmation);
      onDone();
      onSaved?.(saved);
    };
    if (cadre) {
      update.mutate(input, { onSuccess: (saved) => done(saved, t('cadres.form.saved')), onError: handleError });
    } else {
      create.mutate(input, { onSuccess: (saved) => done(saved, t('cadres.form.created', { name: saved.fullName })), onError: handleError });
    }
  }

  const sensitiveLock = (
    <Typography.Text type="secondary">
      <LockOutlined /> {t('cadres.sensitive.hiddenInForm')}
    </Typography.Text>
  );

  return (
    <Form<CadreFormValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      initialValues={initialValues(cadre)}
      disabled={saving}
      data-testid="cadre-form"
      scrollToFirstError
    >
      <Form.Item name="fullName" label={t('cadres.field.fullName')} rules={fullNameRules(t)}>
        <Input autoComplete="off" placeholder={t('cadres.form.fullNamePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="birthDate"
            label={t('cadres.field.birthDate')}
            extra={dateHint}
            rules={[dateOrYearRule(t, language, { allowYear: true, notAfterToday: true })]}
          >
            <Input autoComplete="off" placeholder={t('cadres.form.dateOrYearPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="gender" label={t('cadres.field.gender')}>
            <Radio.Group
              options={[
                { value: 'nam', label: t('cadres.gender.nam') },
                { value: 'nu', label: t('cadres.gender.nu') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="owningUnitId"
        label={t('cadres.field.owningUnit')}
        extra={t('cadres.form.owningUnitHint')}
        rules={[{ required: true, message: t('cadres.form.owningUnitRequired') }]}
      >
        <UnitPicker initialUnit={cadre?.owningUnit ? { id: cadre.owningUnit.id, name: cadre.owningUnit.name } : undefined} asOf={asOf} />
      </Form.Item>
      <Form.Item name="homeTown" label={t('cadres.field.homeTown')} rules={[{ max: 300, message: t('cadres.form.tooLong', { max: 300 }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="partyJoinedOn"
        label={t('cadres.field.partyJoinedOn')}
        extra={dateHint}
        rules={[dateOrYearRule(t, language, { allowYear: true, notAfterToday: true })]}
      >
        <Input autoComplete="off" placeholder={t('cadres.form.dateOrYearPlaceholder')} style={{ maxWidth: 260 }} />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('cadres.form.sensitiveSection')}
      </Divider>
      {withSensitive ? (
        <>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="personalId" label={t('cadres.field.personalId')} extra={t('cadres.form.personalIdHint')} rules={[personalIdRule(t, language)]}>
                <Input autoComplete="off" inputMode="numeric" maxLength={20} placeholder="001085012345" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="ethnicityCode" label={t('cadres.field.ethnicity')}>
                <Select
                  allowClear
                  options={ethnicityOptions}
                  placeholder={t('cadres.form.ethnicityPlaceholder')}
                  showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldVietnamese(input)) }}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="religion" label={t('cadres.field.religion')} rules={[{ max: 100, message: t('cadres.form.tooLong', { max: 100 }) }]}>
            <Input autoComplete="off" placeholder={t('cadres.form.religionPlaceholder')} />
          </Form.Item>
          <Form.Item name="discipline" label={t('cadres.field.discipline')} rules={[{ max: 2000, message: t('cadres.form.tooLong', { max: 2000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </>
      ) : (
        <Form.Item>{sensitiveLock}</Form.Item>
      )}

      <Divider titlePlacement="start" plain>
        {t('cadres.form.contactSection')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('cadres.field.phone')} rules={[phoneRule(t)]}>
            <Input autoComplete="off" inputMode="tel" placeholder="0912345678" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('cadres.field.email')} rules={[{ type: 'email', message: t('cadres.form.emailInvalid') }]}>
            <Input autoComplete="off" inputMode="email" />
          </Form.Item>
        </Col>
      </Row>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="cadre-form-error" />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="cadre-form-submit">
          {cadre ? t('common.save') : t('cadres.create')}
        </Button>
      </Flex>
    </Form>
  );
}

/** `asOf`: the day whose units the unit picker offers, the day the page is looking at. */
export function CadreFormDrawer({
  open,
  cadre,
  asOf,
  onClose,
  onSaved,
}: {
  open: boolean;
  cadre: CadreProfile | null;
  asOf: string;
  onClose: () => void;
  onSaved?: (saved: CadreProfile) => void;
}) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={cadre ? t('cadres.form.editTitle', { name: cadre.fullName }) : t('cadres.form.createTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
    >
      <CadreForm cadre={cadre} asOf={asOf} onDone={onClose} onSaved={onSaved} />
    </Drawer>
  );
}
