import { Alert, App, Button, Col, Flex, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useLanguage, useT } from '../../app/i18n';
import {
  apiDateOrYear,
  dateOrYearRule,
  DETAIL_OF_KIND,
  HAS_STUDY_MODE,
  kindLabel,
  levelOptions,
  sourceLabel,
  studyModeLabel,
  textOrNull,
} from './cadre-format';
import {
  QUALIFICATION_KINDS,
  QUALIFICATION_SOURCES,
  STUDY_MODES,
  useAddQualification,
  type CadreProfile,
  type QualificationKind,
  type QualificationSource,
  type StudyMode,
} from './cadres.api';
import { useServerFormErrors } from './form-errors';

interface QualificationFormValues {
  kind: QualificationKind;
  level: string;
  major?: string;
  language?: string;
  institution?: string;
  studyMode?: StudyMode;
  obtainedOn?: string;
  source: QualificationSource;
  sourceRef?: string;
  note?: string;
}

function QualificationForm({ cadre, initialKind, onDone }: { cadre: CadreProfile; initialKind: QualificationKind; onDone: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<QualificationFormValues>();
  const add = useAddQualification(cadre.id);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const kind = Form.useWatch('kind', form) ?? initialKind;

  function handleFinish(values: QualificationFormValues) {
    clearFormError();
    add.mutate(
      {
        kind: values.kind,
        level: values.level,
        major: DETAIL_OF_KIND[values.kind] === 'major' ? textOrNull(values.major) : null,
        language: DETAIL_OF_KIND[values.kind] === 'language' ? textOrNull(values.language) : null,
        institution: textOrNull(values.institution),
        studyMode: HAS_STUDY_MODE.has(values.kind) ? (values.studyMode ?? null) : null,
        obtainedOn: apiDateOrYear(values.obtainedOn, true),
        source: values.source,
        sourceRef: textOrNull(values.sourceRef),
        note: textOrNull(values.note),
      },
      {
        onSuccess: () => {
          void message.success(t('cadres.qualification.added'));
          onDone();
        },
        onError: handleError,
      },
    );
  }

  return (
    <Form<QualificationFormValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      initialValues={{ kind: initialKind, source: 'declared' }}
      onValuesChange={(changed: Partial<QualificationFormValues>) => {
        // A level belongs to one scale: changing the scale clears it.
        if (changed.kind) form.setFieldValue('level', undefined);
      }}
      disabled={add.isPending}
      data-testid="qualification-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('cadres.qualification.kind')} rules={[{ required: true }]}>
            <Select options={QUALIFICATION_KINDS.map((value) => ({ value, label: kindLabel(value, t) }))} data-testid="qualification-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="level" label={t('cadres.qualification.level')} rules={[{ required: true, message: t('cadres.qualification.levelRequired') }]}>
            <Select options={levelOptions(kind, language)} placeholder={t('cadres.qualification.levelPlaceholder')} data-testid="qualification-level" />
          </Form.Item>
        </Col>
      </Row>
      {DETAIL_OF_KIND[kind] === 'major' && (
        <Form.Item name="major" label={t('cadres.qualification.major')} rules={[{ max: 200, message: t('cadres.form.tooLong', { max: 200 }) }]}>
          <Input autoComplete="off" placeholder={t('cadres.qualification.majorPlaceholder')} />
        </Form.Item>
      )}
      {DETAIL_OF_KIND[kind] === 'language' && (
        <Form.Item name="language" label={t('cadres.qualification.language')} rules={[{ max: 100, message: t('cadres.form.tooLong', { max: 100 }) }]}>
          <Input autoComplete="off" placeholder={t('cadres.qualification.languagePlaceholder')} />
        </Form.Item>
      )}
      <Form.Item name="institution" label={t('cadres.qualification.institution')} rules={[{ max: 300, message: t('cadres.form.tooLong', { max: 300 }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        {HAS_STUDY_MODE.has(kind) && (
          <Col xs={24} sm={12}>
            <Form.Item name="studyMode" label={t('cadres.qualification.studyMode')}>
              <Select allowClear options={STUDY_MODES.map((value) => ({ value, label: studyModeLabel(value, t) }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            name="obtainedOn"
            label={t('cadres.qualification.obtainedOn')}
            extra={t('cadres.qualification.obtainedOnHint')}
            rules={[dateOrYearRule(t, language, { allowYear: true, notAfterToday: true })]}
          >
            <Input autoComplete="off" placeholder={t('cadres.form.dateOrYearPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="source" label={t('cadres.qualification.source')}>
        <Radio.Group options={QUALIFICATION_SOURCES.map((value) => ({ value, label: sourceLabel(value, t) }))} />
      </Form.Item>
      <Form.Item name="sourceRef" label={t('cadres.qualification.sourceRef')} rules={[{ max: 200, message: t('cadres.form.tooLong', { max: 200 }) }]}>
        <Input autoComplete="off" placeholder={t('cadres.qualification.sourceRefPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('cadres.qualification.note')} rules={[{ max: 1000, message: t('cadres.form.tooLong', { max: 1000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="qualification-submit">
          {t('cadres.qualification.add')}
        </Button>
      </Flex>
    </Form>
  );
}

export function QualificationFormModal({ open, cadre, kind, onClose }: { open: boolean; cadre: CadreProfile; kind: QualificationKind; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} onCancel={onClose} title={t('cadres.qualification.addTitle', { name: cadre.fullName })} footer={null} width={640} destroyOnHidden>
      <QualificationForm cadre={cadre} initialKind={kind} onDone={onClose} />
    </Modal>
  );
}
