/**
 * `densho check` output: text for people, json for scripts, sarif for
 * code-scanning dashboards, github for workflow annotations, codequality for
 * GitLab merge requests (every shape in docs/cli.md). Messages are
 * rendered in the run's locale; none of these surfaces renders Markdown, so
 * code-like values are quoted as the language quotes ("…", 「…」).
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { message, renderMessage, RULE_DEFAULTS, RULE_IDS, ruleDocumentationPath, ruleSummary, terminalText, type Diagnostic, type Locale, type Severity } from '../../engine';
import type { Colors } from '../io';
import { padColumns } from './columns';
import { version as DENSHO_VERSION } from '../../../../package.json';

export interface CheckSummary {
  readonly documents: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarize(diagnostics: readonly Diagnostic[], documents: number): CheckSummary {
  const count = (severity: Severity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return { documents, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** One diagnostic as docs/cli.md's JSON has it: 1-based lines and columns, columns in UTF-16 code units; `rule` is the stable key, `message` in `locale`. */
export function jsonDiagnostic(diagnostic: Diagnostic, locale: Locale) {
  return {
    file: diagnostic.file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: diagnostic.severity,
    rule: diagnostic.rule,
    message: renderMessage(diagnostic.message, locale),
  };
}

/** The JSON of docs/cli.md. */
export function toJson(root: string, diagnostics: readonly Diagnostic[], summary: CheckSummary, locale: Locale): string {
  const report = {
    version: 1,
    root,
    diagnostics: diagnostics.map((diagnostic) => jsonDiagnostic(diagnostic, locale)),
    summary,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

const SEVERITY_LABEL = { error: message('check.severity-error'), warning: message('check.severity-warning'), info: message('check.severity-info') } as const;
const SEVERITY_COLUMNS = 7;

/**
 * Grouped by file, one line per problem: `line:column  severity  message  rule`.
 * File names and messages hold repository text: control characters are shown escaped.
 */
export function toText(diagnostics: readonly Diagnostic[], summary: CheckSummary, colors: Colors, locale: Locale): string {
  const paint: Record<Severity, (text: string) => string> = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const lines: string[] = [];
  let currentFile: string | undefined;
  const positionWidth = Math.max(0, ...diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`.length));
  for (const diagnostic of diagnostics) {
    if (diagnostic.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(colors.underline(terminalText(diagnostic.file)));
      currentFile = diagnostic.file;
    }
    const position = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`.padEnd(positionWidth);
    const severity = paint[diagnostic.severity](padColumns(renderMessage(SEVERITY_LABEL[diagnostic.severity], locale), SEVERITY_COLUMNS));
    lines.push(`  ${colors.dim(position)}  ${severity}  ${terminalText(renderMessage(diagnostic.message, locale))}  ${colors.dim(diagnostic.rule)}`);
  }
  if (diagnostics.length > 0) lines.push('');
  const problems = summary.errors + summary.warnings + summary.infos;
  const line =
    problems === 0
      ? colors.green(renderMessage(message('check.clean', { documents: summary.documents }), locale))
      : renderMessage(message('check.problems', { problems, errors: summary.errors, warnings: summary.warnings, infos: summary.infos, documents: summary.documents }), locale);
  lines.push(summary.errors > 0 ? colors.red(colors.bold(line)) : problems > 0 ? colors.yellow(colors.bold(line)) : line);
  return `${lines.join('\n')}\n`;
}


const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0, with file locations relative to %SRCROOT% so the log stays
 * valid on another machine. With a baseline, every result reported is new
 * to it (`baselineState: "new"`); the recorded ones are not reported.
 */
export function toSarif(root: string, diagnostics: readonly Diagnostic[], locale: Locale, withBaseline = false): string {
  const ruleIndex = new Map(RULE_IDS.map((id, index) => [id, index]));
  const location = (file: string, range: Diagnostic['range'], text?: string): Sarif.Location => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: file === '.' ? undefined : {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
    message: text === undefined ? undefined : { text },
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'densho',
            version: DENSHO_VERSION,
            rules: RULE_IDS.map((id) => ({
              id,
              shortDescription: { text: renderMessage(ruleSummary(id), locale) },
              help: { text: renderMessage(message('sarif.help', { summary: ruleSummary(id), path: ruleDocumentationPath(id, locale) }), locale) },
              defaultConfiguration: { level: SARIF_LEVEL[RULE_DEFAULTS[id]] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((diagnostic): Sarif.Result => ({
          ruleId: diagnostic.rule,
          ruleIndex: ruleIndex.get(diagnostic.rule),
          level: SARIF_LEVEL[diagnostic.severity],
          message: { text: renderMessage(diagnostic.message, locale) },
          locations: [location(diagnostic.file, diagnostic.range)],
          relatedLocations: diagnostic.related?.map((related, index) => ({ id: index, ...location(related.file, related.range, renderMessage(related.message, locale)) })),
          baselineState: withBaseline ? 'new' : undefined,
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message, escaped as GitHub documents: a line break could otherwise start a command of its own. */
function githubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: the message's escapes, and `:` and `,`, which end a property. */
function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one line per finding, which the runner
 * turns into annotations on the pull request. `pathPrefix` leads from the
 * Git work tree's top (where the runner resolves paths) to Densho's root.
 */
export function toGithub(diagnostics: readonly Diagnostic[], locale: Locale, pathPrefix = ''): string {
  return diagnostics
    .map((diagnostic) => {
      const properties: string[] = [];
      if (diagnostic.file !== '.') {
        properties.push(
          `file=${githubProperty(pathPrefix + diagnostic.file)}`,
          `line=${diagnostic.range.start.line + 1}`,
          `endLine=${diagnostic.range.end.line + 1}`,
          `col=${diagnostic.range.start.character + 1}`,
          `endColumn=${diagnostic.range.end.character + 1}`,
        );
      }
      properties.push(`title=${githubProperty(diagnostic.rule)}`);
      return `::${GITHUB_COMMAND[diagnostic.severity]} ${properties.join(',')}::${githubData(renderMessage(diagnostic.message, locale))}\n`;
    })
    .join('');
}

const CODE_QUALITY_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab's Code Quality report: a JSON array of issues, each with a
 * description, check_name, a fingerprint unique in the report (GitLab
 * compares them between the branch and its target to say what is new), a
 * severity and a location (path and lines).
 */
export function toCodeQuality(diagnostics: readonly Diagnostic[], fingerprintOf: (diagnostic: Diagnostic) => string, locale: Locale, pathPrefix = ''): string {
  const seen = new Map<string, number>();
  const issues = diagnostics.map((diagnostic) => {
    const base = fingerprintOf(diagnostic);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return {
      type: 'issue',
      description: renderMessage(diagnostic.message, locale),
      check_name: diagnostic.rule,
      fingerprint: occurrence === 0 ? base : `${base}-${occurrence + 1}`,
      severity: CODE_QUALITY_SEVERITY[diagnostic.severity],
      location: { path: diagnostic.file === '.' ? pathPrefix.replace(/\/$/, '') || '.' : pathPrefix + diagnostic.file, lines: { begin: diagnostic.range.start.line + 1, end: diagnostic.range.end.line + 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
