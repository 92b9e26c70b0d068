import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate, todayInVietnam } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { formatPeriod, postTitle, textOrNull } from './cadre-format';
import { useEndPost, type CadreProfile, type Post } from './cadres.api';
import { useServerFormErrors } from './form-errors';

interface EndPostValues {
  endDate: Dayjs;
  note?: string;
}

/** Ends a period on a date; the period itself stays in the history. */
function EndPostForm({ cadre, post, onDone }: { cadre: CadreProfile; post: Post; onDone: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<EndPostValues>();
  const endPost = useEndPost(cadre.id);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);

  function handleFinish(values: EndPostValues) {
    clearFormError();
    endPost.mutate(
      { postId: post.id, endDate: toApiDate(values.endDate), note: values.note === undefined ? undefined : textOrNull(values.note) },
      {
        onSuccess: () => {
          void message.success(t('cadres.post.ended'));
          onDone();
        },
        onError: handleError,
      },
    );
  }

  return (
    <Form<EndPostValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      initialValues={{ endDate: fromApiDate(todayInVietnam()), note: post.note ?? undefined }}
      disabled={endPost.isPending}
      data-testid="end-post-form"
    >
      <Typography.Paragraph>
        <Typography.Text strong>{postTitle(post, language)}</Typography.Text> — {post.unit.name}
        <br />
        <Typography.Text type="secondary">{formatPeriod(post, t)}</Typography.Text>
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('cadres.post.endExplanation')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="endDate"
        label={t('cadres.post.endDate')}
        rules={[
          { required: true, message: t('cadres.post.endDateRequired') },
          {
            validator: async (_rule, end: Dayjs | undefined) => {
              if (end && toApiDate(end) < post.startDate) throw new Error(t('cadres.post.endBeforeStart'));
            },
          },
        ]}
      >
        <DatePicker format={DATE_DISPLAY_FORMAT} style={{ width: 200 }} placeholder="dd/mm/yyyy" />
      </Form.Item>
      <Form.Item name="note" label={t('cadres.post.endNote')} rules={[{ max: 1000, message: t('cadres.form.tooLong', { max: 1000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('cadres.post.endNotePlaceholder')} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={endPost.isPending} data-testid="end-post-submit">
          {t('cadres.post.end')}
        </Button>
      </Flex>
    </Form>
  );
}

export function EndPostModal({ open, cadre, post, onClose }: { open: boolean; cadre: CadreProfile; post: Post | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} onCancel={onClose} title={t('cadres.post.endTitle')} footer={null} width={560} destroyOnHidden>
      {post && <EndPostForm cadre={cadre} post={post} onDone={onClose} />}
    </Modal>
  );
}
