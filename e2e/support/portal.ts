// A fresh `portale serve --demo` for one test file: a free port, a temporary data
// directory, and the demo credentials it writes.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface DemoCredentials {
  base_url: string;
  citizen: { fiscal_code: string; password: string; person_id: string };
  citizen2: { fiscal_code: string; password: string; person_id: string };
  nonresident: { fiscal_code: string; password: string };
  operator: { username: string; password: string };
  admin: { username: string; password: string };
  /** The demo's third-party application, with every read scope. */
  api_client?: { client_id: string; client_secret: string };
}

export interface Portal {
  baseUrl: string;
  /** The server's data directory: the demo's mail arrives in its `mail` folder. */
  dataDir: string;
  credentials: DemoCredentials;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`portale exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`portale did not become ready:\n${log()}`);
}

/**
 * The database of one portal: the embedded SQLite file of its data directory (an empty URL),
 * or, with PORTALE_E2E_POSTGRES set to an administrator's URL, a new PostgreSQL database
 * made through it with psql and dropped at the end.
 */
function newDatabase(port: number): { url: string; drop(): void } {
  const admin = process.env.PORTALE_E2E_POSTGRES ?? "";
  if (!admin) return { url: "", drop() {} };
  const name = `portale_e2e_${process.pid}_${port}`;
  const psql = (statement: string) => execFileSync("psql", [admin, "-qc", statement], { stdio: "inherit" });
  psql(`CREATE DATABASE "${name}"`);
  return {
    url: `${admin.slice(0, admin.lastIndexOf("/"))}/${name}`,
    drop: () => psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export interface PortalOptions {
  /** A TOML configuration file's text (e.g. a `[federation]` table), passed as `--config`. */
  config?: string;
}

export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const binary = resolve(process.env.PORTALE_BIN ?? "../target/debug/portale");
  const dataDir = mkdtempSync(join(tmpdir(), "portale-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const database = newDatabase(port);
  const configArgs: string[] = [];
  if (options.config) {
    writeFileSync(join(dataDir, "portale.toml"), options.config);
    configArgs.push("--config", join(dataDir, "portale.toml"));
  }
  const args = [...configArgs, "serve", "--demo", "--bind", `127.0.0.1:${port}`, "--data-dir", dataDir];
  const child = spawn(binary, args, {
    env: { ...process.env, PORTALE_LOG: "warn", PORTALE_DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  await waitUntilReady(baseUrl, child, () => output);
  const credentials = JSON.parse(readFileSync(join(dataDir, "demo-credentials.json"), "utf8")) as DemoCredentials;
  return {
    baseUrl,
    dataDir,
    credentials,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      // The server's own account of the run, for when a page saw an error.
      mkdirSync("results", { recursive: true });
      writeFileSync(join("results", `server-${port}.log`), output);
      rmSync(dataDir, { recursive: true, force: true });
      database.drop();
    },
  };
}
