/**
 * The Japanese text of every user-visible string of the extension manifest,
 * by its package.nls key (see manifestNls.ts). The generator writes
 * package.nls.ja.json from this table and fails while a key has no entry
 * here; test/extension/manifest.test.ts checks the same. "Densho" is the
 * product's name and stays as it is.
 */
const DEFAULT_FROM_REPOSITORY = (key: string) => `\`${key}\` の既定値です。リポジトリの \`densho.yaml\` に書かれていれば、そちらが優先されます。`;
const WELCOME =
  'Densho のビューは、`densho.yaml` または Densho のフロントマターを持つ Markdown 文書があるフォルダーで、言語サーバーが動き出すと表示されます。\n[テンプレートから新しい文書](command:densho.newDocument)\n[はじめに](command:workbench.action.openWalkthrough?%22densho.densho%23densho.getStarted%22)';
const SETUP_WELCOME =
  'Densho は Markdown の手順書を `densho.yaml` に照らして点検します。このフォルダーにはまだありません。\n初期化すると `densho.yaml`、`people.yaml`、`training.yaml` を書きます(既存のファイルは上書きしません)。フロントマター付きを選ぶと、各文書に ID、タイトル、種類、言語も付けます。\n[ここで Densho を初期化](command:densho.initialise?%5B%7B%22frontMatter%22%3Afalse%7D%5D)\n[フロントマター付きで初期化](command:densho.initialise?%5B%7B%22frontMatter%22%3Atrue%7D%5D)';
const DURATION_ERROR = '90d、6m、1y のような期間を書いてください。';

