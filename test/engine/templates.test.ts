import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withClauses } from '../../server/src/engine/templates';

const document = (fields: string) => `---\nid: SOP-X-001\n${fields}\n---\n\n# Title\n`;
const preset = (fields: string) => withClauses(document(fields), 'iso9001', ['8.5.1']);

describe('withClauses: the clause of "New document for clause X" in a filled template', () => {
  it('fills the template\'s empty list and keeps its comment', () => {
    assert.equal(preset('iso9001: []   # e.g. [8.5.1, 7.1.6]'), document('iso9001: [8.5.1]   # e.g. [8.5.1, 7.1.6]'));
    assert.equal(preset('iso9001:   # which clauses'), document('iso9001: [8.5.1]   # which clauses'));
  });

  it('keeps the clauses a template lists, block or scalar, and lists each once', () => {
    assert.equal(preset('iso9001:\n  - 7.1.6\n  - 8.5.1'), document('iso9001: [7.1.6, 8.5.1]'));
    assert.equal(preset('iso9001: 7.10'), document('iso9001: [7.10, 8.5.1]'));
  });

  it('adds the field to a template without it, in a flow mapping as a list, not a quoted text', () => {
    assert.equal(preset('title: T'), document('title: T\niso9001: [8.5.1]'));
    assert.equal(withClauses('---\r\n{id: X}\r\n---\r\n', 'iso9001', ['8.5.1']), '---\r\n{id: X, iso9001: [8.5.1]}\r\n---\r\n');
  });

  it('keeps a byte-order mark and leaves broken front matter as it is', () => {
    assert.equal(withClauses(`\uFEFF${document('iso9001: []')}`, 'iso9001', ['8.5.1']), `\uFEFF${document('iso9001: [8.5.1]')}`);
    assert.equal(withClauses('---\nid: [unclosed\n---\n', 'iso9001', ['8.5.1']), '---\nid: [unclosed\n---\n');
  });
});
