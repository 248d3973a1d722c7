/**
 * version/* and approval/outdated: the document's `version` and `approved`
 * checked against its history in Git. Without history (no Git, a shallow
 * clone, `history: false`, a file never committed) they say nothing: a
 * false `version/not-bumped` would teach people to ignore the rule.
 */
import { formatDay } from '../dates';
import { unbumpedChange } from '../history/model';
import { message } from '../messages';
import type { RuleFamily } from './types';

export const versionRules: RuleFamily = {
  name: 'version',
  checkDocument(context) {
    const { document, history } = context;
    const documentHistory = history?.of(document.path);
    if (!documentHistory) return;
    const { meta, parsed } = document;
    const versionField = meta.fields.get('version');
    const current = documentHistory.current;
    const highest = documentHistory.highestVersion;

    if (meta.version !== undefined && versionField && highest && meta.version < highest.version) {
      context.report({
        rule: 'version/decreased',
        range: versionField.value.range,
        message: message('version.decreased', { version: meta.version, highest: highest.version, commit: short(highest.commit.commit), date: highest.commit.date }),
      });
      return;
    }

    const sameVersion = meta.version !== undefined && meta.version === current.version;
    if (meta.status === 'approved' && sameVersion && versionField) {
      const unbumped = unbumpedChange(documentHistory, parsed.text);
      if (unbumped) {
        const where = unbumped.committed
          ? message('version.changed-in-commit', { commit: short(unbumped.committed.commit), date: unbumped.committed.date, subject: plainText(unbumped.committed.subject) })
          : message('version.changed');
        context.report({
          rule: 'version/not-bumped',
          range: versionField.value.range,
          message: message('version.not-bumped', { version: meta.version!, commit: short(current.commit), date: current.date, change: where }),
          fixes: [
            {
              title: message('fix.bump-version', { version: meta.version! + 1 }),
              edits: [{ kind: 'text', file: document.path, range: versionField.value.range, newText: String(meta.version! + 1) }],
              preferred: true,
            },
          ],
        });
      }
    }

    const approvedField = meta.fields.get('approved');
    const revisionDay = current.date;
    if (meta.status === 'approved' && sameVersion && meta.approved !== undefined && approvedField && formatDay(meta.approved) < revisionDay) {
      context.report({
        rule: 'approval/outdated',
        range: approvedField.value.range,
        message: message('approval.outdated', { approved: formatDay(meta.approved), version: current.version!, date: revisionDay, commit: short(current.commit) }),
      });
    }
  },
};

/** A commit subject is anyone's text: control characters (terminal escapes, bidi overrides) never reach a message. */
function plainText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

function short(commit: string): string {
  return commit.slice(0, 7);
}
