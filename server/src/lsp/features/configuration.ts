/** densho/configuration: the configuration in effect, so the client never reads densho.yaml itself. */
import { LEVEL_SYMBOLS, sourceLanguage } from '../../engine';
import type { EffectiveConfiguration, FolderParams } from '../../protocol';
import type { ServerContext } from '../context';
import { readyFolder } from './documentRequests';

export async function configuration(context: ServerContext, params: FolderParams | undefined): Promise<EffectiveConfiguration> {
  const folder = await readyFolder(context, params);
  const config = folder.workspace.config;
  return {
    layers: [...config.layers],
    languages: [...config.languages],
    sourceLanguage: sourceLanguage(config),
    training: config.training,
    idPattern: config.idPattern.source,
    levelSymbols: { ...LEVEL_SYMBOLS },
    repositoryKeys: folder.workspace.configKeys,
  };
}
