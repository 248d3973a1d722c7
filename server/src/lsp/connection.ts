/**
 * Binds the LSP connection to DenshoServer: one line per message, no logic.
 * vscode-languageserver-protocol is pinned to the version that
 * vscode-languageserver and vscode-languageclient depend on, so the request
 * types of protocol.ts are the very classes the connection expects.
 */
import { DidChangeWatchedFilesNotification, type Connection } from 'vscode-languageserver';
import {
  AuditReportRequest,
  ChangesRequest,
  CheckDocumentIdRequest,
  ConfigurationRequest,
  CoverageExportRequest,
  CoverageMatrixRequest,
  CoverageRequest,
  DocumentIndexRequest,
  CreateTranslationRequest,
  MarkReviewedRequest,
  NewDocumentOptionsRequest,
  NewDocumentRequest,
  TranslationsRequest,
  HistoryRequest,
  RevisionTextRequest,
  KnowledgeRiskRequest,
  PartnerCopyRequest,
  ReportsChangedNotification,
  ReportsRequest,
  ReviewScheduleRequest,
  RecordTrainingRequest,
  SkillsRequest,
  SetupStatusRequest,
  InitRequest,
  FixAllRequest,
} from '../protocol';
import { DenshoServer, type ClientPort } from './server';

export function bindConnection(connection: Connection, version: string): DenshoServer {
  const port: ClientPort = {
    publishDiagnostics: (params) => void connection.sendDiagnostics(params),
    refreshDiagnostics: () => void connection.languages.diagnostics.refresh().catch(() => undefined),
    reportsChanged: (params) => void connection.sendNotification(ReportsChangedNotification.method, params),
    log: (message) => connection.console.log(message),
    createProgress: () => connection.window.createWorkDoneProgress().catch(() => undefined),
    registerFileWatchers: () => void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }),
  };
  const server = new DenshoServer(port, version);

  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => {
    server.initialized();
    // Only once initialized: before, the library knows not whether the client sends folder changes (and throws when it does not).
    if (server.clientSendsFolderChanges) connection.workspace.onDidChangeWorkspaceFolders((event) => server.didChangeWorkspaceFolders({ event }));
  });
  connection.onShutdown(() => server.shutdown());

  connection.onDidOpenTextDocument((params) => server.didOpen(params));
  connection.onDidChangeTextDocument((params) => server.didChange(params));
  connection.onDidCloseTextDocument((params) => server.didClose(params));
  connection.onDidChangeWatchedFiles((params) => server.didChangeWatchedFiles(params));
  connection.onDidChangeConfiguration((params) => server.didChangeConfiguration(params));
  connection.workspace.onDidRenameFiles((params) => server.didRenameFiles(params));
  connection.workspace.onDidCreateFiles((params) => server.didCreateFiles(params));
  connection.workspace.onDidDeleteFiles((params) => server.didDeleteFiles(params));
  connection.workspace.onWillRenameFiles((params) => server.willRenameFiles(params));

  connection.onCompletion((params) => server.completion(params));
  connection.onHover((params) => server.hover(params));
  connection.onDefinition((params) => server.definition(params));
  connection.onReferences((params) => server.references(params));
  connection.onPrepareRename((params) => server.prepareRename(params));
  connection.onRenameRequest((params) => server.rename(params));
  connection.onDocumentSymbol((params) => server.documentSymbols(params));
  connection.onWorkspaceSymbol((params) => server.workspaceSymbols(params));
  connection.onDocumentLinks((params) => server.documentLinks(params));
  connection.onCodeAction((params) => server.codeActions(params));
  connection.languages.diagnostics.on((params) => server.documentDiagnostics(params));
  connection.languages.diagnostics.onWorkspace((params) => server.workspaceDiagnostics(params));

  connection.onRequest(CoverageRequest, (params) => server.coverage(params));
  connection.onRequest(ReviewScheduleRequest, (params) => server.reviewSchedule(params));
  connection.onRequest(KnowledgeRiskRequest, (params) => server.knowledgeRisk(params));
  connection.onRequest(SkillsRequest, (params) => server.skills(params));
  connection.onRequest(ReportsRequest, (params) => server.reports(params));
  connection.onRequest(RecordTrainingRequest, (params) => server.recordTraining(params));
  connection.onRequest(AuditReportRequest, (params) => server.writeAuditReport(params));
  connection.onRequest(PartnerCopyRequest, (params) => server.createPartnerCopy(params));
  connection.onRequest(HistoryRequest, (params) => server.history(params));
  connection.onRequest(ChangesRequest, (params) => server.changes(params));
  connection.onRequest(RevisionTextRequest, (params) => server.revisionText(params));
  connection.onRequest(SetupStatusRequest, (params) => server.setupStatus(params));
  connection.onRequest(InitRequest, (params) => server.init(params));
  connection.onRequest(FixAllRequest, (params) => server.fixAll(params));
  connection.onRequest(DocumentIndexRequest, (params) => server.documentIndex(params));
  connection.onRequest(ConfigurationRequest, (params) => server.configuration(params));
  connection.onRequest(MarkReviewedRequest, (params) => server.markReviewed(params));
  connection.onRequest(TranslationsRequest, (params) => server.translations(params));
  connection.onRequest(CreateTranslationRequest, (params) => server.createTranslation(params));
  connection.onRequest(NewDocumentOptionsRequest, (params) => server.newDocumentOptions(params));
  connection.onRequest(CheckDocumentIdRequest, (params) => server.checkDocumentId(params));
  connection.onRequest(NewDocumentRequest, (params) => server.newDocument(params));
  connection.onRequest(CoverageExportRequest, (params) => server.exportCoverage(params));
  connection.onRequest(CoverageMatrixRequest, (params) => server.coverageMatrix(params));
  return server;
}
