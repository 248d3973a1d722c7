import { version } from '../../../package.json';

/** Densho's version, from package.json: one number for the CLI, the server, the extension and reports. */
export const ENGINE_VERSION = version;
