// The reference implementation of the Italian SPID/CIE OpenID Connect Federation
// (tests/federation: the PyPI package spid-cie-oidc) beside a portal: a trust anchor and
// a SPID provider on one port, a CIE provider on the next, the demo citizen as their test
// user, the portal registered under the anchor.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { startPortal, type Portal } from "./portal.ts";

const repository = resolve("..");
const python = join(repository, ".venv-federation", "bin", "python");

export const TEST_USER_PASSWORD = "Spid-Prova-2026";

export interface Federation {
  portal: Portal;
  /** The test user's user name at the providers: the demo citizen's codice fiscale. */
  username: string;
  stop(): Promise<void>;
}

function harness(...args: string[]): string {
  return execFileSync(python, ["-m", "tests.federation", ...args], { cwd: repository, encoding: "utf8" });
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

/** A port P with P+1 free too (the CIE provider's). */
async function twoFreePorts(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if ((await portFree(port)) && (await portFree(port + 1))) return port;
  }
  throw new Error("no two consecutive free ports");
}

function federationConfig(port: number): string {
  return `[federation]
[[federation.trust_anchors]]
entity_id = "http://127.0.0.1:${port}"
[[federation.providers]]
id = "spid-prova"
kind = "spid"
name = "SPID di prova"
entity_id = "http://127.0.0.1:${port}/oidc/op"
[[federation.providers]]
id = "cie-prova"
kind = "cie"
name = "CIE id di prova"
entity_id = "http://127.0.0.1:${port + 1}/oidc/op"
`;
}

async function serve(stateDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(python, ["-m", "tests.federation", "serve", "--state-dir", stateDir, "--port", String(port)], {
    cwd: repository,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`federation not ready:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("federation: ready")) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`federation exited with ${code}:\n${output}`));
    });
  });
  return child;
}

export async function startFederation(): Promise<Federation> {
  const stateDir = mkdtempSync(join(tmpdir(), "portale-federation-"));
  const port = await twoFreePorts();
  harness("setup", "--state-dir", stateDir, "--port", String(port));
  const portal = await startPortal({ config: federationConfig(port) });
  const citizen = portal.credentials.citizen.fiscal_code;
  harness(
    "add-user", "--state-dir", stateDir, "--username", citizen, "--password", TEST_USER_PASSWORD,
    "--fiscal-number", citizen, "--given-name", "Cittadino", "--family-name", "Demo",
  );
  harness("register-rp", "--state-dir", stateDir, "--entity-id", portal.baseUrl);
  const server = await serve(stateDir, port);
  return {
    portal,
    username: citizen,
    async stop() {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
      await portal.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
