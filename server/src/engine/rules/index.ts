/** The ordered registry of rule families. Adding a family: write rules/<family>.ts and list it here. */
import { accessRules } from './access';
import { frontmatterRules } from './frontmatter';
import { fullWidthRules } from './fullWidth';
import { idRules } from './id';
import { isoRules } from './iso';
import { knowledgeRules } from './knowledge';
import { linkRules } from './links';
import { peopleRules } from './people';
import { reviewRules } from './review';
import { trainingRules } from './training';
import { translationRules } from './translation';
import { versionRules } from './version';
import type { RuleFamily } from './types';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  frontmatterRules,
  fullWidthRules,
  idRules,
  peopleRules,
  linkRules,
  accessRules,
  reviewRules,
  translationRules,
  versionRules,
  isoRules,
  trainingRules,
  knowledgeRules,
];
