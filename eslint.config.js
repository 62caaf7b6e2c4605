import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Text from files is never rendered as markup.
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render file text as text.' }],
    },
  },
  // Layers: the pure layers never import the app or the view; the model imports nothing else of src/.
  {
    files: ['src/{graph,import,graphfile,export,lenses,store,security,metrics,density,field,workers}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../app',
                '../app/**',
                '../view',
                '../view/**',
                '../../app',
                '../../app/**',
                '../../view',
                '../../view/**',
                '../../../app',
                '../../../app/**',
                '../../../view',
                '../../../view/**',
              ],
              message: 'Lower layers never import src/app or src/view.',
            },
          ],
        },
      ],
    },
  },
  // The page loads no parser: the import barrel (src/import/index.ts) pulls every parser in, and they run in the import
  // worker. Page code takes what it needs from the module that has it (detect.ts, csv.ts…); types are free.
  {
    files: ['src/{app,view}/**/*.{ts,tsx}'],
    ignores: ['**/*Worker.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['../import', '../../import', '../import/index', '../../import/index'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'The import barrel loads every parser into the page: import from the module itself (src/import/detect.ts, csv.ts…).',
          })),
        },
      ],
    },
  },
  {
    files: ['src/model/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../**'], message: 'src/model depends on nothing else in src/.' }] }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'tests/**/*.{ts,mjs,js}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] } },
);
