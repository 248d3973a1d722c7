import type { ClauseDefinition, StandardDefinition } from './types';

/**
 * The titles in Japanese as JIS Q 9001:2015 (the national adoption, 品質マネジメ
 * ントシステム－要求事項) words them, with its full-width comma. The
 * paragraphs without a title of their own repeat their parent's, as in English.
 */
const JIS_Q_9001_TITLES: Readonly<Record<string, string>> = {
  '4': '組織の状況',
  '4.1': '組織及びその状況の理解',
  '4.2': '利害関係者のニーズ及び期待の理解',
  '4.3': '品質マネジメントシステムの適用範囲の決定',
  '4.4': '品質マネジメントシステム及びそのプロセス',
  '5': 'リーダーシップ',
  '5.1': 'リーダーシップ及びコミットメント',
  '5.1.1': '一般',
  '5.1.2': '顧客重視',
  '5.2': '方針',
  '5.2.1': '品質方針の確立',
  '5.2.2': '品質方針の伝達',
  '5.3': '組織の役割，責任及び権限',
  '6': '計画',
  '6.1': 'リスク及び機会への取組み',
  '6.2': '品質目標及びそれを達成するための計画策定',
  '6.3': '変更の計画',
  '7': '支援',
  '7.1': '資源',
  '7.1.1': '一般',
  '7.1.2': '人々',
  '7.1.3': 'インフラストラクチャ',
  '7.1.4': 'プロセスの運用に関する環境',
  '7.1.5': '監視及び測定のための資源',
  '7.1.5.1': '一般',
  '7.1.5.2': '測定のトレーサビリティ',
  '7.1.6': '組織の知識',
  '7.2': '力量',
  '7.3': '認識',
  '7.4': 'コミュニケーション',
  '7.5': '文書化した情報',
  '7.5.1': '一般',
  '7.5.2': '作成及び更新',
  '7.5.3': '文書化した情報の管理',
  '8': '運用',
  '8.1': '運用の計画及び管理',
  '8.2': '製品及びサービスに関する要求事項',
  '8.2.1': '顧客とのコミュニケーション',
  '8.2.2': '製品及びサービスに関する要求事項の明確化',
  '8.2.3': '製品及びサービスに関する要求事項のレビュー',
  '8.2.4': '製品及びサービスに関する要求事項の変更',
  '8.3': '製品及びサービスの設計・開発',
  '8.3.1': '一般',
  '8.3.2': '設計・開発の計画',
  '8.3.3': '設計・開発へのインプット',
  '8.3.4': '設計・開発の管理',
  '8.3.5': '設計・開発からのアウトプット',
  '8.3.6': '設計・開発の変更',
  '8.4': '外部から提供されるプロセス，製品及びサービスの管理',
  '8.4.1': '一般',
  '8.4.2': '管理の方式及び程度',
  '8.4.3': '外部提供者に対する情報',
  '8.5': '製造及びサービス提供',
  '8.5.1': '製造及びサービス提供の管理',
  '8.5.2': '識別及びトレーサビリティ',
  '8.5.3': '顧客又は外部提供者の所有物',
  '8.5.4': '保存',
  '8.5.5': '引渡し後の活動',
  '8.5.6': '変更の管理',
  '8.6': '製品及びサービスのリリース',
  '8.7': '不適合なアウトプットの管理',
  '9': 'パフォーマンス評価',
  '9.1': '監視，測定，分析及び評価',
  '9.1.1': '一般',
  '9.1.2': '顧客満足',
  '9.1.3': '分析及び評価',
  '9.2': '内部監査',
  '9.3': 'マネジメントレビュー',
  '9.3.1': '一般',
  '9.3.2': 'マネジメントレビューへのインプット',
  '9.3.3': 'マネジメントレビューからのアウトプット',
  '10': '改善',
  '10.1': '一般',
  '10.2': '不適合及び是正処置',
  '10.3': '継続的改善',
};

