// Regenerates the API types into a temporary file and fails when they differ
// from the committed src/lib/api/schema.d.ts (run `npm run gen:api` to update).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const spec = resolve(root, '../openapi/openapi.json')
const committed = resolve(root, 'src/lib/api/schema.d.ts')
const bin = resolve(root, 'node_modules/.bin/openapi-typescript')

const dir = mkdtempSync(join(tmpdir(), 'check-api-'))
const fresh = join(dir, 'schema.d.ts')
try {
  const run = spawnSync(bin, [spec, '-o', fresh], { cwd: root, encoding: 'utf8' })
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr)
    console.error('check:api: openapi-typescript failed')
    process.exit(2)
  }
  let current
  try {
    current = readFileSync(committed, 'utf8')
  } catch {
    console.error(`check:api: ${committed} is missing; run npm run gen:api`)
    process.exit(1)
  }
  const expected = readFileSync(fresh, 'utf8')
  if (current !== expected) {
    const a = current.split('\n')
    const b = expected.split('\n')
    const diff = a.findIndex((l, i) => l !== b[i])
    const line = diff === -1 ? a.length : diff
    console.error(
      `check:api: src/lib/api/schema.d.ts is out of date with ../openapi/openapi.json ` +
        `(first difference at line ${line + 1}); run npm run gen:api`,
    )
    process.exit(1)
  }
  console.log('check:api: src/lib/api/schema.d.ts matches ../openapi/openapi.json')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
