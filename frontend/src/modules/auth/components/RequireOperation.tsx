import { useI18n } from '@/i18n';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../hooks/useViewer';
import type { Operation } from '../types';

export interface RequireOperationProps {
  operation: Operation;
  children: ReactNode;
  /** Shown instead when the viewer may not call the operation; a 403 page by default. */
  fallback?: ReactNode;
}

/** Renders a route only for viewers whose `operations` include the one it needs. */
export function RequireOperation({ operation, children, fallback }: RequireOperationProps) {
  const allowed = useCan(operation);
  if (allowed) return <>{children}</>;
  return <>{fallback ?? <ForbiddenResult />}</>;
}

export function ForbiddenResult() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('app.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('app.backHome')}
        </Button>
      }
    />
  );
}
