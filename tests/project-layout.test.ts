import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The folder says where code runs: these checks keep that true as the code grows.

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('project layout', () => {
  it('every server-only module lives under lib/server/, and nothing outside the server imports one', () => {
    const files = [...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('app')];
    const serverOnly = files.filter((file) => /^import 'server-only';/m.test(readFileSync(file, 'utf8')));
    expect(serverOnly.length).toBeGreaterThan(15);
    expect(serverOnly.filter((file) => !file.startsWith('lib/server/'))).toEqual([]);
    const browserOrShared = files.filter(
      (file) => file.startsWith('components/') || file.startsWith('lib/client/') || file.startsWith('lib/shared/'),
    );
    const offenders = browserOrShared.filter((file) =>
      /from '(@\/lib\/server\/|(\.\.?\/)+server\/)/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('lib/ holds only the three rooms: shared, client, server', () => {
    expect(readdirSync('lib').sort()).toEqual(['client', 'server', 'shared']);
  });

  it('no lib module grows past ~250 lines', () => {
    const long = sourceFiles('lib').filter((file) => readFileSync(file, 'utf8').split('\n').length > 260);
    expect(long).toEqual([]);
  });

  it('the ESLint boundary refuses browser code importing the server and the other way round', async () => {
    const eslint = new ESLint();
    const lint = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath }))[0]!.messages.filter(
        (message) => message.ruleId === 'no-restricted-imports',
      ).length;
    expect(
      await lint(
        'components/x.tsx',
        "import { callPageConfig } from '@/lib/server/call-page-config';\nexport const x = callPageConfig;\n",
      ),
    ).toBe(1);
    expect(
      await lint(
        'lib/client/x.ts',
        "import { getAgoraCredentials } from '../server/credentials';\nexport const x = getAgoraCredentials;\n",
      ),
    ).toBe(1);
    expect(
      await lint(
        'lib/server/x.ts',
        "import { readApiAnswer } from '../client/api-answer';\nexport const x = readApiAnswer;\n",
      ),
    ).toBe(1);
    expect(
      await lint(
        'lib/shared/x.ts',
        "import { localCertificate } from '../server/credentials';\nexport const x = localCertificate;\n",
      ),
    ).toBe(1);
    expect(
      await lint(
        'lib/shared/token/x.ts',
        "import { readApiAnswer } from '@/lib/client/api-answer';\nexport const x = readApiAnswer;\n",
      ),
    ).toBe(1);
    expect(
      await lint(
        'lib/client/x.ts',
        "import { parseChannelName } from '../shared/validation';\nexport const x = parseChannelName;\n",
      ),
    ).toBe(0);
    expect(
      await lint(
        'lib/server/x.ts',
        "import { parseChannelName } from '@/lib/shared/validation';\nexport const x = parseChannelName;\n",
      ),
    ).toBe(0);
  }, 60_000);
});
