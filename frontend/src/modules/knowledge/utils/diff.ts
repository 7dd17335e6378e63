import type { DiffOp, KnowledgeDiffLine } from '../types';

/** A line of a diff with its numbers in the old (`from`) and new (`to`) text. */
export interface NumberedLine {
  op: DiffOp;
  text: string;
  from?: number;
  to?: number;
}

/** Lines shown, or a run of unchanged lines folded away. */
export type DiffBlock =
  | { kind: 'lines'; lines: NumberedLine[] }
  | { kind: 'fold'; lines: NumberedLine[] };

/** Numbers the lines: EQUAL lines count in both texts, DELETE in the old, INSERT in the new. */
export function numberLines(lines: readonly KnowledgeDiffLine[]): NumberedLine[] {
  let from = 0;
  let to = 0;
  return lines.map((line) => {
    switch (line.op) {
      case 'EQUAL':
        return { ...line, from: ++from, to: ++to };
      case 'DELETE':
        return { ...line, from: ++from };
      case 'INSERT':
        return { ...line, to: ++to };
    }
  });
}

/**
 * Groups lines for display: changes with `context` unchanged lines around them; longer
 * unchanged runs are folded (the view lets the reader unfold them).
 */
export function diffBlocks(lines: readonly KnowledgeDiffLine[], context = 3): DiffBlock[] {
  const numbered = numberLines(lines);
  const blocks: DiffBlock[] = [];
  const show = (run: NumberedLine[]) => {
    if (!run.length) return;
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'lines') last.lines.push(...run);
    else blocks.push({ kind: 'lines', lines: run });
  };
  const fold = (run: NumberedLine[]) => {
    if (run.length) blocks.push({ kind: 'fold', lines: run });
  };

  let i = 0;
  while (i < numbered.length) {
    if (numbered[i].op !== 'EQUAL') {
      show([numbered[i]]);
      i++;
      continue;
    }
    let j = i;
    while (j < numbered.length && numbered[j].op === 'EQUAL') j++;
    const run = numbered.slice(i, j);
    const atStart = i === 0;
    const atEnd = j === numbered.length;
    const keepBefore = atStart ? 0 : context; // after a change
    const keepAfter = atEnd ? 0 : context; // before a change
    if (run.length <= keepBefore + keepAfter + 1) {
      show(run);
    } else {
      show(run.slice(0, keepBefore));
      fold(run.slice(keepBefore, run.length - keepAfter));
      show(run.slice(run.length - keepAfter));
    }
    i = j;
  }
  return blocks;
}

/** Whether a field's diff changes anything. */
export function hasChanges(lines: readonly KnowledgeDiffLine[]): boolean {
  return lines.some((line) => line.op !== 'EQUAL');
}
