/**
 * Writes the launch schema (adapter/launch-config.ts) into package.json: contributes.debuggers[0]
 * .configurationAttributes.launch, .initialConfigurations and .configurationSnippets. Touches nothing else
 * (package.json is shared): re-reads the file right before writing and keeps its formatting.
 *   npx tsx scripts/gen-launch-schema.ts           update
 *   npx tsx scripts/gen-launch-schema.ts --check   exit 1 when package.json is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIGURATION_SNIPPETS, INITIAL_CONFIGURATIONS, LAUNCH_SCHEMA } from '../adapter/launch-config';

export const PACKAGE_JSON = path.join(__dirname, '..', 'package.json');

interface Debugger {
  configurationAttributes?: unknown;
  initialConfigurations?: unknown;
  configurationSnippets?: unknown;
}

export function generated(): Required<Debugger> {
  return {
    configurationAttributes: { launch: LAUNCH_SCHEMA },
    initialConfigurations: INITIAL_CONFIGURATIONS,
    configurationSnippets: CONFIGURATION_SNIPPETS,
  };
}

/** The keys of package.json's first debugger that differ from the typed source. */
export function staleKeys(pkg: { contributes?: { debuggers?: Debugger[] } }): string[] {
  const d = pkg.contributes?.debuggers?.[0] ?? {};
  const want = generated();
  return (Object.keys(want) as (keyof Debugger)[]).filter((k) => JSON.stringify(d[k]) !== JSON.stringify(want[k]));
}

function main(): number {
  const text = readFileSync(PACKAGE_JSON, 'utf8');
  const pkg = JSON.parse(text) as { contributes: { debuggers: Debugger[] } };
  const stale = staleKeys(pkg);
  if (process.argv.includes('--check')) {
    if (stale.length > 0) {
      process.stderr.write(`package.json is stale (${stale.join(', ')}): run npm run gen:launch-schema\n`);
      return 1;
    }
    return 0;
  }
  if (stale.length === 0) return 0;
  // Re-read just before writing: another tool may have edited package.json meanwhile.
  const fresh = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { contributes: { debuggers: Debugger[] } };
  Object.assign(fresh.contributes.debuggers[0], generated());
  writeFileSync(PACKAGE_JSON, JSON.stringify(fresh, null, 2) + '\n');
  process.stdout.write(`package.json updated: ${stale.join(', ')}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
