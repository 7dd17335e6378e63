import { Alert, Button } from 'antd';

export interface ErrorStateProps {
  /** Short, translated summary ("Could not load"). */
  title: string;
  /** The server's message, shown as sent. */
  message: string;
  /** A machine code shown small, e.g. FORBIDDEN. */
  code?: string;
  retryLabel?: string;
  onRetry?: () => void;
}

/** An error shown in place of the content that failed. */
export function ErrorState({ title, message, code, retryLabel, onRetry }: ErrorStateProps) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={title}
      description={
        <span>
          {message}
          {code ? <code style={{ marginInlineStart: 8, opacity: 0.65 }}>{code}</code> : null}
        </span>
      }
      action={
        onRetry && retryLabel ? (
          <Button size="small" danger onClick={onRetry}>
            {retryLabel}
          </Button>
        ) : undefined
      }
    />
  );
}
