import { formatDateTime, useI18n } from '@/i18n';
import { useViewer } from '@/modules/auth';
import { QueryError } from '@/modules/graphql';
import { PageHeader } from '@/ui/layout/PageHeader';
import {
  ArrowLeftOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  CloseOutlined,
  EditOutlined,
  InboxOutlined,
  LockOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentActions, useKnowledgeDocument, useNow } from '../hooks/useKnowledgeDocument';
import type { KnowledgeDocument, KnowledgeVersionRow } from '../types';
import { errorText } from '../utils/errors';
import { seesDrafts, statusKey } from '../utils/labels';
import { lockConflictOf, lockStateOf } from '../utils/lock';
import { AttachmentPanel } from './AttachmentPanel';
import { DocumentContent } from './DocumentContent';
import { DocumentEditor } from './DocumentEditor';
import { AudienceTag, PendingStatusTag, StatusTag } from './KnowledgeTags';
import { LockBanner } from './LockBanner';
import { LockConflictAlert } from './LockConflictAlert';
import { VersionHistory } from './VersionHistory';
import { ApproveModal, ArchiveModal, RejectModal } from './WorkflowModals';

export interface KnowledgeDocumentViewProps {
  id: string;
}

/** A knowledge document: content, versions and diffs, attachments, the edit lock and the review workflow. */
export function KnowledgeDocumentView({ id }: KnowledgeDocumentViewProps) {
  const { t } = useI18n();
  const { document: doc, error, isPending, isFetching, refetch } = useKnowledgeDocument(id);

  let body: ReactNode;
  if (error && !isFetching) {
    body =
      error.code === 'NOT_FOUND' ? (
        <Card>
          <Result status="404" subTitle={t('knowledge.detail.notFound')} />
        </Card>
      ) : (
        <QueryError error={error} onRetry={() => void refetch()} />
      );
  } else if (isPending || (error && !doc)) {
    // First load, or a retry after an error.
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  } else if (!doc) {
    body = (
      <Card>
        <Result status="404" subTitle={t('knowledge.detail.notFound')} />
      </Card>
    );
  } else {
    body = <DocumentPage doc={doc} />;
  }

  return (
    <>
      <PageHeader
        title={doc?.title ?? t('knowledge.detail.title')}
        extra={
          <Link to="/knowledge">
            <ArrowLeftOutlined /> {t('knowledge.back')}
          </Link>
        }
      />
      {body}
    </>
  );
}

type ModalKind = 'approve' | 'reject' | 'archive';

