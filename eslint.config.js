// Lint rules: ESLint's and typescript-eslint's recommended sets; browser globals for the app and its
// browser tests, Node globals for scripts, configs, the CLI entry and Node-side tests.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'test-results/', '.cache/', 'test/fixtures/', 'src/locales/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'lessons/**/*.ts', 'test/**/*.browser.test.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      '**/*.{js,mjs,cjs}',
      '*.ts',
      'scripts/**',
      'bin/**',
      'bench/**',
      'src/cli/**',
      'src/real/**',
      'test/**/*.ts',
    ],
    ignores: ['test/**/*.browser.test.ts'],
    languageOptions: { globals: globals.node },
  },
]);
