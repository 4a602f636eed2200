import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Prettier wraps code at 120 columns but never breaks strings, template literals, comments or test
// names; this catches the lines it leaves long. Markdown is prose with its own line breaks (see
// .prettierignore). package-lock.json is generated, and tests/support/fixtures/ holds data (tokens
// of 400 characters and more) that must stay byte-for-byte as it is.
const maxLength = 120;
const codeFile = /\.(ts|tsx|mjs|js|cjs|css|json|yml|yaml)$/;
const notOurs = (file: string) => file === 'package-lock.json' || file.startsWith('tests/support/fixtures/');

const trackedCodeFiles = () =>
  execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => codeFile.test(file) && !notOurs(file));

describe('line length', () => {
  it(`no line of a tracked code file is longer than ${maxLength} characters`, () => {
    const files = trackedCodeFiles();
    // A guard that sees no files would pass for nothing.
    expect(files).toEqual(expect.arrayContaining(['package.json', 'tests/project-layout.test.ts']));
    const long = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => [...line].length) // characters (code points), as a reader counts them, not bytes
        .flatMap((length, index) => (length > maxLength ? [`${file}:${index + 1} (${length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
