/**
 * Standalone debug adapter: `node dist/adapter.js` speaks DAP over stdio; `--server=PORT` listens on 127.0.0.1
 * only (one session per connection) for debugging the adapter itself or attaching tests.
 */
import * as net from 'node:net';
import { StepvisorDebugSession } from './session';

function main(argv: string[]): void {
  const server = argv.map((a) => /^--server=(\d{1,5})$/.exec(a)).find((m) => m !== null);
  if (server === undefined) {
    const session = new StepvisorDebugSession();
    process.on('SIGTERM', () => session.shutdown());
    session.start(process.stdin, process.stdout);
    return;
  }
  const port = Number(server[1]);
  const srv = net.createServer((socket) => {
    const session = new StepvisorDebugSession();
    session.setRunAsServer(true);
    session.start(socket, socket);
  });
  srv.listen(port, '127.0.0.1', () => {
    const a = srv.address();
    process.stderr.write(`stepvisor debug adapter listening on 127.0.0.1:${typeof a === 'object' && a !== null ? a.port : port}\n`);
  });
}

main(process.argv.slice(2));