/**
 * ISO 9001:2015, Quality management systems — Requirements: clauses 4 to 10.3.
 *
 * Clause numbers are strings, not numbers: as numbers `7.10` would equal
 * `7.1`, and `7.1.5.1` could not be written at all. Strings compare exactly,
 * so front matter like `iso9001: ["8.5.1"]` matches as written.
 *
 * The list holds every numbered clause and subclause in document order.
 * Titles are the official English ones, and the Japanese ones of JIS Q
 * 9001:2015 (`clauseTitle` picks by language). Some numbered paragraphs have no
 * title of their own in the standard (4.4.1, 4.4.2, 6.1.1, 6.1.2, 6.2.1,
 * 6.2.2, 7.5.3.1, 7.5.3.2, 8.2.3.1, 8.2.3.2, 8.7.1, 8.7.2, 9.2.1, 9.2.2,
 * 10.2.1, 10.2.2). They repeat their parent clause's title here instead of
 * getting a made-up one.
 *
 * `documented: true` marks the clauses that require documented information
 * to be maintained or retained, as listed in docs/standards.md (the
 * built-in standard). The flag sits on the clause named in that list. For example,
 * 4.4 is flagged even though the requirement is in 4.4.2, and 7.1.5 is
 * flagged even though it is in 7.1.5.1 and 7.1.5.2.
 */
