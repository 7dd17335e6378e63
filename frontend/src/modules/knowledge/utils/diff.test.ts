import { describe, expect, it } from 'vitest';
import type { KnowledgeDiffLine } from '../types';
import { diffBlocks, hasChanges, numberLines } from './diff';

const eq = (text: string): KnowledgeDiffLine => ({ op: 'EQUAL', text });
const ins = (text: string): KnowledgeDiffLine => ({ op: 'INSERT', text });
const del = (text: string): KnowledgeDiffLine => ({ op: 'DELETE', text });

describe('numberLines', () => {
  it('numbers old and new lines', () => {
    expect(numberLines([eq('a'), del('b'), ins('B'), eq('c')])).toEqual([
      { op: 'EQUAL', text: 'a', from: 1, to: 1 },
      { op: 'DELETE', text: 'b', from: 2 },
      { op: 'INSERT', text: 'B', to: 2 },
      { op: 'EQUAL', text: 'c', from: 3, to: 3 },
    ]);
  });
});

describe('diffBlocks', () => {
  it('keeps three lines of context around changes and folds the rest', () => {
    const lines = [...'abcdefgh'.split('').map(eq), ins('X'), ...'ijklmnop'.split('').map(eq)];
    const blocks = diffBlocks(lines);
    expect(blocks.map((b) => [b.kind, b.lines.map((l) => l.text).join('')])).toEqual([
      ['fold', 'abcde'],
      ['lines', 'fghXijk'],
      ['fold', 'lmnop'],
    ]);
  });

  it('does not fold a short run between two changes', () => {
    const lines = [del('1'), eq('a'), eq('b'), eq('c'), eq('d'), eq('e'), eq('f'), eq('g'), ins('2')];
    expect(diffBlocks(lines).map((b) => b.kind)).toEqual(['lines']);
  });

  it('folds a long run between two changes, keeping context on both sides', () => {
    const middle = 'abcdefghij'.split('').map(eq);
    const blocks = diffBlocks([del('1'), ...middle, ins('2')]);
    expect(blocks.map((b) => [b.kind, b.lines.map((l) => l.text).join('')])).toEqual([
      ['lines', '1abc'],
      ['fold', 'defg'],
      ['lines', 'hij2'],
    ]);
  });

  it('tells whether anything changed', () => {
    expect(hasChanges([eq('a')])).toBe(false);
    expect(hasChanges([eq('a'), ins('b')])).toBe(true);
  });
});
