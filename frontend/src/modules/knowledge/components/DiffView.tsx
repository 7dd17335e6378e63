import { useI18n } from '@/i18n';
import { Button, Flex, Tag, theme, Typography } from 'antd';
import { Fragment, useMemo, useState, type CSSProperties } from 'react';
import type { KnowledgeDiff, KnowledgeDiffLine } from '../types';
import { diffBlocks, hasChanges, type NumberedLine } from '../utils/diff';
import { diffFieldKey, diffOpKey } from '../utils/labels';

export interface DiffViewProps {
  diff: KnowledgeDiff;
}

/** The diff of two versions, field by field: inserted lines green, deleted lines red. */
export function DiffView({ diff }: DiffViewProps) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={16} data-testid="diff-view">
      {diff.fields.map((field) => {
        const key = diffFieldKey(field.field);
        const changed = hasChanges(field.lines);
        return (
          <section key={field.field} data-testid={`diff-field-${field.field}`}>
            <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{key ? t(key) : field.field}</Typography.Text>
              {changed ? (
                <DiffStats lines={field.lines} />
              ) : (
                <Tag>{t('knowledge.diff.unchanged')}</Tag>
              )}
            </Flex>
            {changed ? <DiffLines lines={field.lines} /> : null}
          </section>
        );
      })}
    </Flex>
  );
}

function DiffStats({ lines }: { lines: readonly KnowledgeDiffLine[] }) {
  const { t } = useI18n();
  const added = lines.filter((line) => line.op === 'INSERT').length;
  const removed = lines.filter((line) => line.op === 'DELETE').length;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('knowledge.diff.stats', { added, removed })}
    </Typography.Text>
  );
}

const SIGN: Record<KnowledgeDiffLine['op'], string> = { EQUAL: ' ', INSERT: '+', DELETE: '-' };

function DiffLines({ lines }: { lines: readonly KnowledgeDiffLine[] }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const blocks = useMemo(() => diffBlocks(lines), [lines]);
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(() => new Set());

  const rowStyle = (line: NumberedLine): CSSProperties => {
    switch (line.op) {
      case 'INSERT':
        return { background: token.colorSuccessBg, color: token.colorSuccessText };
      case 'DELETE':
        return { background: token.colorErrorBg, color: token.colorErrorText };
      default:
        return {};
    }
  };
  const numberStyle: CSSProperties = {
    width: 1,
    padding: '0 8px',
    textAlign: 'right',
    color: token.colorTextTertiary,
    userSelect: 'none',
    whiteSpace: 'nowrap',
  };

  const row = (line: NumberedLine, key: string) => (
    <tr key={key} data-op={line.op} title={t(diffOpKey(line.op))} style={rowStyle(line)}>
      <td style={numberStyle}>{line.from ?? ''}</td>
      <td style={numberStyle}>{line.to ?? ''}</td>
      <td aria-hidden style={{ width: 1, padding: '0 6px', userSelect: 'none' }}>
        {SIGN[line.op]}
      </td>
      <td style={{ padding: '0 8px', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {line.op !== 'EQUAL' ? <span className="c360-sr-only">{t(diffOpKey(line.op))}: </span> : null}
        {line.text || '\u00a0'}
      </td>
    </tr>
  );

  return (
    <div
      style={{
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        overflowX: 'auto',
      }}
    >
      <table
        className="c360-diff"
        style={{
          width: '100%',
          borderCollapse: 'collapse',
          fontFamily: token.fontFamilyCode,
          fontSize: 13,
          lineHeight: '22px',
        }}
      >
        <tbody>
          {blocks.map((block, b) =>
            block.kind === 'lines' || unfolded.has(b) ? (
              <Fragment key={b}>{block.lines.map((line, i) => row(line, `${b}-${i}`))}</Fragment>
            ) : (
              <tr key={b} style={{ background: token.colorFillQuaternary }}>
                <td colSpan={4} style={{ padding: '2px 8px' }}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setUnfolded((prev) => new Set(prev).add(b))}
                    data-testid="diff-unfold"
                  >
                    {t('knowledge.diff.unfold', { count: block.lines.length })}
                  </Button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
