import { App, Button, Flex, Form, Input, Modal, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { COURSE_TYPES } from '../../../core/course-types';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import { useLanguage, useT } from '../../app/i18n';
import { useAddPerson, useCadreSearch, type ReviewDetail } from './training-review.api';

interface AddValues {
  cadreId: string;
  courseType: string;
  reason: string;
}

function AddPersonForm({ review, onDone }: { review: ReviewDetail; onDone: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const add = useAddPerson();
  const handleError = useFormErrorHandler(form);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const found = useCadreSearch(review.unit.id, review.asOf, debounced);

  function handleFinish(values: AddValues) {
    add.mutate(
      { id: review.id, ...values },
      {
        onSuccess: () => {
          void message.success(t('reviews.add.done'));
          onDone();
        },
        onError: handleError,
      },
    );
  }

  return (
    <Form<AddValues> form={form} layout="vertical" onFinish={handleFinish} disabled={add.isPending} data-testid="add-person-form">
      <Typography.Paragraph type="secondary">{t('reviews.add.explanation', { unit: review.unit.name })}</Typography.Paragraph>
      <Form.Item name="cadreId" label={t('reviews.proposal.person')} rules={[{ required: true, message: t('reviews.add.personRequired') }]}>
        <Select
          showSearch={{ onSearch: setSearch, filterOption: false }}
          placeholder={t('reviews.add.searchPlaceholder')}
          notFoundContent={found.isFetching ? <Spin size="small" /> : debounced ? t('common.noResults') : t('reviews.add.typeToSearch')}
          options={(found.data?.items ?? []).map((person) => ({
            value: person.id,
            label: `${person.fullName}${person.posts[0] ? ` — ${person.posts.map((post) => post.title.shortName).join(', ')}, ${person.posts[0].unit.name}` : ''}`,
          }))}
          data-testid="add-person-search"
        />
      </Form.Item>
      <Form.Item name="courseType" label={t('reviews.proposal.course')} rules={[{ required: true, message: t('reviews.add.courseRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={COURSE_TYPES.map((course) => ({ value: course.code, label: language === 'vi' ? course.nameVi : course.nameEn }))}
          data-testid="add-person-course"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('reviews.proposal.reason')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('reviews.add.reasonRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} data-testid="add-person-reason" />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="add-person-submit">
          {t('reviews.add')}
        </Button>
      </Flex>
    </Form>
  );
}

export function AddPersonModal({ open, review, onClose }: { open: boolean; review: ReviewDetail; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} onCancel={onClose} title={t('reviews.add')} footer={null} destroyOnHidden>
      <AddPersonForm review={review} onDone={onClose} />
    </Modal>
  );
}