function DocumentPage({ doc }: { doc: KnowledgeDocument }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { viewer, can } = useViewer();
  const actions = useDocumentActions();
  const now = useNow();
  const lock = lockStateOf(doc, viewer.user?.id, now);
  const holdsLock = lock.kind === 'mine';
  const draftsVisible = seesDrafts(viewer.roles);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [modal, setModal] = useState<ModalKind>();
  const [modalFailure, setModalFailure] = useState<string>();
  const [tab, setTab] = useState('content');

  const archived = doc.status === 'ARCHIVED';
  const inReview = doc.status === 'IN_REVIEW' || doc.pendingStatus === 'IN_REVIEW';
  const hasDraft = doc.status === 'DRAFT' || doc.pendingStatus === 'DRAFT';
  const lockPending = actions.lock.isPending || actions.unlock.isPending;

  /** Runs an action; a refusal shows above the document (a lock conflict names the holder). */
  const perform = async (action: () => Promise<unknown>, success: string): Promise<boolean> => {
    setFailure(undefined);
    try {
      await action();
      void message.success(success);
      return true;
    } catch (error) {
      setFailure(error);
      // Somebody else holds the lock: show who, from the server's current state.
      if (lockConflictOf(error)?.holder) void actions.reload(doc.id);
      return false;
    }
  };

  const takeLock = () => perform(() => actions.lock.mutateAsync({ id: doc.id }), t('knowledge.lock.locked'));
  const releaseLock = () =>
    perform(async () => {
      await actions.unlock.mutateAsync({ id: doc.id });
      setEditing(false);
    }, t('knowledge.lock.released'));

  const startEditing = async () => {
    if (lock.kind !== 'mine' && !(await takeLock())) return;
    setTab('content');
    setEditing(true);
  };

  /** Runs a modal's action; a refusal stays in the modal. */
  const confirmModal = async (action: () => Promise<unknown>, success: string) => {
    setModalFailure(undefined);
    try {
      await action();
      void message.success(success);
      setModal(undefined);
    } catch (error) {
      setModalFailure(errorText(t, error));
    }
  };
  const closeModal = () => {
    setModal(undefined);
    setModalFailure(undefined);
  };

  const restore = (version: KnowledgeVersionRow) =>
    void perform(
      () => actions.restore.mutateAsync({ versionID: version.id }),
      t('knowledge.versions.restored', { number: version.number }),
    );

  const conflict = failure ? lockConflictOf(failure) : null;
  const editDisabledReason =
    lock.kind === 'other'
      ? t('knowledge.lock.other', { holder: lock.holder || t('knowledge.lock.someone'), until: formatDateTime(lock.expiresAt, locale) })
      : lock.kind === 'free' && !can('Mutation.lockKnowledgeDocument')
        ? t('knowledge.lock.cannotLock')
        : undefined;

  const toolbar = (
    <Space wrap data-testid="knowledge-actions">
      {can('Mutation.updateKnowledgeDocument') && !archived && !editing ? (
        <Tooltip title={editDisabledReason}>
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => void startEditing()}
            disabled={Boolean(editDisabledReason)}
            loading={actions.lock.isPending}
            data-testid="knowledge-edit"
          >
            {t('knowledge.actions.edit')}
          </Button>
        </Tooltip>
      ) : null}
      {can('Mutation.lockKnowledgeDocument') && !archived && lock.kind === 'free' ? (
        <Button icon={<LockOutlined />} onClick={() => void takeLock()} loading={actions.lock.isPending} data-testid="knowledge-lock">
          {t('knowledge.actions.lock')}
        </Button>
      ) : null}
      {can('Mutation.submitKnowledgeDocument') && hasDraft ? (
        <Button
          icon={<SendOutlined />}
          disabled={editing}
          loading={actions.submit.isPending}
          onClick={() => void perform(() => actions.submit.mutateAsync({ id: doc.id }), t('knowledge.workflow.submitted'))}
          data-testid="knowledge-submit"
        >
          {t('knowledge.actions.submit')}
        </Button>
      ) : null}
      {can('Mutation.approveKnowledgeDocument') && inReview ? (
        <Button icon={<CheckOutlined />} type="primary" ghost disabled={editing} onClick={() => setModal('approve')} data-testid="knowledge-approve">
          {t('knowledge.actions.approve')}
        </Button>
      ) : null}
      {can('Mutation.rejectKnowledgeDocument') && inReview ? (
        <Button icon={<CloseOutlined />} danger disabled={editing} onClick={() => setModal('reject')} data-testid="knowledge-reject">
          {t('knowledge.actions.reject')}
        </Button>
      ) : null}
      {can('Mutation.archiveKnowledgeDocument') && doc.status === 'PUBLISHED' ? (
        <Button icon={<InboxOutlined />} disabled={editing} onClick={() => setModal('archive')} data-testid="knowledge-archive">
          {t('knowledge.actions.archive')}
        </Button>
      ) : null}
    </Space>
  );

  const notices: ReactNode[] = [];
  if (doc.pendingStatus && doc.publishedVersion !== null) {
    notices.push(
      <Alert
        key="pending"
        type="info"
        showIcon
        data-testid="knowledge-pending-notice"
        message={t('knowledge.pending.title', {
          number: doc.currentVersion,
          state: t(statusKey(doc.pendingStatus)),
        })}
        description={t('knowledge.pending.readers', { published: doc.publishedVersion })}
      />,
    );
  }
  if (doc.publishAt && inReview) {
    notices.push(
      <Alert
        key="publishAt"
        type="success"
        showIcon
        icon={<ClockCircleOutlined />}
        message={t('knowledge.schedule.publish', { time: formatDateTime(doc.publishAt, locale) })}
      />,
    );
  }
  if (doc.archiveAt && doc.status === 'PUBLISHED') {
    notices.push(
      <Alert
        key="archiveAt"
        type="warning"
        showIcon
        icon={<ClockCircleOutlined />}
        message={t('knowledge.schedule.archive', { time: formatDateTime(doc.archiveAt, locale) })}
      />,
    );
  }
  if (doc.reviewComment && (draftsVisible || can('Mutation.updateKnowledgeDocument'))) {
    const rejected = hasDraft;
    notices.push(
      <Alert
        key="review"
        type={rejected ? 'warning' : 'info'}
        showIcon
        data-testid="knowledge-review-comment"
        message={rejected ? t('knowledge.review.rejected') : t('knowledge.review.note')}
        description={
          <>
            <div style={{ whiteSpace: 'pre-wrap' }}>{doc.reviewComment}</div>
            {doc.reviewedAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(doc.reviewedAt, locale)}
              </Typography.Text>
            ) : null}
          </>
        }
      />,
    );
  }

  const versionCount = doc.versions.totalCount;

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space wrap size={4}>
            <StatusTag status={doc.status} />
            {doc.pendingStatus ? <PendingStatusTag status={doc.pendingStatus} /> : null}
            <AudienceTag audience={doc.audience} />
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} data-testid="knowledge-version-info">
              {doc.publishedVersion !== null && doc.publishedVersion !== doc.currentVersion
                ? t('knowledge.detail.versionsPublished', { current: doc.currentVersion, published: doc.publishedVersion })
                : t('knowledge.detail.version', { current: doc.currentVersion })}
            </Typography.Text>
          </Space>
          {toolbar}
        </Flex>
      </Card>
      {failure ? (
        conflict ? (
          <LockConflictAlert conflict={conflict} onClose={() => setFailure(undefined)} />
        ) : (
          <Alert type="error" showIcon role="alert" message={errorText(t, failure)} closable onClose={() => setFailure(undefined)} />
        )
      ) : null}
      <LockBanner
        lock={lock}
        canLock={can('Mutation.lockKnowledgeDocument')}
        canUnlock={can('Mutation.unlockKnowledgeDocument')}
        canBreak={viewer.roles.includes('admin')}
        pending={lockPending}
        onRenew={() => void perform(() => actions.lock.mutateAsync({ id: doc.id }), t('knowledge.lock.renewed'))}
        onUnlock={() => void releaseLock()}
      />
      {notices}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card>
            {editing ? (
              <>
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {t('knowledge.edit.title', { number: doc.currentVersion + 1 })}
                </Typography.Title>
                <DocumentEditor
                  doc={doc}
                  update={actions.update}
                  onRelock={can('Mutation.lockKnowledgeDocument') ? takeLock : undefined}
                  onDone={() => setEditing(false)}
                />
              </>
            ) : (
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'content',
                    label: t('knowledge.tabs.content'),
                    children: <DocumentContent key={doc.currentVersion} doc={doc} draftsVisible={draftsVisible} />,
                  },
                  {
                    key: 'versions',
                    label: t('knowledge.tabs.versions', { count: versionCount }),
                    children: (
                      <VersionHistory
                        key={doc.currentVersion}
                        doc={doc}
                        holdsLock={holdsLock}
                        restoring={actions.restore.isPending}
                        onRestore={restore}
                      />
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <Card title={t('knowledge.detail.info')} size="small">
              <DocumentInfo doc={doc} />
            </Card>
            <Card title={t('knowledge.attachments.title', { count: doc.attachments?.length ?? 0 })} size="small">
              <AttachmentPanel doc={doc} holdsLock={holdsLock} upload={actions.upload} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <ApproveModal
        open={modal === 'approve'}
        pending={actions.approve.isPending}
        failure={modal === 'approve' ? modalFailure : undefined}
        onCancel={closeModal}
        onConfirm={(publishAt) =>
          void confirmModal(
            () => actions.approve.mutateAsync({ id: doc.id, publishAt }),
            publishAt
              ? t('knowledge.workflow.scheduled', { time: formatDateTime(publishAt, locale) })
              : t('knowledge.workflow.approved'),
          )
        }
      />
      <RejectModal
        open={modal === 'reject'}
        pending={actions.reject.isPending}
        failure={modal === 'reject' ? modalFailure : undefined}
        onCancel={closeModal}
        onConfirm={(comment) =>
          void confirmModal(() => actions.reject.mutateAsync({ id: doc.id, comment }), t('knowledge.workflow.rejected'))
        }
      />
      <ArchiveModal
        open={modal === 'archive'}
        pending={actions.archive.isPending}
        failure={modal === 'archive' ? modalFailure : undefined}
        onCancel={closeModal}
        onConfirm={(at) =>
          void confirmModal(
            () => actions.archive.mutateAsync({ id: doc.id, at }),
            at
              ? t('knowledge.workflow.archiveScheduled', { time: formatDateTime(at, locale) })
              : t('knowledge.workflow.archived'),
          )
        }
      />
    </Flex>
  );
}

function DocumentInfo({ doc }: { doc: KnowledgeDocument }) {
  const { t, locale } = useI18n();
  const time = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDateTime(iso, locale)}</time> : <Typography.Text type="secondary">—</Typography.Text>;
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      column={1}
      size="small"
      data-testid="knowledge-info"
      items={[
        { key: 'author', label: t('knowledge.detail.author'), children: doc.author?.displayName || doc.author?.username || none },
        { key: 'createdAt', label: t('knowledge.detail.createdAt'), children: time(doc.createdAt) },
        { key: 'updatedAt', label: t('knowledge.detail.updatedAt'), children: time(doc.updatedAt) },
        { key: 'publishedAt', label: t('knowledge.detail.publishedAt'), children: time(doc.publishedAt) },
        {
          key: 'categories',
          label: t('knowledge.detail.categories'),
          children: doc.categories?.length ? (
            <span>
              {doc.categories.map((c) => (
                <Link key={c.id} to={`/knowledge?cat=${encodeURIComponent(c.id)}`}>
                  <Tag color="blue" bordered={false} style={{ marginBottom: 4 }}>
                    {c.name}
                  </Tag>
                </Link>
              ))}
            </span>
          ) : (
            none
          ),
        },
        {
          key: 'products',
          label: t('knowledge.detail.products'),
          children: doc.products?.length ? (
            <Flex vertical>
              {doc.products.map((p) => (
                <span key={p.id}>
                  {p.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.code}</Typography.Text>
                </span>
              ))}
            </Flex>
          ) : (
            none
          ),
        },
      ]}
    />
  );
}
