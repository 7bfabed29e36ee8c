// Bundles the extension, the CLI (and later the standalone adapter) with esbuild.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['adapter/cli.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['adapter/main.ts'], outfile: 'dist/adapter.js' }),
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The assembly language server runs in its own process (started by the extension's language client).
  build({ ...common, entryPoints: ['src/language-server/main.ts'], outfile: 'dist/language-server.js' }),
  // The benchmark runs the bundled emulator, as users get it: per-file transpilation (tsx) turns imported
  // constants into getter calls and would measure that instead of the core.
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js' }),
]);
