import { formatDateTime, useI18n } from '@/i18n';
import { LockOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { LockConflict } from '../utils/lock';

export interface LockConflictAlertProps {
  conflict: LockConflict;
  action?: ReactNode;
  onClose?: () => void;
}

/**
 * A refused edit: who holds the document's edit lock and until when (from the CONFLICT
 * error's extensions), or the server's reason when nobody else holds it.
 */
export function LockConflictAlert({ conflict, action, onClose }: LockConflictAlertProps) {
  const { t, locale } = useI18n();
  const { holder, expiresAt } = conflict;
  let message: string;
  if (holder && expiresAt) {
    message = t('knowledge.lock.conflict', { holder, until: formatDateTime(expiresAt, locale) });
  } else if (holder) {
    message = t('knowledge.lock.conflictNoExpiry', { holder });
  } else {
    message = `${t('error.CONFLICT')}: ${conflict.message}`;
  }
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined />}
      role="alert"
      data-testid="lock-conflict"
      message={message}
      description={holder ? t('knowledge.lock.conflictHint') : undefined}
      action={action}
      closable={Boolean(onClose)}
      onClose={onClose}
    />
  );
}
