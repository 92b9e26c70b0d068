import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Tag, Timeline, Typography } from 'antd';
import { describeApiError } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useLanguage, useT } from '../../app/i18n';
import { formatPeriod, howObtainedLabel, postTitle } from './cadre-format';
import { useDeletePost, type CadreProfile, type Post } from './cadres.api';
import { EndPostModal } from './EndPostModal';
import { PostFormModal } from './PostFormModal';

/** Newest first, as a résumé's "quá trình công tác" is read from the present backwards. */
function byStartDescending(a: Post, b: Post): number {
  return b.startDate.localeCompare(a.startDate) || Number(a.concurrent) - Number(b.concurrent);
}

function periodColor(post: Post, asOf: string): string {
  if (post.heldOnAsOf) return 'green';
  if (post.startDate > asOf) return 'blue';
  return 'gray';
}

function PostEntry({
  post,
  asOf,
  canWrite,
  onEdit,
  onEnd,
  onDelete,
}: {
  post: Post;
  asOf: string;
  canWrite: boolean;
  onEdit: () => void;
  onEnd: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const details = [
    post.unit.name,
    post.term ? t('cadres.post.termValue', { term: post.term }) : null,
    post.howObtained ? howObtainedLabel(post.howObtained, t) : null,
  ].filter((part): part is string => part !== null);

  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap data-testid="post-entry">
      <Flex vertical gap={2} style={{ minWidth: 260, flex: 1 }}>
        <Flex align="center" gap={6} wrap>
          <Typography.Text strong>{postTitle(post, language)}</Typography.Text>
          {post.title.isKey && <Tag color="red">{t('cadres.post.key')}</Tag>}
          {post.concurrent && <Tag color="blue">{t('cadres.post.concurrent')}</Tag>}
          {post.firstTermInPartyCommittee && <Tag color="purple">{t('cadres.post.firstTerm')}</Tag>}
          {post.heldOnAsOf && <Tag color="green">{t('cadres.post.heldOn', { date: formatDate(asOf) })}</Tag>}
          {post.startDate > asOf && <Tag>{t('cadres.post.laterThan', { date: formatDate(asOf) })}</Tag>}
        </Flex>
        <Typography.Text>{formatPeriod(post, t)}</Typography.Text>
        <Typography.Text type="secondary">{details.join(' · ')}</Typography.Text>
        {post.note && (
          <Typography.Text type="secondary" italic style={{ whiteSpace: 'pre-line' }}>
            {post.note}
          </Typography.Text>
        )}
      </Flex>
      {canWrite && (
        <Flex gap={4} wrap>
          {post.endDate === null && (
            <Button size="small" icon={<StopOutlined />} onClick={onEnd} data-testid="post-end">
              {t('cadres.post.end')}
            </Button>
          )}
          <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('cadres.post.deleteConfirmTitle')}
            description={<div style={{ maxWidth: 320 }}>{t('cadres.post.deleteConfirm')}</div>}
            okText={t('cadres.action.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={onDelete}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('cadres.post.delete')} title={t('cadres.post.delete')} />
          </Popconfirm>
        </Flex>
      )}
    </Flex>
  );
}

export function PostsTab({ cadre, asOf, canWrite }: { cadre: CadreProfile; asOf: string; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const editor = useDialogState<Post>();
  const ending = useDialogState<Post>();
  const deletePost = useDeletePost(cadre.id);
  const posts = [...cadre.postHistory].sort(byStartDescending);

  function remove(post: Post) {
    deletePost.mutate(post.id, {
      onSuccess: () => void message.success(t('cadres.post.deleted')),
      onError: (error) => void message.error(describeApiError(error, t)),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 20 }}>
        <Typography.Text type="secondary">{t('cadres.post.historyHint')}</Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(null)} data-testid="post-add">
            {t('cadres.post.add')}
          </Button>
        )}
      </Flex>
      {posts.length === 0 ? (
        <Empty description={t('cadres.post.empty')} />
      ) : (
        <Timeline
          data-testid="post-timeline"
          items={posts.map((post) => ({
            key: post.id,
            color: periodColor(post, asOf),
            content: (
              <PostEntry
                post={post}
                asOf={asOf}
                canWrite={canWrite}
                onEdit={() => editor.show(post)}
                onEnd={() => ending.show(post)}
                onDelete={() => remove(post)}
              />
            ),
          }))}
        />
      )}
      <PostFormModal open={editor.open} cadre={cadre} post={editor.subject} asOf={asOf} onClose={editor.close} />
      <EndPostModal open={ending.open} cadre={cadre} post={ending.subject} onClose={ending.close} />
    </>
  );
}
