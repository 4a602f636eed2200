import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Playwright fixtures call their callback `use`, which the React hooks rules mistake for React's.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: ['.next/**', '.next-secret-check/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'screenshots/**'],
  },
];

export default config;
