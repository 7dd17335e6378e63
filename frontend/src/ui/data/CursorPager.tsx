import { Button, Flex, Select, Space, Typography } from 'antd';

export interface CursorPagerProps {
  /** e.g. "Page 2 of 200 items". */
  status: string;
  canPrevious: boolean;
  canNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  size: number;
  sizes: readonly number[];
  onSizeChange: (size: number) => void;
  labels: { first: string; previous: string; next: string; size: (size: number) => string };
  disabled?: boolean;
}

/**
 * Previous/next paging for cursor connections, where jumping to page N is not possible.
 */
export function CursorPager(props: CursorPagerProps) {
  const { labels, disabled } = props;
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="pager-status">
        {props.status}
      </Typography.Text>
      <Space wrap>
        <Button onClick={props.onFirst} disabled={disabled || !props.canPrevious}>
          {labels.first}
        </Button>
        <Button onClick={props.onPrevious} disabled={disabled || !props.canPrevious}>
          {labels.previous}
        </Button>
        <Button onClick={props.onNext} disabled={disabled || !props.canNext}>
          {labels.next}
        </Button>
        <Select
          value={props.size}
          onChange={props.onSizeChange}
          disabled={disabled}
          style={{ width: 120 }}
          options={props.sizes.map((size) => ({ value: size, label: labels.size(size) }))}
        />
      </Space>
    </Flex>
  );
}
