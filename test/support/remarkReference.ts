/**
 * The reference the engine's parser is held against: what remark
 * (micromark, the reference implementation of CommonMark in JavaScript)
 * finds in a document, read from its syntax tree, whose nodes carry exact
 * offsets. test/engine/parserDifferential.test.ts compares the engine's
 * ParsedDocument with it, both reduced to the same plain facts.
 *
 * Headings and steps are read as GitHub renders them (HTML tags and image
 * descriptions are not text), since that is what the engine promises.
 */
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { withoutBom } from '../../server/src/engine';
import { WIKI_REFERENCE_PATTERN } from '../../server/src/engine/parsing/markdownTokens';

/** What both parsers must agree on, as strings that print well in a failed assertion. Offsets count in the text without BOM. */
export interface ParseFactsForComparison {
  headings: string[];
  links: string[];
  steps: string[];
  /** The first line of each step's text; compared by prefix (see the test). */
  stepTexts: string[];
  frontMatter: string;
}

/** GFM for its tables, which GitHub renders and markdown-it parses. */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
/** The engine's own definition of a `[[ID]]` reference, applied to remark's text nodes. */
const WIKI_REFERENCE = new RegExp(WIKI_REFERENCE_PATTERN.source, 'g');

export function referenceFacts(rawText: string): ParseFactsForComparison {
  const text = withoutBom(rawText);
  const tree = processor.parse(text) as Root;
  const offsets = (node: Nodes): [number, number] => [node.position!.start.offset!, node.position!.end.offset!];
  const facts: ParseFactsForComparison = { headings: [], links: [], steps: [], stepTexts: [], frontMatter: '' };
  const slugger = new GithubSlugger();
  const steps: [number, string, string][] = [];

  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    let descend = true;
    // GFM's literal autolinks (`www.x.org`) are made after parsing and have text children without positions.
    if (node.type !== 'root' && !node.position) continue;
    switch (node.type) {
      case 'yaml':
        facts.frontMatter = offsets(node).join('-');
        descend = false;
        break;
      case 'heading': {
        const headingText = rendered(node);
        facts.headings.push(`${node.depth} ${slugger.slug(headingText)} ${JSON.stringify(headingText)} ${offsets(node).join('-')}`);
        break;
      }
      case 'list':
        if (node.ordered) {
          node.children.forEach((item, position) => {
            const [start, end] = offsets(item);
            steps.push([start, `${(node.start ?? 1) + position} ${start}-${end}`, rendered(item).split('\n')[0]!.trim()]);
          });
        }
        break;
      case 'link':
      case 'image':
      case 'definition': {
        // Reference links (`[text][label]`) have no destination of their own: their definition is the link.
        const [start, end] = offsets(node);
        if (node.type !== 'definition' && text.charCodeAt(end - 1) !== 41 /* ) */) break;
        const children = node.type === 'link' ? node.children.filter((child) => child.position) : [];
        const label = children.length > 0 ? `${offsets(children[0]!)[0]}-${offsets(children[children.length - 1]!)[1]}` : '-';
        facts.links.push(`${node.type} ${start}-${end} url=${JSON.stringify(node.url)} text=${node.type === 'link' ? label : '-'}`);
        break;
      }
      case 'text': {
        const [start, end] = offsets(node);
        for (const match of text.slice(start, end).matchAll(WIKI_REFERENCE)) {
          const at = start + match.index!;
          facts.links.push(`wiki ${at}-${at + match[0].length} url=${JSON.stringify(`${match[1]!.trim()}${match[2] === undefined ? '' : `#${match[2].trim()}`}`)} text=-`);
        }
        descend = false;
        break;
      }
      case 'html':
      case 'code':
      case 'inlineCode':
        descend = false;
        break;
    }
    if (descend && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as Nodes);
    }
  }
  steps.sort((a, b) => a[0] - b[0]);
  facts.steps = steps.map((step) => step[1]);
  facts.stepTexts = steps.map((step) => step[2]);
  facts.links.sort(byStart);
  return facts;
}

export function byStart(a: string, b: string): number {
  return Number(/ (\d+)-/.exec(a)![1]) - Number(/ (\d+)-/.exec(b)![1]);
}

/** A node's text as GitHub renders it: HTML tags and images contribute nothing. */
function rendered(node: Nodes): string {
  let result = '';
  const pending: Nodes[] = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.type === 'html' || current.type === 'image' || current.type === 'imageReference') continue;
    if (current.type === 'break') result += '\n';
    else if ('value' in current) result += current.value;
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) pending.push(current.children[i] as Nodes);
  }
  return result.trim();
}
