import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDuration, BUILT_IN_STANDARDS, clauseTitle, coverageReport, parseDay, parseDuration, formatDay } from '../../server/src/engine';
import { doc, PEOPLE, repository } from '../helpers';

describe('dates and durations', () => {
  it('adds calendar months, clamping to the end of the month', () => {
    assert.equal(formatDay(addDuration(parseDay('2026-01-31')!, parseDuration('1m')!)), '2026-02-28');
    assert.equal(formatDay(addDuration(parseDay('2024-02-29')!, parseDuration('1y')!)), '2025-02-28');
    assert.equal(formatDay(addDuration(parseDay('2026-11-25')!, parseDuration('30d')!)), '2026-12-25');
    assert.equal(formatDay(addDuration(parseDay('2026-11-25')!, parseDuration('2w')!)), '2026-12-09');
  });
  it('rejects impossible dates and empty or negative durations', () => {
    assert.equal(parseDay('2026-02-30'), undefined);
    assert.equal(parseDay('2026-2-3'), undefined);
    assert.equal(parseDuration('0d'), undefined);
    assert.equal(parseDuration('-3m'), undefined);
    assert.equal(parseDuration('12 months'), undefined);
  });
});

describe('coverage report', () => {
  it('rolls subclauses up to their parents and counts a translated procedure once', async () => {
    const ws = await repository({
      'densho.yaml': 'languages: [en, ja]\n',
      'a.md': doc({ iso9001: '[8.5.1, 7.1.6]', version: '1' }),
      'a.ja.md': doc({ lang: 'ja', 'translated-from-version': '1', iso9001: '[8.5.1]' }),
      'b.md': doc({ id: 'SOP-B-001', iso9001: '[8.5]', status: 'draft' }),
    });
    const report = ws.coverage()!;
    const clause = (number: string) => report.clauses.find((entry) => entry.clause === number)!;
    assert.deepEqual(clause('8.5.1').documents.map((d) => [d.id, d.file, d.direct]), [['SOP-A-001', 'a.md', true]]);
    assert.deepEqual(clause('8.5').documents.map((d) => [d.id, d.direct]), [['SOP-A-001', false]], 'the draft does not count');
    assert.deepEqual(clause('8').documents.map((d) => d.id), ['SOP-A-001']);
    assert.equal(clause('8.5.1').gap, false);
    assert.equal(clause('8.6').gap, true);
    assert.equal(clause('8.5').gap, false, '8.5 does not itself require documented information');
    assert.deepEqual(clause('7.1.6').experts, ['h.sato']);
    assert.equal(report.summary.documented, 25);
    assert.equal(report.summary.gaps, 24);
  });
});

describe('ISO 9001 clause titles in Japanese', () => {
  const iso = BUILT_IN_STANDARDS.get('iso9001')!;
  const clause = (number: string) => iso.clauses.find((entry) => entry.number === number)!;
  it('has the JIS Q 9001:2015 title of every clause, picked by language, English otherwise', () => {
    assert.deepEqual(iso.clauses.filter((entry) => clauseTitle(entry, 'ja') === entry.title).map((entry) => entry.number), [], 'clauses without a Japanese title');
    assert.equal(clauseTitle(clause('4'), 'ja'), '組織の状況');
    assert.equal(clauseTitle(clause('7.1.6'), 'ja'), '組織の知識');
    assert.equal(clauseTitle(clause('7.5'), 'ja-JP'), '文書化した情報');
    assert.equal(clauseTitle(clause('8.5.1'), 'ja'), '製造及びサービス提供の管理');
    assert.equal(clauseTitle(clause('9.2.2'), 'ja'), '内部監査', 'an untitled paragraph repeats its parent, as in English');
    assert.equal(clauseTitle(clause('8.5.1'), 'en'), 'Control of production and service provision');
    assert.equal(clauseTitle(clause('8.5.1'), 'de'), 'Control of production and service provision');
    assert.equal(clauseTitle(clause('8.5.1'), undefined), 'Control of production and service provision');
  });
  it('the coverage report takes them for a Japanese reader', async () => {
    const ws = await repository({ 'a.md': doc({ iso9001: '[7.1.6]' }) });
    const title = (language?: string) => coverageReport(ws.standards[0]!, ws.index.documents, ws.today, language).clauses.find((entry) => entry.clause === '7.1.6')!.title;
    assert.equal(title('ja'), '組織の知識');
    assert.equal(title(), 'Organizational knowledge');
  });
});

describe('review schedule', () => {
  it('groups overdue and due-soon approved documents by owner, most urgent first', async () => {
    const ws = await repository({
      'people.yaml': PEOPLE,
      'a.md': doc({ reviewed: '2025-10-01' }),
      'b.md': doc({ id: 'SOP-B-001', reviewed: '2025-12-01' }),
      'c.md': doc({ id: 'SOP-C-001', reviewed: '2025-01-01', owner: 'm.ito' }),
      'd.md': doc({ id: 'SOP-D-001', reviewed: '2026-10-01' }),
      'e.md': doc({ id: 'SOP-E-001', reviewed: '2020-01-01', status: 'draft' }),
    });
    const schedule = ws.reviewSchedule();
    assert.deepEqual(
      schedule.owners.map((owner) => [owner.owner, owner.name, owner.documents.map((d) => `${d.id} ${d.state} ${d.days}`)]),
      [
        ['k.tanaka', 'Kenji Tanaka', ['SOP-A-001 overdue 55', 'SOP-B-001 due-soon 6']],
        ['m.ito', '伊藤 美咲', ['SOP-C-001 overdue 328']],
      ],
    );
    assert.deepEqual(schedule.summary, { overdue: 2, dueSoon: 1 });
    const wider = ws.reviewSchedule(parseDuration('1y'));
    assert.equal(wider.summary.dueSoon, 2, 'a wider window includes SOP-D-001');
  });
});

describe('knowledge risk', () => {
  it('lists each expert with the documents only they hold, leaving experts first', async () => {
    const ws = await repository({
      'people.yaml': PEOPLE,
      'a.md': doc({ expert: 'h.sato' }),
      'b.md': doc({ id: 'SOP-B-001', expert: '[h.sato, m.ito]' }),
      'c.md': doc({ id: 'SOP-C-001', expert: 'm.ito' }),
      'd.md': doc({ id: 'SOP-D-001', expert: 'm.ito' }),
      'e.md': doc({ id: 'SOP-E-001', expert: 'h.sato', status: 'obsolete' }),
    });
    const risk = ws.knowledgeRisk();
    assert.deepEqual(
      risk.experts.map((holder) => [holder.expert, holder.leaves, holder.leavingSoon, holder.soleHolderOf, holder.documents.map((d) => d.id)]),
      [
        ['h.sato', '2027-03-31', true, 1, ['SOP-A-001', 'SOP-B-001']],
        ['m.ito', null, false, 2, ['SOP-B-001', 'SOP-C-001', 'SOP-D-001']],
      ],
    );
    assert.deepEqual(risk.summary, { experts: 2, soleHeldDocuments: 3, atRisk: 1 });
  });
});
