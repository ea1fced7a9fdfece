// One lint for the repository: typescript-eslint's recommended rules, Prettier for layout, and the
// boundaries the layout depends on (see CONTRIBUTING.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** Every folder under subgraphs/ is a subgraph (the platform manifest lists the same). */
const SUBGRAPHS = readdirSync(new URL('./subgraphs/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Comments explain the code by the law or by the reason; they never point at documents outside the repository. */
const noOutsideReferences = {
  meta: {
    type: 'suggestion',
    messages: {
      outside: 'Comment points at a document that is not in the repository ({{ref}}): cite the law or say why.',
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const match =
            /\bbrief(?:\.md)?\s*§|\bissue\s+#?\d+|shared\/(?:domain|notes|contract)\b|\bseeds?\s+0\d\d\b/i.exec(
              comment.value,
            );
          if (match) context.report({ loc: comment.loc, messageId: 'outside', data: { ref: match[0] } });
        }
      },
    };
  },
};

/** Resolvers and loaders reach the database only through stores (src/store/). */
const noSqlOutsideStores = {
  selector: "CallExpression[callee.property.name='query']",
  message: 'SQL belongs in src/store/: call a store or a service.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.turbo/**',
      'coverage/**',
      'test-artifacts/**',
      'bench/results/**',
      'schema/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { tdkt: { rules: { 'no-outside-references': noOutsideReferences } } },
    rules: {
      'tdkt/no-outside-references': 'error',
      'max-len': [
        'error',
        { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['dashboard/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  // No subgraph imports another subgraph; they meet only through the supergraph.
  ...SUBGRAPHS.map((name) => ({
    files: [`subgraphs/${name}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: SUBGRAPHS.filter((other) => other !== name).map((other) => `@tdkt/${other}`),
              message: 'A subgraph never imports another subgraph.',
            },
            { group: ['../../*'], message: 'Packages meet only through declared dependencies.' },
          ],
        },
      ],
    },
  })),
  // Rules are pure decisions on plain data: no framework, no database, no HTTP.
  {
    files: ['subgraphs/*/src/rules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'type-graphql',
                'typeorm',
                'graphql',
                'graphql-*',
                '@apollo/*',
                'dataloader',
                'pg',
                'express',
                '@tdkt/subgraph-kit',
                ...SUBGRAPHS.map((name) => `@tdkt/${name}`),
              ],
              message: 'Rules import no framework: pass plain data in, return a verdict.',
            },
            {
              group: ['../*', '!../catalogue', '!../catalogue/*'],
              message: 'Rules depend only on other rules and plain data (the catalogue).',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'subgraphs/*/src/resolvers/**/*.ts',
      'subgraphs/*/src/loaders/**/*.ts',
      'subgraphs/*/src/types/**/*.ts',
      'subgraphs/*/src/services/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', noSqlOutsideStores] },
  },
);
