/**
 * `node dist/server.js --stdio`: the Densho language server. stdout is the
 * LSP channel, so nothing here (or anywhere in the server) writes to it.
 * `--version` prints the version and exits. `--node-ipc` and
 * `--socket=PORT` work too (vscode-languageserver reads them from argv).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { bindConnection } from './connection';

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
  const connection = createConnection(ProposedFeatures.all);
  bindConnection(connection, version);
  connection.listen();
}

main(process.argv.slice(2));
