/**
 * The engine's public face: the CLI, the language server and the tests
 * import from here and nowhere deeper, so the engine can be reorganised
 * without touching them.
 */
export * from './config';
export * from './dates';
export * from './diagnostics';
export * from './autoFix';
export * from './frontMatterDraft';
export * from './init';
export { unmatchedDocumentGlobs } from './documentGlobs';
export * from './fileSystem';
export * from './frontmatter';
export * from './history/changes';
export * from './history/content';
export * from './history/model';
export * from './history/source';
export * from './load';
export * from './parse';
export * from './parsing/documentParser';
export * from './cache/checkCache';
export * from './paths';
export * from './people';
export * from './reports/coverage';
export * from './reports/history';
export * from './reports/risk';
export * from './reports/schedule';
export * from './rules/ruleIds';
export * from './standards/registry';
export type * from './standards/types';
export * from './text';
export * from './workspace';
export * from './workspaceIndex';
export * from './yamlValue';
export { translationPath, translationSkeleton } from './rules/translation';
export { ENGINE_VERSION } from './version';
export * from './features/completion';
export * from './features/cursor';
export * from './features/dependents';
export * from './features/hover';
export * from './features/linkUpdates';
export * from './features/markReviewed';
export * from './features/navigation';
export * from './features/rename';
export * from './features/symbols';
export * from './export';
export * from './reports/auditPack';
export { renderAuditReport, type AuditReportOptions } from './reports/html/auditReport';
export { renderCoverageMatrix, type CoverageMatrixOptions } from './reports/html/coverageMatrix';
export { escapeHtml, jsonForScript } from './reports/html/escape';
export * from './escaping/terminal';
export * from './escaping/markdown';
export * from './escaping/csv';
export { contentSecurityPolicy, type PageOptions } from './reports/html/page';
