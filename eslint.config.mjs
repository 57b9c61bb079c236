// ESLint with typescript-eslint's recommended rules over the whole project (npm run lint, part of npm test).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = { performance: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test-output/**', 'out/**', '**/fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are bugs or leftovers; a leading _ marks the deliberate ones.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // require() is how the bundle reads package.json and the optional serve module.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // TypeScript checks names itself; plain scripts run on Node.
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
  { files: ['**/*.mjs', '**/*.cjs', '**/*.js'], languageOptions: { globals: node } },
  // Tests build fakes of VS Code and of parsed JSON: `any` is allowed there, and chai-style expressions are not used.
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
