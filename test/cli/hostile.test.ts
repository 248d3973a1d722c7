/**
 * A pull request as an attacker writes it, checked by the built CLI under a
 * watchdog: what used to take minutes must finish at all within 30 s, with
 * a diagnostic instead of a stall, a crash or forged output.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc } from '../helpers';
import { runCliWithWatchdog, tempRepository } from '../support/watchdog';

const TODAY = ['--today', '2026-11-25', '--format', 'json'];

describe('hostile pull requests: no hang', () => {
  it('an id-pattern with nested quantifiers and a 34-character id that does not match', () => {
    const dir = tempRepository({
      'densho.yaml': 'id-pattern: "^([A-Z]+)+$"\nstandards: []\n',
      'sops/a.md': doc({ id: `${'A'.repeat(34)}!` }),
    });
    const result = runCliWithWatchdog(['check', dir, ...TODAY]);
    const rules = JSON.parse(result.stdout).diagnostics.map((d: { rule: string }) => d.rule);
    assert.deepEqual(rules, ['id/pattern']);
  });
  it('docs and ignore globs with six stars against a file named with 100 a', () => {
    const name = `${'a'.repeat(100)}.md`;
    for (const key of ['docs', 'ignore']) {
      const dir = tempRepository({
        'densho.yaml': `${key}: ["**/*a*a*a*a*a*a*b.md"]\nstandards: []\n`,
        [`sops/${name}`]: doc(),
        'sops/x.md': doc({ id: 'SOP-X-001' }),
      });
      const result = runCliWithWatchdog(['check', dir, ...TODAY]);
      const summary = JSON.parse(result.stdout).summary;
      // Neither file ends in b.md: as docs the glob matches nothing (exit 2, "no documents"), as ignore it ignores nothing.
      if (key === 'docs') assert.equal(summary.documents, 0);
      else assert.equal(summary.documents, 2);
    }
  });
});
