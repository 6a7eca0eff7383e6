import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'exp_scratch/**',
      '.dependency-cruiser.cjs',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'web/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/symbolic/compile.ts'],
    // compile() builds JavaScript from a checked AST, never from user text.
    rules: { 'no-new-func': 'off' },
  },
);
