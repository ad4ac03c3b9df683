/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type ProxyOptions } from 'vite'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The SPID identity providers' logos of the npm package `spid-smart-button` (AgID, EUPL-1.2),
 * published at stable addresses, `/loghi/spid/spid-idp-<name>.svg`, for the server's provider
 * settings (`logo`) to point at: served by the dev server, written into dist/ by the build.
 */
function spidIdpLogos(): Plugin {
  const source = fromRoot('./node_modules/spid-smart-button/dist/img/idp-logos')
  const base = '/loghi/spid/'
  const logos = () =>
    readdirSync(source).filter(
      (name) => /^spid-idp-[a-z0-9-]+\.svg$/.test(name) && !name.includes('dummy'),
    )
  return {
    name: 'portale-spid-idp-logos',
    configureServer(server) {
      server.middlewares.use(base, (req, res, next) => {
        const name = (req.url ?? '').split('?')[0]?.replace(/^\//, '') ?? ''
        if (!logos().includes(name)) return next()
        res.setHeader('Content-Type', 'image/svg+xml')
        res.end(readFileSync(join(source, name)))
      })
    },
    generateBundle() {
      for (const name of logos()) {
        this.emitFile({
          type: 'asset',
          fileName: `${base.slice(1)}${name}`,
          source: readFileSync(join(source, name)),
        })
      }
    },
  }
}

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
  plugins: [react(), spidIdpLogos()],
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
