// Fails when src/generated/ is stale: regenerates the client from ../graph/*.graphqls and
// ../graph/ent.graphql into a temporary folder and compares it, file by file, with the
// committed output. Fix a failure with `npm run codegen` and commit the result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = join(root, 'src', 'generated');
const temp = mkdtempSync(join(tmpdir(), 'c360-codegen-'));

function list(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

// A line-level summary of the first difference, enough to see what changed.
function firstDifference(a, b) {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) {
      return `line ${i + 1}:\n    committed: ${left[i] ?? '(end of file)'}\n    generated: ${right[i] ?? '(end of file)'}`;
    }
  }
  return '';
}

let status = 0;
try {
  const out = join(temp, 'generated') + '/';
  const codegen = join(root, 'node_modules', '.bin', 'graphql-codegen');
  const result = spawnSync(codegen, ['--config', 'codegen.ts'], {
    cwd: root,
    env: { ...process.env, CODEGEN_OUT: out },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error('codegen:check: graphql-codegen failed (see above): an operation may no longer match the schema');
    process.exit(result.status ?? 1);
  }

  const want = list(out);
  const have = list(committed);
  const problems = [];
  for (const file of new Set([...want, ...have])) {
    if (!have.includes(file)) {
      problems.push(`missing from src/generated/: ${file}`);
    } else if (!want.includes(file)) {
      problems.push(`no longer generated: src/generated/${file}`);
    } else {
      const a = readFileSync(join(committed, file), 'utf8');
      const b = readFileSync(join(out, file), 'utf8');
      if (a !== b) problems.push(`stale: src/generated/${file}, first difference at ${firstDifference(a, b)}`);
    }
  }
  if (problems.length > 0) {
    console.error('codegen:check: src/generated/ does not match the schema and operations:');
    for (const problem of problems) console.error(`  ${problem}`);
    console.error('Run `npm run codegen` in frontend/ and commit src/generated/.');
    status = 1;
  } else {
    console.log(`codegen:check: src/generated/ is up to date (${want.length} files)`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exit(status);
