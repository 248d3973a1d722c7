/**
 * resolveRelative normalises by segments (it runs for every link of every
 * document checked); Node's own POSIX join and normalize are the oracle it
 * must agree with, on any path a link can hold.
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resolveRelative } from '../../server/src/engine/paths';

/** The link resolution as it was written with path.posix: a leading `/` is the repository root; leaving the root is undefined. */
function byPosix(fromFile: string, target: string): string | undefined {
  const directory = posix.dirname(fromFile) === '.' ? '' : posix.dirname(fromFile);
  const joined = target.startsWith('/') ? target.replace(/^\/+/, '') : posix.join(directory, target);
  const normalized = posix.normalize(joined === '' ? '.' : joined);
  if (normalized === '..' || normalized.startsWith('../') || posix.isAbsolute(normalized)) return undefined;
  return normalized === '.' ? '' : normalized.replace(/\/$/, '');
}

const segment = fc.constantFrom('a', 'b.md', '.', '..', '', '...', '.a', 'a..', ' ', '\\', '%2e', 'ü', '..md');
const path = fc.array(segment, { maxLength: 7 }).map((segments) => segments.join('/'));

describe('resolveRelative', () => {
  it('agrees with path.posix join and normalize on any link from any document', () => {
    fc.assert(
      fc.property(path, fc.boolean(), path, (from, rooted, target) => {
        const written = rooted ? `/${target}` : target;
        assert.equal(resolveRelative(from, written), byPosix(from, written), `${from} → ${written}`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('resolves the links a repository holds', () => {
    assert.equal(resolveRelative('sops/a.md', '../guides/b.md'), 'guides/b.md');
    assert.equal(resolveRelative('a.md', 'b.md'), 'b.md');
    assert.equal(resolveRelative('sops/a.md', '/guides//b.md'), 'guides/b.md');
    assert.equal(resolveRelative('sops/a.md', './'), 'sops');
    assert.equal(resolveRelative('a.md', '.'), '');
    assert.equal(resolveRelative('sops/a.md', '../../b.md'), undefined);
  });
});
