/**
 * remark-cli's configuration for the benchmark (`--rc-path`): the repository's
 * links checked across files by remark-validate-links, loaded from
 * .cache/bench-peers. `repository: false`: no Git remote is looked up (with
 * it, remark-validate-links fails with EMFILE on a large repository).
 */
import { importPeer } from './resolvePeers.mjs';

const { default: remarkValidateLinks } = await importPeer('remark-validate-links');

export default { plugins: [[remarkValidateLinks, { repository: false }]] };
