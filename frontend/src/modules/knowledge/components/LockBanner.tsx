import { formatDateTime, useI18n } from '@/i18n';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space } from 'antd';
import type { LockState } from '../utils/lock';

export interface LockBannerProps {
  lock: LockState;
  /** The viewer may call unlockKnowledgeDocument. */
  canUnlock: boolean;
  /** The viewer may call lockKnowledgeDocument (renew). */
  canLock: boolean;
  /** Admins may break another user's lock. */
  canBreak: boolean;
  pending: boolean;
  onRenew: () => void;
  onUnlock: () => void;
}

/** Who holds the edit lock and until when; renew or release one's own, break another's (admins). */
export function LockBanner({ lock, canUnlock, canLock, canBreak, pending, onRenew, onUnlock }: LockBannerProps) {
  const { t, locale } = useI18n();
  if (lock.kind === 'free') return null;
  const until = formatDateTime(lock.expiresAt, locale);
  if (lock.kind === 'mine') {
    return (
      <Alert
        type="success"
        showIcon
        icon={<LockOutlined />}
        data-testid="lock-banner"
        message={t('knowledge.lock.mine', { until })}
        description={t('knowledge.lock.mineHint')}
        action={
          <Space direction="vertical" size={4}>
            {canLock ? (
              <Button size="small" onClick={onRenew} disabled={pending} block>
                {t('knowledge.lock.renew')}
              </Button>
            ) : null}
            {canUnlock ? (
              <Button size="small" icon={<UnlockOutlined />} onClick={onUnlock} disabled={pending} block data-testid="knowledge-unlock">
                {t('knowledge.lock.release')}
              </Button>
            ) : null}
          </Space>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined />}
      data-testid="lock-banner"
      message={t('knowledge.lock.other', { holder: lock.holder || t('knowledge.lock.someone'), until })}
      description={t('knowledge.lock.otherHint')}
      action={
        canBreak && canUnlock ? (
          <Popconfirm
            title={t('knowledge.lock.breakConfirm', { holder: lock.holder || t('knowledge.lock.someone') })}
            okText={t('knowledge.lock.break')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={onUnlock}
          >
            <Button size="small" danger disabled={pending}>
              {t('knowledge.lock.break')}
            </Button>
          </Popconfirm>
        ) : undefined
      }
    />
  );
}
