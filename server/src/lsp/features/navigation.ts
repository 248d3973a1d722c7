/** Go to definition and find references (backlinks). */
import type { DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver';
import { definition as engineDefinition, references as engineReferences, type FileLocation } from '../../engine';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import type { DenshoFolder } from '../folder';

export async function definition(context: ServerContext, params: DefinitionParams): Promise<Location[]> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return [];
  return toLocations(context, located.folder, engineDefinition(located.folder.workspace, located.path, params.position));
}

export async function references(context: ServerContext, params: ReferenceParams): Promise<Location[]> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return [];
  const found = engineReferences(located.folder.workspace, located.path, params.position, params.context.includeDeclaration);
  return toLocations(context, located.folder, found);
}

function toLocations(context: ServerContext, folder: DenshoFolder, locations: readonly FileLocation[]): Location[] {
  return locations.map((location) => ({ uri: context.uriOf(folder, location.file), range: toRange(location.range) }));
}
