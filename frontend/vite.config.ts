/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// The backend the dev server and `vite preview` forward API calls to.
const backend = process.env.PORTALE_BACKEND_URL ?? 'http://127.0.0.1:8080'
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: backend },
  '/healthz': { target: backend },
  '/readyz': { target: backend },
}

export default defineConfig({
  // The backend embeds dist/ and serves it at the root with an SPA fallback:
  // asset URLs must be absolute so that deep links such as /strumenti/x work.
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${fromRoot('./src')}/` },
      // The kit's package "exports" has no condition Node understands: point at its ESM build.
      {
        find: /^design-react-kit$/,
        replacement: fromRoot('./node_modules/design-react-kit/dist/index.js'),
      },
      // We use none of Bootstrap Italia's JavaScript (the kit imports it only for its video
      // player). Under Node its UMD bundle forces NODE_ENV=production and breaks React, and
      // in the browser it would only add weight. Its Sass sources are imported by path.
      { find: /^bootstrap-italia$/, replacement: fromRoot('./src/lib/bootstrap-italia-stub.ts') },
    ],
  },
  css: {
    preprocessorOptions: {
      scss: {
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function'],
      },
    },
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Form tests type character by character; on a busy 2-core CI machine one can take
    // several seconds, and a timed-out test leaves its timers to break the next one.
    testTimeout: 20_000,
    server: { deps: { inline: ['design-react-kit'] } },
  },
})