export const iso9001: StandardDefinition = {
  id: 'iso9001',
  title: 'ISO 9001:2015',
  clauses: withJapaneseTitles([
    { number: '4', title: 'Context of the organization' },
    { number: '4.1', title: 'Understanding the organization and its context' },
    { number: '4.2', title: 'Understanding the needs and expectations of interested parties' },
    { number: '4.3', title: 'Determining the scope of the quality management system', documented: true },
    { number: '4.4', title: 'Quality management system and its processes', documented: true },
    { number: '4.4.1', title: 'Quality management system and its processes' },
    { number: '4.4.2', title: 'Quality management system and its processes' },

    { number: '5', title: 'Leadership' },
    { number: '5.1', title: 'Leadership and commitment' },
    { number: '5.1.1', title: 'General' },
    { number: '5.1.2', title: 'Customer focus' },
    { number: '5.2', title: 'Policy', documented: true },
    { number: '5.2.1', title: 'Establishing the quality policy' },
    { number: '5.2.2', title: 'Communicating the quality policy' },
    { number: '5.3', title: 'Organizational roles, responsibilities and authorities' },

    { number: '6', title: 'Planning' },
    { number: '6.1', title: 'Actions to address risks and opportunities' },
    { number: '6.1.1', title: 'Actions to address risks and opportunities' },
    { number: '6.1.2', title: 'Actions to address risks and opportunities' },
    { number: '6.2', title: 'Quality objectives and planning to achieve them', documented: true },
    { number: '6.2.1', title: 'Quality objectives and planning to achieve them' },
    { number: '6.2.2', title: 'Quality objectives and planning to achieve them' },
    { number: '6.3', title: 'Planning of changes' },

    { number: '7', title: 'Support' },
    { number: '7.1', title: 'Resources' },
    { number: '7.1.1', title: 'General' },
    { number: '7.1.2', title: 'People' },
    { number: '7.1.3', title: 'Infrastructure' },
    { number: '7.1.4', title: 'Environment for the operation of processes' },
    { number: '7.1.5', title: 'Monitoring and measuring resources', documented: true },
    { number: '7.1.5.1', title: 'General' },
    { number: '7.1.5.2', title: 'Measurement traceability' },
    { number: '7.1.6', title: 'Organizational knowledge' },
    { number: '7.2', title: 'Competence', documented: true },
    { number: '7.3', title: 'Awareness' },
    { number: '7.4', title: 'Communication' },
    { number: '7.5', title: 'Documented information', documented: true },
    { number: '7.5.1', title: 'General' },
    { number: '7.5.2', title: 'Creating and updating' },
    { number: '7.5.3', title: 'Control of documented information' },
    { number: '7.5.3.1', title: 'Control of documented information' },
    { number: '7.5.3.2', title: 'Control of documented information' },

    { number: '8', title: 'Operation' },
    { number: '8.1', title: 'Operational planning and control', documented: true },
    { number: '8.2', title: 'Requirements for products and services' },
    { number: '8.2.1', title: 'Customer communication' },
    { number: '8.2.2', title: 'Determining the requirements for products and services' },
    { number: '8.2.3', title: 'Review of the requirements for products and services', documented: true },
    { number: '8.2.3.1', title: 'Review of the requirements for products and services' },
    { number: '8.2.3.2', title: 'Review of the requirements for products and services' },
    { number: '8.2.4', title: 'Changes to requirements for products and services' },
    { number: '8.3', title: 'Design and development of products and services' },
    { number: '8.3.1', title: 'General' },
    { number: '8.3.2', title: 'Design and development planning', documented: true },
    { number: '8.3.3', title: 'Design and development inputs', documented: true },
    { number: '8.3.4', title: 'Design and development controls', documented: true },
    { number: '8.3.5', title: 'Design and development outputs', documented: true },
    { number: '8.3.6', title: 'Design and development changes', documented: true },
    { number: '8.4', title: 'Control of externally provided processes, products and services' },
    { number: '8.4.1', title: 'General', documented: true },
    { number: '8.4.2', title: 'Type and extent of control' },
    { number: '8.4.3', title: 'Information for external providers' },
    { number: '8.5', title: 'Production and service provision' },
    { number: '8.5.1', title: 'Control of production and service provision', documented: true },
    { number: '8.5.2', title: 'Identification and traceability', documented: true },
    { number: '8.5.3', title: 'Property belonging to customers or external providers', documented: true },
    { number: '8.5.4', title: 'Preservation' },
    { number: '8.5.5', title: 'Post-delivery activities' },
    { number: '8.5.6', title: 'Control of changes', documented: true },
    { number: '8.6', title: 'Release of products and services', documented: true },
    { number: '8.7', title: 'Control of nonconforming outputs' },
    { number: '8.7.1', title: 'Control of nonconforming outputs' },
    { number: '8.7.2', title: 'Control of nonconforming outputs', documented: true },

    { number: '9', title: 'Performance evaluation' },
    { number: '9.1', title: 'Monitoring, measurement, analysis and evaluation' },
    { number: '9.1.1', title: 'General', documented: true },
    { number: '9.1.2', title: 'Customer satisfaction' },
    { number: '9.1.3', title: 'Analysis and evaluation' },
    { number: '9.2', title: 'Internal audit' },
    { number: '9.2.1', title: 'Internal audit' },
    { number: '9.2.2', title: 'Internal audit', documented: true },
    { number: '9.3', title: 'Management review' },
    { number: '9.3.1', title: 'General' },
    { number: '9.3.2', title: 'Management review inputs' },
    { number: '9.3.3', title: 'Management review outputs', documented: true },

    { number: '10', title: 'Improvement' },
    { number: '10.1', title: 'General' },
    { number: '10.2', title: 'Nonconformity and corrective action' },
    { number: '10.2.1', title: 'Nonconformity and corrective action' },
    { number: '10.2.2', title: 'Nonconformity and corrective action', documented: true },
    { number: '10.3', title: 'Continual improvement' },
  ]),
};

/** Each clause with its Japanese title; an untitled paragraph (4.4.1) takes its parent's. */
function withJapaneseTitles(clauses: readonly ClauseDefinition[]): ClauseDefinition[] {
  return clauses.map((clause) => {
    const ja = JIS_Q_9001_TITLES[clause.number] ?? JIS_Q_9001_TITLES[clause.number.slice(0, clause.number.lastIndexOf('.'))];
    return ja === undefined ? clause : { ...clause, translatedTitles: { ja } };
  });
}
