import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Features are islands: a feature imports its own files (relative, never above its own
// folder, src/features/<feature>/) and shared code through the @/ alias (components, lib,
// i18n), never another feature. A relative import string does not say where it lands, so
// the rule is given per depth: a file n folders below its feature's folder may climb n.
const MAX_DEPTH = 4
const leavesFeature = (depth) => `${'../'.repeat(depth + 1)}*`
const noCrossFeature = (depth) => ({
  patterns: [
    { group: ['@/features/*'], message: 'A feature must not import another feature.' },
    { group: ['@/app/*'], message: 'Only src/app composes the application.' },
    { group: [leavesFeature(depth)], message: 'Leave the feature through the @/ alias.' },
  ],
})
const featureBoundaries = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
  files: [`src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
  rules: { 'no-restricted-imports': ['error', noCrossFeature(depth)] },
}))

export default defineConfig([
  globalIgnores(['dist', 'coverage', 'src/lib/api/schema.d.ts']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
    ],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...featureBoundaries,
  {
    // Deeper than the rule above reaches: fail rather than go unchecked.
    files: [`src/features/*/${'*/'.repeat(MAX_DEPTH + 1)}**/*.{ts,tsx}`],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'Too deep for the feature rule: raise MAX_DEPTH.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*/**', '../features/**', '../../features/**'],
              message: "Use the feature's public index: '@/features/<feature>'.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/features/*', '@/app/*'], message: 'Shared code depends on no feature.' },
          ],
        },
      ],
    },
  },
  {
    files: ['*.{js,mjs,ts}', 'scripts/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
])
