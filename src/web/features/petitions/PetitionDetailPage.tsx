import { ArrowLeftOutlined, FileWordOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Steps, Tag, Timeline, Typography, Upload } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth/session';
import { PetitionFormDrawer } from './PetitionFormDrawer';
import { describeApiError } from '../../app/api/api-errors';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { FullPageSpinner } from '../../app/components/FullPageSpinner';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useFileDownload, useFileUpload } from '../imports/file-transfer';
import { ClockTag } from './ClockTag';
import { PetitionActions } from './PetitionActions';
import { type PetitionDetail, usePetition } from './petitions.api';
import { usePetitionDefaultDate } from './use-petition-date';

const STEP_STATUS = { running: 'process', overdue: 'error', on_time: 'finish', late: 'error' } as const;

/** One case: what it is about, each legal clock, the other level's case, who handles it, and what happened when. */
export function PetitionDetailPage() {
  const t = useT();
  const { petitionId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { defaultAsOf } = usePetitionDefaultDate();
  const asOf = searchParams.get('asOf') ?? defaultAsOf;
  const petition = usePetition(petitionId, asOf);

  if (petition.isLoading) return <FullPageSpinner />;
  if (petition.isError) return <QueryErrorAlert error={petition.error} onRetry={() => void petition.refetch()} />;
  const data = petition.data!;
  return (
    <Flex vertical gap={16}>
      <Link to="/petitions">
        <ArrowLeftOutlined /> {t('petitions.detail.back')}
      </Link>
      <Flex justify="space-between" gap={16} wrap align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="petition-title">
            {t('petitions.detail.heading', { type: data.type.label.toLowerCase(), number: data.number, subject: data.subject })}
          </Typography.Title>
          <Flex gap={6} wrap style={{ marginTop: 8 }}>
            <Tag color="blue">{data.status.label}</Tag>
            {data.overLevel && <Tag color="volcano">{t('petitions.overLevel')}</Tag>}
            {data.clock && <ClockTag clock={data.clock} withStage />}
            {data.previous && (
              <Link to={`/petitions/${data.previous.id}`}>
                <Tag color="purple">{t('petitions.detail.previous', { number: data.previous.number })}</Tag>
              </Link>
            )}
            {data.duplicateOf && (
              <Link to={`/petitions/${data.duplicateOf.id}`}>
                <Tag>{t('petitions.detail.duplicateOf', { number: data.duplicateOf.number })}</Tag>
              </Link>
            )}
          </Flex>
        </div>
        <Flex gap={8} wrap>
          <PetitionActions petition={data} />
          {data.abilities.receiveSecondComplaint && <SecondComplaintButton petition={data} />}
        </Flex>
      </Flex>
      <LinkedCase petition={data} asOf={asOf} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('petitions.detail.clocks')} size="small">
              <Steps
                direction="vertical"
                size="small"
                data-testid="petition-clocks"
                items={data.clocks.map((clock) => ({
                  title: clock.label,
                  status: STEP_STATUS[clock.state],
                  description: (
                    <Flex vertical gap={2}>
                      <span>
                        {t('petitions.detail.due', { date: formatDate(clock.dueOn) })} · <ClockTag clock={clock} />
                      </span>
                      <Typography.Text type="secondary">{clock.basis}</Typography.Text>
                    </Flex>
                  ),
                }))}
              />
              {data.maxExtensions > 0 && (
                <Typography.Text type="secondary">{t('petitions.detail.extensions', { used: data.extensionsUsed, max: data.maxExtensions })}</Typography.Text>
              )}
            </Card>
            <Card title={t('petitions.detail.facts')} size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'received', label: t('petitions.form.receivedOn'), children: formatDate(data.receivedOn) },
                  { key: 'channel', label: t('petitions.form.channel'), children: data.channel.label },
                  { key: 'unit', label: t('petitions.col.unit'), children: data.unit.name },
                  { key: 'commune', label: t('petitions.form.commune'), children: data.commune?.name ?? '—' },
                  { key: 'field', label: t('petitions.form.field'), children: data.field.label },
                  ...(data.type.code === 'to_cao'
                    ? [{ key: 'complexity', label: t('petitions.form.complexity'), children: data.denunciationComplexity.label }]
                    : []),
                  ...(data.handling
                    ? [
                        {
                          key: 'handling',
                          label: t('petitions.detail.decision'),
                          children: `${data.handling.label} (${formatDate(data.decidedOn!)})${data.transferredTo ? ` — ${data.transferredTo}` : ''}`,
                        },
                      ]
                    : []),
                  ...(data.outcome
                    ? [
                        {
                          key: 'outcome',
                          label: t('petitions.detail.settlement'),
                          children: `${data.outcome.label} (${formatDate(data.settledOn!)}) — ${data.agreed ? t('petitions.detail.agreed') : t('petitions.detail.notAgreed')}`,
                        },
                      ]
                    : []),
                ]}
              />
              {data.abilities.downloadDecision && <DecisionDocumentButton petition={data} />}
              <Typography.Title level={5}>{t('petitions.detail.content')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.content}</Typography.Paragraph>
              {data.settlementNote && <Typography.Paragraph type="secondary">{data.settlementNote}</Typography.Paragraph>}
            </Card>
            <Card title={t('petitions.detail.timeline')} size="small">
              <Timeline
                items={data.events.map((event, index) => ({
                  key: index,
                  content: (
                    <Flex vertical>
                      <Typography.Text strong>
                        {formatDate(event.on)} — {event.label}
                      </Typography.Text>
                      {event.note && <Typography.Text>{event.note}</Typography.Text>}
                      {event.by && <Typography.Text type="secondary">{event.by}</Typography.Text>}
                    </Flex>
                  ),
                }))}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card title={t('petitions.detail.petitioners')} size="small" data-testid="petition-petitioners">
              {!data.identityVisible && <Alert type="info" showIcon title={t('petitions.detail.secret')} style={{ marginBottom: 8 }} />}
              {data.petitioners.length === 0 ? (
                <Typography.Text type="secondary">{data.petitioner}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={data.petitioners}
                  renderItem={(person) => (
                    <List.Item>
                      <Flex vertical>
                        <Typography.Text strong>{person.fullName}</Typography.Text>
                        {person.address && <Typography.Text type="secondary">{person.address}</Typography.Text>}
                        {person.phone && <Typography.Text type="secondary">{person.phone}</Typography.Text>}
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Card title={t('petitions.detail.handlers')} size="small">
              {data.handlers.length === 0 ? (
                <Typography.Text type="secondary">{t('petitions.detail.noHandlers')}</Typography.Text>
              ) : (
                data.handlers.map((handler) => <Tag key={handler.id}>{handler.fullName}</Tag>)
              )}
            </Card>
            <Attachments petition={data} />
            {data.dialogues.length > 0 && (
              <Card title={t('petitions.detail.dialogues')} size="small">
                {data.dialogues.map((dialogue) => (
                  <div key={dialogue.id}>
                    {formatDate(dialogue.heldOn)} — {dialogue.topic}
                  </div>
                ))}
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

function SecondComplaintButton({ petition }: { petition: PetitionDetail }) {
  const t = useT();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="petition-second-complaint">
        {t('petitions.secondComplaint.action')}
      </Button>
      {open && (
        <PetitionFormDrawer
          unitId={user.unit.id}
          onClose={() => setOpen(false)}
          prefill={{
            previous: { id: petition.id, number: petition.number },
            fieldCode: petition.field.code,
            communeId: petition.commune?.id ?? null,
            communeName: petition.commune?.name ?? null,
            subject: petition.subject,
            content: petition.content,
            petitioners: petition.petitioners.map((person) => ({ fullName: person.fullName, address: person.address })),
          }}
        />
      )}
    </>
  );
}

function DecisionDocumentButton({ petition }: { petition: PetitionDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const download = useFileDownload();
  return (
    <Button
      icon={<FileWordOutlined />}
      style={{ marginTop: 8 }}
      data-testid="petition-decision-document"
      onClick={() => download(`/api/petitions/${petition.id}/decision.docx`).catch((error) => void message.error(describeApiError(error, t)))}
    >
      {t('petitions.detail.document')}
    </Button>
  );
}

/** The case of the other level: the commune's own case of a petition sent down, or the higher level's case it came from. */
function LinkedCase({ petition, asOf }: { petition: PetitionDetail; asOf: string }) {
  const t = useT();
  const linked = petition.child ?? petition.parent;
  if (!linked) return null;
  const running = linked.clocks.find((clock) => clock.closedOn === null) ?? linked.clocks.at(-1);
  return (
    <Alert
      type={petition.child ? 'info' : 'warning'}
      showIcon
      data-testid="petition-linked"
      title={
        petition.child
          ? t('petitions.detail.child', { unit: linked.unit.name, number: linked.number })
          : t('petitions.detail.parent', { unit: linked.unit.name, number: linked.number })
      }
      description={
        <Flex gap={8} wrap align="center">
          <Tag>{linked.status.label}</Tag>
          {running && <ClockTag clock={running} withStage />}
        </Flex>
      }
      action={
        linked.readable && (
          <Link to={`/petitions/${linked.id}?asOf=${asOf}`}>
            <Button size="small">{t('petitions.detail.openLinked')}</Button>
          </Link>
        )
      }
    />
  );
}

function Attachments({ petition }: { petition: PetitionDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useFileUpload();
  const download = useFileDownload();
  if (!petition.abilities.attach && petition.attachments.length === 0) return null;
  return (
    <Card title={t('petitions.detail.attachments')} size="small">
      {petition.attachments.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {petition.attachments.map((attachment) => (
        <div key={attachment.id}>
          <Button
            type="link"
            icon={<PaperClipOutlined />}
            onClick={() =>
              download(`/api/petitions/${petition.id}/attachments/${attachment.id}`, undefined, attachment.fileName).catch(
                (error) => void message.error(describeApiError(error, t)),
              )
            }
          >
            {attachment.fileName}
          </Button>
        </div>
      ))}
      {petition.abilities.attach && (
        <Upload
          accept="application/pdf,image/jpeg,image/png"
          showUploadList={false}
          customRequest={({ file }) => {
            upload(`/api/petitions/${petition.id}/attachments`, file as File)
              .then(() => queryClient.invalidateQueries({ queryKey: ['petitions'] }))
              .catch((error) => void message.error(describeApiError(error, t)));
          }}
        >
          <Button icon={<UploadOutlined />}>{t('petitions.detail.attach')}</Button>
        </Upload>
      )}
    </Card>
  );
}
