/**
 * Commands whose `contributes.commands` entries and menu items
 * `npm run generate:manifest` writes into package.json (merged by command
 * id: the other commands' entries are left as they are). No `vscode`
 * import: this runs under plain Node.
 */

export interface CommandContribution {
  readonly command: string;
  readonly title: string;
  readonly category: 'Densho';
  readonly icon?: string;
}

export interface MenuItem {
  readonly command: string;
  readonly when: string;
  readonly group?: string;
}

const DOCUMENT = 'resourceLangId == markdown && densho.active';

export const GENERATED_COMMANDS: readonly CommandContribution[] = [
  { command: 'densho.showRevisionHistory', title: 'Show Revision History', category: 'Densho', icon: '$(history)' },
  { command: 'densho.compareWithTranslatedRevision', title: 'Compare with the Translated Revision', category: 'Densho', icon: '$(diff)' },
  { command: 'densho.newDocumentForClause', title: 'New Document for This Clause…', category: 'Densho', icon: '$(new-file)' },
  { command: 'densho.chooseFolder', title: 'Choose the Folder the Views Show…', category: 'Densho', icon: '$(root-folder)' },
];

/** Only a multi-root workspace has a folder to choose. */
const MULTI_ROOT = 'workspaceFolderCount > 1';

/** Menu id → the items of the generated commands in it. */
export const GENERATED_MENUS: Readonly<Record<string, readonly MenuItem[]>> = {
  commandPalette: [
    { command: 'densho.showRevisionHistory', when: 'editorLangId == markdown' },
    { command: 'densho.compareWithTranslatedRevision', when: 'editorLangId == markdown' },
    // It needs a gap: from the coverage view's context menu or the matrix's row.
    { command: 'densho.newDocumentForClause', when: 'false' },
    { command: 'densho.chooseFolder', when: MULTI_ROOT },
  ],
  'view/title': [{ command: 'densho.chooseFolder', when: `view =~ /^densho\\./ && ${MULTI_ROOT}`, group: 'navigation@0' }],
  'editor/title': [
    { command: 'densho.showRevisionHistory', when: DOCUMENT, group: 'navigation@91' },
    { command: 'densho.compareWithTranslatedRevision', when: DOCUMENT, group: 'navigation@92' },
  ],
  'editor/context': [
    { command: 'densho.showRevisionHistory', when: DOCUMENT, group: 'densho@4' },
    { command: 'densho.compareWithTranslatedRevision', when: DOCUMENT, group: 'densho@5' },
  ],
  'explorer/context': [
    { command: 'densho.showRevisionHistory', when: DOCUMENT, group: 'densho@4' },
    { command: 'densho.compareWithTranslatedRevision', when: DOCUMENT, group: 'densho@5' },
  ],
  'view/item/context': [
    { command: 'densho.showRevisionHistory', when: 'viewItem =~ /^densho\\.document/', group: 'densho@4' },
    { command: 'densho.compareWithTranslatedRevision', when: 'viewItem =~ /^densho\\.document/', group: 'densho@5' },
    { command: 'densho.newDocumentForClause', when: 'viewItem == densho.clause.gap', group: 'inline' },
    { command: 'densho.newDocumentForClause', when: 'viewItem == densho.clause.gap', group: 'densho@1' },
  ],
};

/** package.json's `commands` and `menus` with the generated commands' entries replaced (or added), every other entry kept in place. */
export function withGeneratedCommands(contributes: { commands?: readonly { command: string }[]; menus?: Readonly<Record<string, readonly { command: string }[]>> }): {
  commands: unknown[];
  menus: Record<string, unknown[]>;
} {
  const generated = new Set(GENERATED_COMMANDS.map((entry) => entry.command));
  const commands = [...(contributes.commands ?? []).filter((entry) => !generated.has(entry.command)), ...GENERATED_COMMANDS];
  const menus: Record<string, unknown[]> = {};
  for (const menu of new Set([...Object.keys(contributes.menus ?? {}), ...Object.keys(GENERATED_MENUS)])) {
    menus[menu] = [...(contributes.menus?.[menu] ?? []).filter((item) => !generated.has(item.command)), ...(GENERATED_MENUS[menu] ?? [])];
  }
  return { commands, menus };
}
