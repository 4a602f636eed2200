import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The folder says where code runs (README → Project layout): browser code and shared code never
// import server-only modules, and the server never imports browser code. Pages and route files are
// server components, the one place where both sides meet.
const onlyFrom = (forbidden, why) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: forbidden.flatMap((room) => [`@/lib/${room}/*`, `@/lib/${room}`, `**/${room}/*`]), message: why },
      ],
    },
  ],
});

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ['components/**', 'lib/client/**'],
    rules: onlyFrom(['server'], 'browser code cannot import lib/server (server-only); share types through lib/shared/'),
  },
  {
    files: ['lib/shared/**'],
    rules: onlyFrom(
      ['server', 'client'],
      'lib/shared is used by both sides and imports neither lib/server nor lib/client',
    ),
  },
  {
    files: ['lib/server/**'],
    rules: onlyFrom(['client'], 'server code cannot import lib/client (browser code)'),
  },
  {
    // Playwright fixtures call their callback `use`, which the React hooks rules mistake for React's.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: [
      '.next/**',
      '.next-secret-check/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'screenshots/**',
    ],
  },
];

export default config;
