import { CameraOutlined, DeleteOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Popconfirm, Upload } from 'antd';
import { useState } from 'react';
import { describeApiError } from '../../app/api/api-errors';
import { useT } from '../../app/i18n';
import { useFileUpload } from '../imports/file-transfer';
import { cadrePath, useDeletePhoto, useInvalidateCadres, type CadreProfile } from './cadres.api';

const PHOTO_WIDTH = 96;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** The 3×4 portrait that also goes on the résumé, or a neutral placeholder; writers can replace or remove it. */
export function CadrePhoto({ cadre, canWrite }: { cadre: CadreProfile; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const upload = useFileUpload();
  const invalidate = useInvalidateCadres();
  const deletePhoto = useDeletePhoto(cadre.id);
  const [uploading, setUploading] = useState(false);
  // Saving a photo does not change the record's update time, so the address changes by this count too.
  const [photoVersion, setPhotoVersion] = useState(0);

  async function send(file: File) {
    if (file.size > MAX_PHOTO_BYTES || !['image/jpeg', 'image/png'].includes(file.type)) {
      void message.error(t('cadres.photo.invalid'));
      return;
    }
    setUploading(true);
    try {
      await upload(`${cadrePath(cadre.id)}/photo`, file, { method: 'PUT' });
      setPhotoVersion((version) => version + 1);
      await invalidate();
      void message.success(t('cadres.photo.saved'));
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setUploading(false);
    }
  }

  return (
    <Flex vertical align="center" gap={6} style={{ width: PHOTO_WIDTH + 16 }}>
      {cadre.hasPhoto ? (
        <img
          src={`${cadrePath(cadre.id)}/photo?v=${encodeURIComponent(cadre.updatedAt)}-${photoVersion}`}
          alt={t('cadres.photo.alt', { name: cadre.fullName })}
          width={PHOTO_WIDTH}
          height={(PHOTO_WIDTH * 4) / 3}
          style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #e5e7eb' }}
          data-testid="cadre-photo"
        />
      ) : (
        <Avatar shape="square" size={PHOTO_WIDTH} icon={<UserOutlined />} style={{ background: '#eef0f3', color: '#9ca3af' }} />
      )}
      {canWrite && (
        <Flex gap={0} align="center">
          <Upload
            accept="image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              // Sent by `send`, not by the Upload component.
              return false;
            }}
          >
            <Button size="small" type="link" icon={<CameraOutlined />} loading={uploading} title={t('cadres.photo.change')}>
              {cadre.hasPhoto ? t('cadres.photo.replace') : t('cadres.photo.upload')}
            </Button>
          </Upload>
          {cadre.hasPhoto && (
            <Popconfirm
              title={t('cadres.photo.deleteConfirm')}
              okText={t('cadres.action.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                deletePhoto.mutate(undefined, {
                  onSuccess: () => void message.success(t('cadres.photo.deleted')),
                  onError: (error) => void message.error(describeApiError(error, t)),
                })
              }
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('cadres.photo.delete')} title={t('cadres.photo.delete')} />
            </Popconfirm>
          )}
        </Flex>
      )}
    </Flex>
  );
}
