// Real VS Code in the browser: code-server 4.100.3 (installed on first use by install.sh into .vscode-e2e/),
// with this repository loaded as an extension under development. Shared by `npm start` and the e2e test.
// Pitfalls behind each choice: the research note real-vscode-e2e.md ("Pitfalls checklist").
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WORK = process.env.STEPVISOR_VSCODE_DIR || path.join(ROOT, '.vscode-e2e');
export const EXAMPLE = path.join(ROOT, 'examples', 'debug-hardware');
const CS = path.join(WORK, 'cs', 'node_modules', '.bin', 'code-server');

/** Debian packages and code-server, installed when missing (prints what to run when not root). */
export function ensureInstalled({ browser = true } = {}) {
  const r = spawnSync('bash', [path.join(ROOT, 'test', 'e2e', 'install.sh'), ...(browser ? [] : ['--no-browser'])], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('code-server / chromium setup failed (see above)');
}

/** The extension bundle must exist (and be current) before VS Code loads the repository as an extension. */
export function buildExtension() {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** A first free port at or after `preferred` on 127.0.0.1. */
export async function freePort(preferred) {
  for (let port = preferred; port < preferred + 100; port++) {
    const ok = await new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`no free port in ${preferred}..${preferred + 99}`);
}

const USER_SETTINGS = {
  // Quiet, offline-friendly workbench: no welcome page, telemetry, gallery or update checks.
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
};

/**
 * Isolated VS Code state under WORK/<name>: user data, extensions, config and XDG folders, so nothing touches
 * ~/.config/code-server (which would otherwise get a random password) or ~/.local/share.
 * `fresh` wipes the previous state (tests); `npm start` keeps it so open editors and breakpoints survive.
 */
export function prepareProfile(name, { fresh, settings = {} }) {
  const dir = path.join(WORK, name);
  if (fresh) fs.rmSync(dir, { recursive: true, force: true });
  const data = path.join(dir, 'data');
  fs.mkdirSync(path.join(data, 'User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'extensions'), { recursive: true });
  const settingsFile = path.join(data, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2) + '\n');
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const xdg = { XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'), XDG_DATA_HOME: path.join(dir, 'xdg', 'data'), XDG_CACHE_HOME: path.join(dir, 'xdg', 'cache') };
  return { dir, data, extensions: path.join(dir, 'extensions'), config, xdg };
}

/**
 * Starts code-server bound to 127.0.0.1:port in its own process group (stop() ends it and its helpers:
 * extension host, file watcher, pty host). Resolves once /healthz answers.
 */
export async function startCodeServer({ port, profile, logFile, env = {}, folder }) {
  const args = [
    '--config', profile.config, '--user-data-dir', profile.data, '--extensions-dir', profile.extensions,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  ];
  if (folder) args.push(folder);
  const log = fs.openSync(logFile, 'w');
  const child = spawn(CS, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env, ...profile.xdg, ...env } });
  fs.closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const t0 = Date.now();
  for (;;) {
    if (exited) throw new Error(`code-server exited early; log:\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - t0 > 60_000) {
      stop();
      throw new Error(`code-server did not answer /healthz within 60 s; log: ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid, child, stop, startupMs: Date.now() - t0, base: `http://127.0.0.1:${port}` };
}

/** Workbench URL that opens `folder` with this repository loaded as an extension under development. */
export function workbenchUrl(base, folder, extensionPath = ROOT) {
  const authority = new URL(base).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]];
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
