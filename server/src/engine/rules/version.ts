/**
 * version/* and approval/outdated: the document's `version` and `approved`
 * checked against its history in Git. Without history (no Git, a shallow
 * clone, `history: false`, a file never committed) they say nothing: a
 * false `version/not-bumped` would teach people to ignore the rule.
 */
import { formatDay } from '../dates';
import { unbumpedChange } from '../history/model';
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
        message: `Version ${meta.version} is lower than version ${highest.version}, which this document had in commit ${short(highest.commit.commit)} (${highest.commit.date}). Versions only go up.`,
      });
      return;
    }

    const sameVersion = meta.version !== undefined && meta.version === current.version;
    if (meta.status === 'approved' && sameVersion && versionField) {
      const unbumped = unbumpedChange(documentHistory, parsed.text);
      if (unbumped) {
        const where = unbumped.committed
          ? `commit ${short(unbumped.committed.commit)} (${unbumped.committed.date}, “${plainText(unbumped.committed.subject)}”) changed it`
          : 'it has changed';
        context.report({
          rule: 'version/not-bumped',
          range: versionField.value.range,
          message: `Version ${meta.version} was committed in ${short(current.commit)} (${current.date}), and since then ${where} without a new version. Bump \`version\`, or commit a wording-only change with a subject starting \`editorial:\`.`,
          fixes: [
            {
              title: `Bump version to ${meta.version! + 1}`,
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
        message: `Approved on ${formatDay(meta.approved)}, before version ${current.version} was committed on ${revisionDay} (${short(current.commit)}): the current version was never approved.`,
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
