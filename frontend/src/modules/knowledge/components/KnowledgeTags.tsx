import { useI18n } from '@/i18n';
import { Tag } from 'antd';
import type { KnowledgeDocumentAudience, KnowledgeDocumentPendingStatus, KnowledgeDocumentStatus } from '../types';
import {
  AUDIENCE_COLOR,
  audienceKey,
  PENDING_STATUS_COLOR,
  pendingStatusKey,
  STATUS_COLOR,
  statusKey,
} from '../utils/labels';

export function StatusTag({ status }: { status: KnowledgeDocumentStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="knowledge-status">
      {t(statusKey(status))}
    </Tag>
  );
}

/** The state of a published document's successor (a draft or a version in review). */
export function PendingStatusTag({ status }: { status: KnowledgeDocumentPendingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={PENDING_STATUS_COLOR[status]} bordered={false} data-testid="knowledge-pending-status">
      {t(pendingStatusKey(status))}
    </Tag>
  );
}

export function AudienceTag({ audience }: { audience: KnowledgeDocumentAudience }) {
  const { t } = useI18n();
  return <Tag color={AUDIENCE_COLOR[audience]}>{t(audienceKey(audience))}</Tag>;
}
