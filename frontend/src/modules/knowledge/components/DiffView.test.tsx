import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '@/AppProviders';
import type { Locale } from '@/i18n';
import type { KnowledgeDiff } from '../types';
import { DiffView } from './DiffView';

const diff: KnowledgeDiff = {
  fromVersion: 1,
  toVersion: 3,
  fields: [
    { field: 'title', lines: [{ op: 'EQUAL', text: '宽带故障处理' }] },
    {
      field: 'summary',
      lines: [
        { op: 'DELETE', text: '旧摘要' },
        { op: 'INSERT', text: '新摘要' },
      ],
    },
    {
      field: 'body',
      lines: [
        ...Array.from({ length: 10 }, (_, i) => ({ op: 'EQUAL' as const, text: `第${i + 1}行` })),
        { op: 'DELETE', text: '<b>旧步骤</b>' },
        { op: 'INSERT', text: '新步骤一' },
        { op: 'INSERT', text: '新步骤二' },
        { op: 'EQUAL', text: '结尾' },
      ],
    },
  ],
};

function renderDiff(locale: Locale = 'zh-CN') {
  return render(
    <AppProviders initialLocale={locale}>
      <DiffView diff={diff} />
    </AppProviders>,
  );
}

describe('DiffView', () => {
  it('shows each field, unchanged ones marked as such', () => {
    renderDiff();
    const title = screen.getByTestId('diff-field-title');
    expect(within(title).getByText('标题')).toBeTruthy();
    expect(within(title).getByText('无变化')).toBeTruthy();
    expect(title.querySelector('tr')).toBeNull();
    expect(within(screen.getByTestId('diff-field-summary')).getByText('+1 行 / -1 行')).toBeTruthy();
    expect(within(screen.getByTestId('diff-field-body')).getByText('+2 行 / -1 行')).toBeTruthy();
  });

  it('colours inserted and deleted lines and numbers them in the old and new text', () => {
    renderDiff();
    const body = screen.getByTestId('diff-field-body');
    const rows = [...body.querySelectorAll('tr[data-op]')];
    const deleted = rows.filter((row) => row.getAttribute('data-op') === 'DELETE');
    const inserted = rows.filter((row) => row.getAttribute('data-op') === 'INSERT');
    expect(deleted.map((row) => row.textContent)).toEqual(['11-删除: <b>旧步骤</b>']);
    expect(inserted.map((row) => row.textContent)).toEqual(['11+新增: 新步骤一', '12+新增: 新步骤二']);
    // Text, never markup.
    expect(body.querySelector('b')).toBeNull();
    const [del] = deleted as HTMLElement[];
    const [ins] = inserted as HTMLElement[];
    expect(del.style.background).not.toBe('');
    expect(ins.style.background).not.toBe('');
    expect(del.style.background).not.toBe(ins.style.background);
  });

  it('folds long unchanged runs and unfolds them on demand', () => {
    renderDiff();
    const body = screen.getByTestId('diff-field-body');
    // Lines 1–7 are folded; 8–10 are context before the change.
    expect(within(body).queryByText('第1行')).toBeNull();
    expect(within(body).getByText('第8行')).toBeTruthy();
    fireEvent.click(within(body).getByRole('button', { name: '展开 7 行未变更内容' }));
    expect(within(body).getByText('第1行')).toBeTruthy();
    expect(within(body).queryByTestId('diff-unfold')).toBeNull();
  });

  it('speaks English', () => {
    renderDiff('en-US');
    expect(screen.getByText('Body')).toBeTruthy();
    expect(screen.getByText('Unchanged')).toBeTruthy();
    expect(screen.getByText('+2 / -1 lines')).toBeTruthy();
  });
});
