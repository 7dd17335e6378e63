import { Flex, Spin } from 'antd';

export interface PageLoadingProps {
  /** Accessible text for the spinner, e.g. "Loading…". */
  label: string;
}

/** A spinner in the middle of the window, while the app finds out who is signed in. */
export function PageLoading({ label }: PageLoadingProps) {
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100vh' }}
      role="status"
      aria-label={label}
      data-testid="page-loading"
    >
      <Spin size="large" />
    </Flex>
  );
}
