import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import MarkdownView from './MarkdownView';

describe('MarkdownView', () => {
  it('renders Markdown with tables', () => {
    render(<MarkdownView source={'# 处理步骤\n\n1. 核实身份\n2. 重启光猫\n\n| 项目 | 内容 |\n| --- | --- |\n| 时限 | 24小时 |'} />);
    expect(screen.getByRole('heading', { level: 1, name: '处理步骤' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['核实身份', '重启光猫']);
    expect(screen.getByRole('cell', { name: '24小时' })).toBeTruthy();
  });

  it('drops raw HTML and unsafe links', () => {
    const { container } = render(
      <MarkdownView
        source={'<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[点我](javascript:alert(3)) [官网](https://example.cn)'}
      />,
    );
    expect(container.querySelector('script, img')).toBeNull();
    const links = [...container.querySelectorAll('a')];
    expect(links.find((a) => a.textContent === '点我')?.getAttribute('href') ?? '').not.toContain('javascript');
    const site = links.find((a) => a.textContent === '官网');
    expect(site?.getAttribute('href')).toBe('https://example.cn');
    expect(site?.getAttribute('target')).toBe('_blank');
    expect(site?.getAttribute('rel')).toContain('noopener');
  });
});
