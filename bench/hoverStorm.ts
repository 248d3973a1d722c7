/**
 * Hover latency during an edit storm (issue 14's target: p95 ≤ 200 ms):
 * 10,000 incremental changes to a 100 KB document sent as fast as the
 * connection takes them, with a hover every 100 changes; prints the
 * latency percentiles of those hovers. `node --import tsx bench/hoverStorm.ts`.
 */
import { TestClient, tempRepository } from '../test/lsp/client';

function sop(id: string, title: string, body: string): string {
  return `---\nid: ${id}\ntitle: ${title}\naccess: internal\nowner: a\nexpert: a\nreviewed: 2026-10-01\n---\n${body}`;
}

async function main(): Promise<void> {
  const filler = Array.from({ length: 1700 }, (_, i) => `${i + 1}. Step ${i + 1}: check the clamp and the torque on the fixture.`).join('\n');
  const text = sop('SOP-A-001', 'Big one', `# Big one\n\n${filler}\n\nTyped: [[SOP-B-001]] \n`);
  const repo = tempRepository({ 'densho.yaml': 'standards: []\n', 'a.md': text, 'b.md': sop('SOP-B-001', 'Target procedure', '# Target\n') });
  const client = await TestClient.start(repo.root);
  try {
    await client.open('a.md', text);
    const line = text.split('\n').length - 2;
    let column = 'Typed: [[SOP-B-001]] '.length;
    let version = 1;
    const change = (range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string) =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri('a.md'), version: ++version }, contentChanges: [{ range, text: newText }] });
    const latencies: number[] = [];
    while (version < 10_000) {
      for (let i = 0; i < 50; i++) {
        void change({ start: { line, character: column }, end: { line, character: column } }, 'x');
        column++;
        void change({ start: { line, character: column - 1 }, end: { line, character: column } }, '');
        column--;
      }
      const start = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('a.md') }, position: { line, character: 'Typed: [[SO'.length } });
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.log(`${latencies.length} hovers during ${version} changes to a ${text.length}-character document: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  } finally {
    await client.stop();
    repo.dispose();
  }
}

void main();
