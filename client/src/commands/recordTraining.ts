/**
 * Record training: pick a person, a procedure, a level and a trainer; the
 * server computes the one edit to training.yaml (densho/recordTraining),
 * which is applied here and touches no other byte of the file.
 */
import * as vscode from 'vscode';
import { RecordTrainingRequest, SkillsRequest, type RecordTrainingParams } from '../../../server/src/protocol';
import type { Ctx } from '../context';

/** The levels as training.yaml spells them (the label, not translated: it is what is written), with what each means. */
const levels = (): vscode.QuickPickItem[] => [
  { label: 'learning', detail: vscode.l10n.t('in on-the-job training: works only beside a trainer') },
  { label: 'supervised', detail: vscode.l10n.t('does the work, and someone checks it') },
  { label: 'independent', detail: vscode.l10n.t('does the work alone (qualified)') },
  { label: 'trainer', detail: vscode.l10n.t('does it alone and can teach it (qualified)') },
];

/** With every argument given (tests, other extensions), no question is asked. */
export const recordTraining =
  (ctx: Ctx) =>
  async (given?: Partial<Omit<RecordTrainingParams, 'folder'>>): Promise<boolean> => {
    await ctx.start();
    const folder = ctx.folder();
    if (!folder) return false;
    const matrix = await ctx.request(SkillsRequest, { folder: folder.uri.toString() });
    const id =
      given?.id ??
      (
        await vscode.window.showQuickPick(
          matrix.documents.map((document) => ({ label: document.id, description: document.title, detail: document.required > 0 ? vscode.l10n.t('{0} of {1} qualified', document.qualified.length, document.required) : undefined })),
          { title: vscode.l10n.t('Record training: which procedure?'), matchOnDescription: true },
        )
      )?.label;
    if (!id) return false;
    const person =
      given?.person ??
      (
        await vscode.window.showQuickPick(
          matrix.roster.filter((candidate) => candidate.active).map((candidate) => ({ label: candidate.person, description: candidate.name ?? undefined })),
          { title: vscode.l10n.t('Record training on {0}: who?', id), matchOnDescription: true },
        )
      )?.label;
    if (!person) return false;
    const level = given?.level ?? (await vscode.window.showQuickPick(levels(), { title: vscode.l10n.t('{person} on {id}: which level?', { person, id }) }))?.label;
    if (!level) return false;
    const trainers = matrix.documents.find((document) => document.id === id)?.records.filter((record) => record.level === 'trainer' && record.current && record.person !== person) ?? [];
    let trainer = given?.trainer;
    if (given === undefined && trainers.length > 0) {
      const none = { label: vscode.l10n.t('(none)'), description: vscode.l10n.t('no trainer recorded') };
      const picked = await vscode.window.showQuickPick([...trainers.map((record) => ({ label: record.person, description: vscode.l10n.t('trainer on this procedure') })), none], { title: vscode.l10n.t('{person} on {id}: taught by?', { person, id }) });
      if (!picked) return false;
      trainer = picked === none ? undefined : picked.label;
    }
    let edit;
    try {
      edit = await ctx.request(RecordTrainingRequest, { folder: folder.uri.toString(), person, id, level, version: given?.version, date: given?.date, trainer });
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      return false;
    }
    if (!(await ctx.applyEdit(edit))) return false;
    const file = vscode.Uri.joinPath(folder.uri, ...(await ctx.configuration(folder)).training.split('/'));
    await vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.toString())?.save();
    void vscode.window.showInformationMessage(vscode.l10n.t('Recorded {person} at {level} on {id}.', { person, level, id }));
    return true;
  };
