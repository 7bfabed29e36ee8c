// Serves VS Code for `npm start` (see start.sh) and stays in the foreground until Ctrl+C.
import path from 'node:path';
import { EXAMPLE, ROOT, WORK, buildExtension, ensureInstalled, freePort, prepareProfile, startCodeServer, workbenchUrl } from '../test/e2e/code-server.mjs';

ensureInstalled({ browser: false });
buildExtension();
const port = await freePort(Number(process.env.PORT || 8080));
const profile = prepareProfile('start', { fresh: false });
const logFile = path.join(WORK, 'start', 'code-server.log');
const server = await startCodeServer({ port, profile, logFile, folder: EXAMPLE });
const url = workbenchUrl(server.base, EXAMPLE, ROOT);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
server.child.on('exit', (code) => {
  console.log(`code-server exited (${code}); log: ${logFile}`);
  process.exit(code ?? 1);
});
console.log(`
Stepvisor in VS Code (code-server, bound to 127.0.0.1:${port}), example workspace ${path.relative(ROOT, EXAMPLE)}:

  ${url}

Open the URL in a browser on this machine (remote: ssh -L ${port}:127.0.0.1:${port} ...). Press F5 or pick a
configuration in Run and Debug. Server log: ${logFile}. Ctrl+C stops the server.
`);