export const MANIFEST_JAPANESE: Readonly<Record<string, string>> = {
  'viewsContainer.activitybar.densho.title': 'Densho',
  'view.densho.coverage.name': 'ISO 9001 の適用状況',
  'view.densho.coverage.contextualTitle': 'Densho',
  'view.densho.reviewSchedule.name': 'レビュー予定',
  'view.densho.reviewSchedule.contextualTitle': 'Densho',
  'view.densho.knowledgeHolders.name': '知識の保有者',
  'view.densho.knowledgeHolders.contextualTitle': 'Densho',
  'view.densho.skills.name': '力量',
  'view.densho.skills.contextualTitle': 'Densho',
  'viewsWelcome.densho.coverage.contents': WELCOME,
  'viewsWelcome.densho.reviewSchedule.contents': WELCOME,
  'viewsWelcome.densho.knowledgeHolders.contents': WELCOME,
  'viewsWelcome.densho.skills.contents': WELCOME,
  'viewsWelcome.densho.coverage.contents.2': SETUP_WELCOME,
  'viewsWelcome.densho.reviewSchedule.contents.2': SETUP_WELCOME,
  'viewsWelcome.densho.knowledgeHolders.contents.2': SETUP_WELCOME,
  'viewsWelcome.densho.skills.contents.2': SETUP_WELCOME,
  'command.densho.initialise.title': 'ここで Densho を初期化',
  'command.densho.openStandardsSetting.title': '規格の設定を開く (densho.yaml)',
  'command.densho.fixAllInWorkspace.title': 'ワークスペースの安全な問題をすべて修正',
  'command.densho.showRevisionHistory.title': '改訂履歴を表示',
  'command.densho.compareWithTranslatedRevision.title': '翻訳元の版と比較',
  'densho.reviewHorizon.markdownDescription': 'レビュー予定ビューとステータス バーが、期限の近づくレビューをどこまで先まで表示するか。例: 四半期先なら `90d`、半年先なら `6m`。空欄のときは densho.yaml の `review.warn-before` です。',
  'densho.reviewHorizon.patternErrorMessage': '90d、6m、1y のような期間を書くか、空欄にしてください。',
  'command.densho.newDocument.title': 'テンプレートから新しい文書…',
  'command.densho.newDocumentForClause.title': 'この箇条の文書を新規作成…',
  'command.densho.markReviewed.title': 'レビュー済みにする',
  'command.densho.createTranslation.title': '翻訳を作成',
  'command.densho.openTranslation.title': '翻訳を横に開く',
  'command.densho.showCoverageMatrix.title': '適用状況マトリックスを表示',
  'command.densho.filterCoverageLayers.title': '適用状況マトリックスをアクセス層で絞り込む…',
  'command.densho.exportCoverage.title': '適用状況をエクスポート…',
  'command.densho.exportAuditReport.title': '監査報告書をエクスポート…',
  'command.densho.createPartnerCopy.title': '取引先向けのコピーを作成…',
  'command.densho.showReviewSchedule.title': 'レビュー予定を表示',
  'command.densho.recordTraining.title': '教育訓練を記録',
  'command.densho.refreshViews.title': 'ビューを更新',
  'command.densho.restartServer.title': '言語サーバーを再起動',
  'command.densho.showOutput.title': '出力を表示',
  'walkthrough.densho.getStarted.title': 'Densho をはじめる',
  'walkthrough.densho.getStarted.description': '標準作業手順書をコードとして管理します: テンプレート、チェック、ISO 9001 の適用状況、レビュー、翻訳。',
  'walkthrough.densho.getStarted.repository.title': 'Densho のリポジトリを開く',
  'walkthrough.densho.getStarted.repository.description':
    'Densho は YAML のフロントマターを持つ Markdown の手順書をチェックします。densho.yaml のあるフォルダーを開くか、densho.yaml を追加してください。\n[フォルダーを開く](command:workbench.action.files.openFolder)',
  'walkthrough.densho.getStarted.newDocument.title': '手順を書き留める',
  'walkthrough.densho.getStarted.newDocument.description':
    'テンプレートから文書を作ります: id、題名、言語、フォルダーを選びます。既存のファイルを上書きすることはありません。\n[テンプレートから新しい文書](command:densho.newDocument)',
  'walkthrough.densho.getStarted.problems.title': 'Densho の指摘を直す',
  'walkthrough.densho.getStarted.problems.description':
    'リンク切れ、足りないフィールド、期限切れのレビュー、アクセス層の漏れは「問題」パネルに表示され、ほとんどにクイック フィックスがあります。\n[問題を表示](command:workbench.actions.view.problems)',
  'walkthrough.densho.getStarted.audit.title': 'ISO 9001 の審査に備える',
  'walkthrough.densho.getStarted.audit.description': '適用状況、レビュー予定、知識の保有者は Densho のアクティビティ バーにあります。\n[適用状況マトリックスを表示](command:densho.showCoverageMatrix)',
  'walkthrough.densho.getStarted.translations.title': '翻訳を原文に合わせる',
  'walkthrough.densho.getStarted.translations.description': '原文から翻訳を作り、両方を横に並べて開きます。\n[翻訳を横に開く](command:densho.openTranslation)',
  'configuration.title': 'Densho',
  'densho.docs.markdownDescription': `文書のグロブ(リポジトリのルートからの相対パス)。${DEFAULT_FROM_REPOSITORY('docs')}`,
  'densho.ignore.markdownDescription': `文書から除くグロブ。.gitignore も考慮されます。${DEFAULT_FROM_REPOSITORY('ignore')}`,
  'densho.layers.markdownDescription': `アクセス層(低い層から高い層の順)。${DEFAULT_FROM_REPOSITORY('layers')}`,
  'densho.languages.markdownDescription': `使う言語。最初のものが原文の言語です。${DEFAULT_FROM_REPOSITORY('languages')}`,
  'densho.requiredTranslations.markdownDescription': `承認済みのすべての文書が翻訳されていなければならない言語。${DEFAULT_FROM_REPOSITORY('required-translations')}`,
  'densho.reviewInterval.markdownDescription': `既定のレビュー間隔(90d、6m、1y)。${DEFAULT_FROM_REPOSITORY('review.interval')}`,
  'densho.reviewInterval.patternErrorMessage': DURATION_ERROR,
  'densho.reviewWarnBefore.markdownDescription': `review/due-soon を知らせ始める時期。${DEFAULT_FROM_REPOSITORY('review.warn-before')}`,
  'densho.reviewWarnBefore.patternErrorMessage': DURATION_ERROR,
  'densho.people.markdownDescription': `人の登録簿のパス。${DEFAULT_FROM_REPOSITORY('people')}`,
  'densho.peopleWarnBefore.markdownDescription': `退職する熟練者について people/leaving を知らせ始める時期。${DEFAULT_FROM_REPOSITORY('people-warn-before')}`,
  'densho.peopleWarnBefore.patternErrorMessage': DURATION_ERROR,
  'densho.idPattern.markdownDescription': `すべての id が一致しなければならない正規表現。${DEFAULT_FROM_REPOSITORY('id-pattern')}`,
  'densho.standards.markdownDescription': `文書の箇条を対応づける規格。YAML ファイルのパスを書くと独自の規格を追加できます。${DEFAULT_FROM_REPOSITORY('standards')}`,
  'densho.rules.markdownDescription': `ルールごとの重大度の上書き: error、warning、info、off。${DEFAULT_FROM_REPOSITORY('rules')}`,
  'densho.maxDocumentSize.markdownDescription': `これより大きい文書(例: 5MB、800KB)は報告され、解析されません。${DEFAULT_FROM_REPOSITORY('max-document-size')}`,
  'densho.maxDocumentSize.patternErrorMessage': '5MB や 800KB のようなサイズを書いてください。',
  'densho.training.markdownDescription': `教育訓練記録のパス: 誰がどの手順をできるか。${DEFAULT_FROM_REPOSITORY('training')}`,
  'densho.minQualified.markdownDescription': `承認済みの sop、work-instruction、master ごとに必要な、一人で作業できる人の数(knowledge/single-holder)。${DEFAULT_FROM_REPOSITORY('min-qualified')}`,
  'densho.organisation.markdownDescription': `監査パックに印刷される組織の名前(既定: リポジトリのフォルダー名)。${DEFAULT_FROM_REPOSITORY('organisation')}`,
  'densho.history.markdownDescription': `リポジトリが Git の作業ツリーにあるとき、文書の履歴を Git から読むかどうか(true または false)。${DEFAULT_FROM_REPOSITORY('history')}`,
  'densho.locale.description': 'Densho の診断メッセージとクイック フィックスの言語。',
  'densho.locale.enumDescriptions.0': 'VS Code の表示言語に従う(日本語なら日本語、それ以外は英語)',
  'densho.locale.enumDescriptions.1': '英語',
  'densho.locale.enumDescriptions.2': '日本語',
  'densho.trace.server.description': 'VS Code と Densho の言語サーバーの通信を「Densho」出力チャネルに記録します。',
  'capabilities.untrustedWorkspaces.description':
    'Densho はワークスペースのコードを実行しません: 同梱の言語サーバーはワークスペース フォルダー内のファイルを読むだけで(シンボリック リンクはたどりません)、設定はリポジトリ自身の densho.yaml でも設定できる既定値です。制限モードで止まるのは一つだけ、文書の履歴です。履歴を読むには git を実行するためです。',
};
