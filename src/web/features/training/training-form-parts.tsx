import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Modal, Popconfirm, type FormInstance, type FormProps, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { toApiDate } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';

/** What a class is, as both the new-class drawer and the edit modal ask for it. */
export interface ClassBasicsValues {
  name: string;
  startDate: Dayjs;
  endDate: Dayjs;
  venue?: string;
  venueUnitId?: string;
  capacity: number;
}

/** The class's name, dates, venue and size as the server takes them; an empty venue is none. */
export function classBasicsInput(values: ClassBasicsValues) {
  return {
    name: values.name,
    startDate: toApiDate(values.startDate),
    endDate: toApiDate(values.endDate),
    venue: values.venue || null,
    venueUnitId: values.venueUnitId ?? null,
    capacity: values.capacity,
  };
}

interface SaveCallbacks {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

/**
 * Sends a form's values and, when the server takes them, says so and closes;
 * a refusal goes under its fields or above the buttons (`formError`).
 */
export function useSaveAndClose(form: FormInstance, onClose: () => void) {
  const { message } = App.useApp();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  function submit<Variables>(mutate: (variables: Variables, callbacks: SaveCallbacks) => void, variables: Variables, savedText: string) {
    clearFormError();
    mutate(variables, {
      onSuccess: () => {
        void message.success(savedText);
        onClose();
      },
      onError: handleError,
    });
  }
  return { formError, submit };
}

/** The server's refusal above "Hủy" and "Lưu" at the foot of a training form. */
function SaveFormFooter({ formError, saving, onCancel }: { formError: string | null; saving: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Flex>
    </>
  );
}

interface SaveFormProps<Values> {
  form: FormInstance<Values>;
  saving: boolean;
  formError: string | null;
  initialValues: FormProps<Values>['initialValues'];
  onFinish: (values: Values) => void;
  onClose: () => void;
  testId?: string;
  children: ReactNode;
}

/** The fields, locked while saving, above the server's refusal and the buttons. */
function SaveForm<Values>({ form, saving, formError, initialValues, onFinish, onClose, testId, children }: SaveFormProps<Values>) {
  return (
    <Form<Values> form={form} layout="vertical" disabled={saving} initialValues={initialValues} onFinish={onFinish} data-testid={testId}>
      {children}
      <SaveFormFooter formError={formError} saving={saving} onCancel={onClose} />
    </Form>
  );
}

/** A short training form in a modal, mounted afresh for every opening. */
export function SaveFormModal<Values>({ title, width, ...form }: SaveFormProps<Values> & { title: string; width?: number }) {
  return (
    <Modal open onCancel={form.onClose} title={title} footer={null} width={width} destroyOnHidden>
      <SaveForm<Values> {...form} />
    </Modal>
  );
}

/** A longer training form in a drawer, mounted afresh for every opening. */
export function SaveFormDrawer<Values>({ title, size, ...form }: SaveFormProps<Values> & { title: string; size: number }) {
  return (
    <Drawer open onClose={form.onClose} title={title} size={size} destroyOnHidden>
      <SaveForm<Values> {...form} />
    </Drawer>
  );
}

/** A delete button that asks first; the server refuses what may not go, and says why. */
export function DeleteButton({ confirmTitle, onDelete }: { confirmTitle: string; onDelete: () => void }) {
  const t = useT();
  return (
    <Popconfirm title={confirmTitle} okText={t('training.delete')} cancelText={t('common.cancel')} onConfirm={onDelete}>
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('training.delete')} />
    </Popconfirm>
  );
}

/** Edit and delete as icon buttons, named for screen readers. */
export function EditDeleteActions({ onEdit, deleteTitle, onDelete }: { onEdit: () => void; deleteTitle: string; onDelete: () => void }) {
  const t = useT();
  return (
    <Flex gap={4}>
      <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={onEdit} />
      <DeleteButton confirmTitle={deleteTitle} onDelete={onDelete} />
    </Flex>
  );
}

/** The last column of a training table, only for those who may write (`actions` null otherwise). */
export function actionsColumn<Row>(t: Translate, actions: ((row: Row) => ReactNode) | null): NonNullable<TableProps<Row>['columns']> {
  return actions ? [{ key: 'actions', title: t('common.actions'), width: 110, render: (_: unknown, row: Row) => actions(row) }] : [];
}
