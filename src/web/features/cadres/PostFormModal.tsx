import { Alert, App, Button, Checkbox, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { isTitleCode, titleByCode } from '../../../core/titles';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import {
  apiDateOrYear,
  dateOrYearInput,
  dateOrYearRule,
  foldedSearch,
  formatPeriod,
  howObtainedLabel,
  parseDateOrYear,
  postTitle,
  textOrNull,
  titleOptionGroups,
} from './cadre-format';
import { HOW_OBTAINED, useAddPost, useUpdatePost, type CadreProfile, type HowObtained, type Post } from './cadres.api';
import { useServerFormErrors } from './form-errors';

interface PostFormValues {
  unitId: string;
  titleCode: string;
  startDate: string;
  endDate?: Dayjs | null;
  term?: string;
  howObtained?: HowObtained;
  concurrent?: boolean;
  note?: string;
  firstTermInPartyCommittee?: boolean;
}

const TERM_PATTERN = /^(\d{4})\s*-\s*(\d{4})$/;

/** The day units are looked up on: the typed start (1 January for a year alone), else the profile's day. */
function unitDate(startText: string | undefined, fallback: string): string {
  const parsed = parseDateOrYear(startText, true);
  if (!parsed.ok || parsed.value === null) return fallback;
  return parsed.value.length === 4 ? `${parsed.value}-01-01` : parsed.value;
}

/** Only a secretary's or deputy secretary's post can be a first term in the party committee. */
function isPartyCommitteeTitle(code: string | undefined): boolean {
  return code !== undefined && isTitleCode(code) && titleByCode(code).group === 'party';
}

/** Add a period when `post` is null; otherwise correct one (its title and unit are another period, so they stay). */
function PostForm({ cadre, post, asOf, onDone }: { cadre: CadreProfile; post: Post | null; asOf: string; onDone: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostFormValues>();
  const addPost = useAddPost(cadre.id);
  const updatePost = useUpdatePost(cadre.id);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const startText = Form.useWatch('startDate', form);
  const chosenTitle = Form.useWatch('titleCode', form);
  const partyCommittee = isPartyCommitteeTitle(post ? post.title.code : chosenTitle);
  const saving = addPost.isPending || updatePost.isPending;

  function handleFinish(values: PostFormValues) {
    clearFormError();
    const term = values.term?.trim() ? values.term.replace(/\s+/g, '') : null;
    const common = {
      startDate: apiDateOrYear(values.startDate, true)!,
      endDate: values.endDate ? toApiDate(values.endDate) : null,
      term,
      howObtained: values.howObtained ?? null,
      concurrent: values.concurrent ?? false,
      note: textOrNull(values.note),
      firstTermInPartyCommittee: partyCommittee && (values.firstTermInPartyCommittee ?? false),
    };
    const done = (confirmation: string) => {
      void message.success(confirmation);
      onDone();
    };
    if (post) {
      updatePost.mutate({ postId: post.id, changes: common }, { onSuccess: () => done(t('cadres.post.saved')), onError: handleError });
    } else {
      addPost.mutate(
        { ...common, unitId: values.unitId, titleCode: values.titleCode },
        { onSuccess: () => done(t('cadres.post.added')), onError: handleError },
      );
    }
  }

  const initialValues: Partial<PostFormValues> = post
    ? {
        startDate: dateOrYearInput(post.startDate, post.startDatePrecision),
        endDate: post.endDate ? fromApiDate(post.endDate) : null,
        term: post.term ?? undefined,
        howObtained: post.howObtained ?? undefined,
        concurrent: post.concurrent,
        note: post.note ?? undefined,
        firstTermInPartyCommittee: post.firstTermInPartyCommittee,
      }
    : { unitId: cadre.owningUnit?.id, concurrent: false, firstTermInPartyCommittee: false };

  return (
    <Form<PostFormValues> form={form} disabled={saving} layout="vertical" onFinish={handleFinish} initialValues={initialValues} data-testid="post-form">
      {post && (
        <Typography.Paragraph>
          <Typography.Text strong>{postTitle(post, language)}</Typography.Text> — {post.unit.name}
          <br />
          <Typography.Text type="secondary">{formatPeriod(post, t)}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="startDate"
            label={t('cadres.post.startDate')}
            extra={t('cadres.form.dateOrYearHint')}
            rules={[{ required: true, whitespace: true, message: t('cadres.post.startDateRequired') }, dateOrYearRule(t, language, { allowYear: true })]}
          >
            <Input autoComplete="off" placeholder={t('cadres.form.dateOrYearPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="endDate"
            label={t('cadres.post.endDate')}
            extra={t('cadres.post.endDateHint')}
            dependencies={['startDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, end: Dayjs | null | undefined) => {
                  const start = apiDateOrYear(getFieldValue('startDate') as string | undefined, true);
                  if (end && start && toApiDate(end) < (start.length === 4 ? `${start}-01-01` : start)) throw new Error(t('cadres.post.endBeforeStart'));
                },
              }),
            ]}
          >
            <DatePicker format={DATE_DISPLAY_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
          </Form.Item>
        </Col>
      </Row>
      {!post && (
        <>
          <Form.Item name="titleCode" label={t('cadres.post.title')} rules={[{ required: true, message: t('cadres.post.titleRequired') }]}>
            <Select
              options={titleOptionGroups(language)}
              placeholder={t('cadres.post.titlePlaceholder')}
              showSearch={foldedSearch}
              data-testid="post-title-select"
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('cadres.post.unit')}
            extra={t('cadres.post.unitHint')}
            rules={[{ required: true, message: t('cadres.post.unitRequired') }]}
          >
            <UnitPicker
              initialUnit={cadre.owningUnit ? { id: cadre.owningUnit.id, name: cadre.owningUnit.name } : undefined}
              asOf={unitDate(startText, asOf)}
            />
          </Form.Item>
        </>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="term"
            label={t('cadres.post.term')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const typed = value?.trim() ?? '';
                  if (typed === '') return;
                  const match = TERM_PATTERN.exec(typed);
                  if (!match) throw new Error(t('cadres.post.termFormat'));
                  const from = Number(match[1]);
                  const to = Number(match[2]);
                  if (to <= from || to - from > 5) throw new Error(t('cadres.post.termRange'));
                },
              },
            ]}
          >
            <Input autoComplete="off" placeholder="2020-2025" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="howObtained" label={t('cadres.post.howObtained')}>
            <Select
              allowClear
              options={HOW_OBTAINED.map((value) => ({ value, label: howObtainedLabel(value, t) }))}
              placeholder={t('cadres.post.howObtainedPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="concurrent" valuePropName="checked" extra={t('cadres.post.concurrentHint')}>
        <Checkbox>{t('cadres.post.concurrentLabel')}</Checkbox>
      </Form.Item>
      {partyCommittee && (
        <Form.Item name="firstTermInPartyCommittee" valuePropName="checked" extra={t('cadres.post.firstTermHint')}>
          <Checkbox data-testid="post-first-term">{t('cadres.post.firstTermLabel')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="note" label={t('cadres.post.note')} rules={[{ max: 1000, message: t('cadres.form.tooLong', { max: 1000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('cadres.post.notePlaceholder')} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="post-form-error" />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="post-form-submit">
          {post ? t('common.save') : t('cadres.post.add')}
        </Button>
      </Flex>
    </Form>
  );
}

export function PostFormModal({
  open,
  cadre,
  post,
  asOf,
  onClose,
}: {
  open: boolean;
  cadre: CadreProfile;
  post: Post | null;
  asOf: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={post ? t('cadres.post.editTitle') : t('cadres.post.addTitle', { name: cadre.fullName })}
      footer={null}
      width={640}
      destroyOnHidden
    >
      <PostForm cadre={cadre} post={post} asOf={asOf} onDone={onClose} />
    </Modal>
  );
}
