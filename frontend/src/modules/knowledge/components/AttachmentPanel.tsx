import { formatDateTime, useI18n } from '@/i18n';
import { useCan } from '@/modules/auth';
import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import type { DocumentActions } from '../hooks/useKnowledgeDocument';
import type { KnowledgeAttachment, KnowledgeDocument } from '../types';
import { errorText } from '../utils/errors';
import { EXTRACTION_COLOR, extractionKey, formatBytes } from '../utils/labels';
import { lockConflictOf } from '../utils/lock';
import { LockConflictAlert } from './LockConflictAlert';

/** Where the server serves an attachment (GET, the session cookie authenticates it). */
export function attachmentURL(id: string): string {
  return `/attachments/${encodeURIComponent(id)}`;
}

export interface AttachmentPanelProps {
  doc: KnowledgeDocument;
  holdsLock: boolean;
  upload: DocumentActions['upload'];
}

/** The document's files with download links and text-extraction status; upload while holding the lock. */
export function AttachmentPanel({ doc, holdsLock, upload }: AttachmentPanelProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canUpload = useCan('Mutation.uploadAttachment') && doc.status !== 'ARCHIVED';
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const attachments = doc.attachments ?? [];

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFailure(undefined);
    try {
      const { uploadAttachment } = await upload.mutateAsync({ documentID: doc.id, file });
      void message.success(t('knowledge.attachments.uploaded', { name: uploadAttachment.filename }));
    } catch (error) {
      setFailure(error);
    }
  };

  const conflict = failure ? lockConflictOf(failure) : null;

  return (
    <Flex vertical gap={12} data-testid="knowledge-attachments">
      {attachments.length ? (
        attachments.map((a) => <AttachmentRow key={a.id} attachment={a} />)
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.attachments.empty')} style={{ margin: 0 }} />
      )}
      {failure ? (
        conflict ? (
          <LockConflictAlert conflict={conflict} onClose={() => setFailure(undefined)} />
        ) : (
          <Alert type="error" showIcon role="alert" message={errorText(t, failure)} closable onClose={() => setFailure(undefined)} />
        )
      ) : null}
      {canUpload ? (
        <div>
          <input
            ref={input}
            type="file"
            hidden
            onChange={(event) => void onFile(event)}
            data-testid="attachment-input"
            aria-label={t('knowledge.attachments.upload')}
          />
          <Tooltip title={holdsLock ? undefined : t('knowledge.attachments.needsLock')}>
            <Button
              icon={<UploadOutlined />}
              onClick={() => input.current?.click()}
              loading={upload.isPending}
              disabled={!holdsLock}
              block
              data-testid="attachment-upload"
            >
              {t('knowledge.attachments.upload')}
            </Button>
          </Tooltip>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
            {t('knowledge.attachments.hint')}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Flex>
  );
}

function AttachmentRow({ attachment: a }: { attachment: KnowledgeAttachment }) {
  const { t, locale } = useI18n();
  const status = (
    <Tag color={EXTRACTION_COLOR[a.extractionStatus]} bordered={false} data-testid="attachment-extraction">
      {t(extractionKey(a.extractionStatus))}
    </Tag>
  );
  return (
    <Flex gap={8} align="flex-start" data-testid="attachment">
      <FileOutlined style={{ marginTop: 4, color: '#8c8c8c' }} />
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        {/* A plain link: the download is a GET that the session cookie authenticates. */}
        <a href={attachmentURL(a.id)} download={a.filename} style={{ wordBreak: 'break-all' }}>
          {a.filename}
        </a>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[formatBytes(a.size), a.uploadedBy?.displayName || a.uploadedBy?.username, formatDateTime(a.createdAt, locale)]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        <div style={{ marginTop: 2 }}>
          {a.extractionError ? <Tooltip title={a.extractionError}>{status}</Tooltip> : status}
        </div>
      </Flex>
    </Flex>
  );
}
