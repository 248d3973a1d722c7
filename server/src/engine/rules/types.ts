/**
 * The interface every rule family implements. A family is one file under
 * rules/ that checks related rules together, reading the parsed document,
 * its metadata and the workspace index, and reporting findings; the
 * workspace decides their severity from `rules:` overrides.
 */
import type { DenshoConfig } from '../config';
import type { Day } from '../dates';
import type { Finding } from '../diagnostics';
import type { Range } from '../text';
import type { FieldCheck } from '../frontmatter';
import type { ChangeKindOf, TrainingIndex } from '../competence';
import type { RepositoryHistory } from '../history/model';
import type { PeopleRegistry } from '../people';
import type { Standard } from '../standards/registry';
import type { IndexedDocument, WorkspaceIndex } from '../workspaceIndex';

export interface RuleEnvironment {
  readonly config: DenshoConfig;
  readonly index: WorkspaceIndex;
  /** Undefined when the repository has no people registry. */
  readonly people: PeopleRegistry | undefined;
  /** Undefined when the repository has no training records. */
  readonly training: TrainingIndex | undefined;
  /** What kind of change made a version of a document (history, or the front matter alone). */
  readonly changeKindOf: ChangeKindOf;
  readonly standards: readonly Standard[];
  readonly today: Day;
  /** Whether densho.yaml exists: `iso/gap` is reported on it, or on the root. */
  readonly hasConfigFile: boolean;
  /** Where densho.yaml writes each top-level key (empty without the file). */
  readonly configKeyRanges: ReadonlyMap<string, Range>;
  /** The documents' history from Git; undefined when there is none, and the history rules stay silent. */
  readonly history: RepositoryHistory | undefined;
}

export interface DocumentContext extends RuleEnvironment {
  readonly document: IndexedDocument;
  readonly fieldChecks: readonly FieldCheck[];
  report(finding: Finding): void;
}

export interface WorkspaceContext extends RuleEnvironment {
  report(finding: Finding & { readonly file: string }): void;
}

export interface RuleFamily {
  readonly name: string;
  /** Checks one document; findings are about that document. */
  checkDocument?(context: DocumentContext): void;
  /** Checks the repository as a whole (e.g. clause coverage). */
  checkWorkspace?(context: WorkspaceContext): void;
}
