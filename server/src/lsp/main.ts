/**
 * `node dist/server.js --stdio`: the Densho language server. stdout is the
 * LSP channel, so nothing here (or anywhere in the server) writes to it.
 * `--version` prints the version and exits. `--node-ipc` and
 * `--socket=PORT` work too (vscode-languageserver reads them from argv).
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { message, renderMessage, type Locale } from '../engine';
import { bindConnection } from './connection';
import type { DenshoServer } from './server';
import { FrameFilter } from './framing';

function main(argv: readonly string[]): void {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('Usage: densho-server --stdio | --node-ipc | --socket=PORT\n  --version  print the version\n');
    return;
  }
  if (!argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
    process.stderr.write('densho-server: pass --stdio (or --node-ipc, --socket=PORT) to choose how to talk to the editor.\n');
    process.exitCode = 2;
    return;
  }
  let server: DenshoServer | undefined;
  const connection = argv.includes('--stdio') ? stdioConnection(() => server?.locale ?? 'en') : createConnection(ProposedFeatures.all);
  server = bindConnection(connection, version);
  connection.listen();
}

/**
 * Over stdio, stdin passes through FrameFilter first, so a broken frame from
 * the client costs that one message, not every later one (see framing.ts).
 */
function stdioConnection(locale: () => Locale): Connection {
  let connection: Connection | undefined;
  const input = new FrameFilter((bytes, reason) => connection?.console.error(renderMessage(message('log.skipped-input', { bytes, reason }), locale())));
  process.stdin.pipe(input);
  connection = createConnection(ProposedFeatures.all, input, process.stdout);
  // Handed streams, vscode-languageserver no longer keeps `console` off stdout (the LSP channel) itself.
  const log = (...args: unknown[]) => connection?.console.log(format(...args));
  const error = (...args: unknown[]) => connection?.console.error(format(...args));
  Object.assign(console, { log, info: log, debug: log, dir: log, table: log, warn: (...args: unknown[]) => connection?.console.warn(format(...args)), error, trace: error });
  return connection;
}

main(process.argv.slice(2));
