/**
 * The evaluation framework: 11 categories and 58 criteria, with their names in both languages,
 * the seed report's baseline rating (Inngest Python SDK 0.5.x) and whether a criterion is fail-close.
 * This file is the one place these facts live; pages, the runner and the tests read them from here.
 */

/** A language the report is published in. */
export type Lang = 'en' | 'ja';
export const langs: readonly Lang[] = ['en', 'ja'];

/** Star rating, 1 (unsupported) to 5 (production-recommended). */
export type Stars = 1 | 2 | 3 | 4 | 5;

/**
 * When a criterion is fail-close: `always`, or only when the premise "run duration" is minutes or longer.
 * A fail-close criterion that applies must reach three stars, or the overall verdict is capped.
 */
export type FailClose = 'always' | 'duration-minutes' | null;

export interface Criterion {
  /** Stable id, e.g. `EX-01`; permalinks use it lower-cased. */
  id: string;
  name: Record<Lang, string>;
  /** The seed report's rating of the Inngest Python SDK 0.5.x: Inngest's baseline (see engines.ts), not an answer. */
  baseline: Stars;
  failClose: FailClose;
}

export interface Category {
  /** Two-letter id, lower case: `ex`, `rt`, … It names the results file and the probe folder. */
  id: string;
  name: Record<Lang, string>;
  criteria: Criterion[];
}

export const categories: Category[] = [
  {
    id: 'ex',
    name: { en: "Execution semantics", ja: "実行セマンティクス" },
    criteria: [
      { id: 'EX-01', name: { en: "Progress guarantee", ja: "進行保証" }, baseline: 5, failClose: 'always' },
      { id: 'EX-02', name: { en: "Side-effect guarantee", ja: "副作用保証" }, baseline: 4, failClose: null },
      { id: 'EX-03', name: { en: "Idempotency / dedup", ja: "冪等性 / 重複排除" }, baseline: 5, failClose: 'always' },
      { id: 'EX-04', name: { en: "State persistence", ja: "状態永続化" }, baseline: 5, failClose: null },
      { id: 'EX-05', name: { en: "Determinism constraints", ja: "決定性制約" }, baseline: 4, failClose: null },
      { id: 'EX-06', name: { en: "Determinism-violation handling", ja: "決定性違反ハンドリング" }, baseline: 3, failClose: null },
      { id: 'EX-07', name: { en: "Replay correctness", ja: "リプレイの正確性" }, baseline: 4, failClose: null },
    ],
  },
  {
    id: 'rt',
    name: { en: "Retry & timeout", ja: "リトライ＆タイムアウト" },
    criteria: [
      { id: 'RT-01', name: { en: "Retry strategy", ja: "リトライ戦略" }, baseline: 5, failClose: 'always' },
      { id: 'RT-02', name: { en: "Timeout system", ja: "タイムアウト体系" }, baseline: 3, failClose: null },
      { id: 'RT-03', name: { en: "Circuit breaker", ja: "サーキットブレーカー" }, baseline: 3, failClose: null },
      { id: 'RT-04', name: { en: "Heartbeat", ja: "ハートビート" }, baseline: 2, failClose: null },
    ],
  },
  {
    id: 'wf',
    name: { en: "Workflow primitives", ja: "ワークフロープリミティブ" },
    criteria: [
      { id: 'WF-01', name: { en: "Step definition", ja: "ステップ定義" }, baseline: 5, failClose: null },
      { id: 'WF-02', name: { en: "Child workflows", ja: "子ワークフロー" }, baseline: 4, failClose: null },
      { id: 'WF-03', name: { en: "Parallel / fan-out", ja: "並列実行 / ファンアウト" }, baseline: 5, failClose: null },
      { id: 'WF-04', name: { en: "Branching / loops", ja: "条件分岐 / ループ" }, baseline: 5, failClose: null },
      { id: 'WF-05', name: { en: "Sleep / timers", ja: "スリープ / タイマー" }, baseline: 5, failClose: null },
      { id: 'WF-06', name: { en: "Queue / flow control", ja: "キュー / 流量制御" }, baseline: 4, failClose: null },
    ],
  },
  {
    id: 'sg',
    name: { en: "Signals & events", ja: "シグナル＆イベント" },
    criteria: [
      { id: 'SG-01', name: { en: "External signals", ja: "外部シグナル" }, baseline: 5, failClose: null },
      { id: 'SG-02', name: { en: "Waits / awaitables", ja: "ウェイト / アウェイタブル" }, baseline: 5, failClose: null },
      { id: 'SG-03', name: { en: "Event triggers", ja: "イベントトリガー" }, baseline: 5, failClose: null },
      { id: 'SG-04', name: { en: "Queries", ja: "クエリ" }, baseline: 3, failClose: null },
    ],
  },
  {
    id: 'vr',
    name: { en: "Versioning & migration", ja: "バージョニング＆マイグレーション" },
    criteria: [
      { id: 'VR-01', name: { en: "Workflow versioning", ja: "ワークフローバージョニング" }, baseline: 3, failClose: 'duration-minutes' },
      { id: 'VR-02', name: { en: "Incompatible-change detection", ja: "非互換変更の検出" }, baseline: 2, failClose: null },
      { id: 'VR-03', name: { en: "Migration strategy", ja: "マイグレーション戦略" }, baseline: 3, failClose: null },
      { id: 'VR-04', name: { en: "Schema evolution", ja: "スキーマ進化" }, baseline: 4, failClose: null },
    ],
  },
  {
    id: 'cp',
    name: { en: "Compensation & recovery", ja: "補償＆リカバリ" },
    criteria: [
      { id: 'CP-01', name: { en: "Compensation / saga", ja: "補償 / サーガ" }, baseline: 4, failClose: null },
      { id: 'CP-02', name: { en: "Partial resume", ja: "部分再開" }, baseline: 5, failClose: null },
      { id: 'CP-03', name: { en: "Manual intervention", ja: "手動介入" }, baseline: 4, failClose: null },
      { id: 'CP-04', name: { en: "Dead letter", ja: "デッドレター" }, baseline: 4, failClose: null },
    ],
  },
  {
    id: 'pf',
    name: { en: "Performance & overhead", ja: "パフォーマンス＆オーバーヘッド" },
    criteria: [
      { id: 'PF-01', name: { en: "Step latency", ja: "ステップレイテンシ" }, baseline: 3, failClose: null },
      { id: 'PF-02', name: { en: "Fan-out throughput", ja: "ファンアウトのスループット" }, baseline: 4, failClose: null },
      { id: 'PF-03', name: { en: "Payload size limits", ja: "ペイロードサイズ制限" }, baseline: 4, failClose: null },
    ],
  },
  {
    id: 'op',
    name: { en: "Operations", ja: "運用" },
    criteria: [
      { id: 'OP-01', name: { en: "Deployment model", ja: "デプロイモデル" }, baseline: 5, failClose: null },
      { id: 'OP-02', name: { en: "Workflow management API", ja: "ワークフロー管理API" }, baseline: 4, failClose: 'always' },
      { id: 'OP-03', name: { en: "Storage backend", ja: "ストレージバックエンド" }, baseline: 4, failClose: null },
      { id: 'OP-04', name: { en: "Scalability", ja: "スケーラビリティ" }, baseline: 5, failClose: null },
      { id: 'OP-05', name: { en: "Retention / cleanup", ja: "データ保持 / クリーンアップ" }, baseline: 4, failClose: null },
      { id: 'OP-06', name: { en: "Multi-region / HA", ja: "マルチリージョン / HA" }, baseline: 4, failClose: null },
      { id: 'OP-07', name: { en: "Multi-tenant isolation", ja: "マルチテナント分離" }, baseline: 4, failClose: null },
    ],
  },
  {
    id: 'ob',
    name: { en: "Observability", ja: "可観測性" },
    criteria: [
      { id: 'OB-01', name: { en: "Dashboard / UI", ja: "ダッシュボード / UI" }, baseline: 5, failClose: null },
      { id: 'OB-02', name: { en: "Metrics", ja: "メトリクス" }, baseline: 4, failClose: null },
      { id: 'OB-03', name: { en: "History visualisation", ja: "履歴の可視化" }, baseline: 5, failClose: null },
      { id: 'OB-04', name: { en: "OpenTelemetry compliance", ja: "OTel準拠" }, baseline: 3, failClose: null },
      { id: 'OB-05', name: { en: "Alerting", ja: "アラート" }, baseline: 4, failClose: null },
      { id: 'OB-06', name: { en: "Logging", ja: "ログ" }, baseline: 4, failClose: null },
    ],
  },
  {
    id: 'dx',
    name: { en: "Developer experience", ja: "開発者体験" },
    criteria: [
      { id: 'DX-01', name: { en: "SDK design", ja: "SDK設計" }, baseline: 5, failClose: null },
      { id: 'DX-02', name: { en: "Language support", ja: "言語サポート" }, baseline: 4, failClose: null },
      { id: 'DX-03', name: { en: "Local development", ja: "ローカル開発" }, baseline: 5, failClose: null },
      { id: 'DX-04', name: { en: "Testing / time skipping", ja: "テスト / タイムスキップ" }, baseline: 2, failClose: null },
      { id: 'DX-05', name: { en: "Error messages / debugging", ja: "エラーメッセージ / デバッグ" }, baseline: 4, failClose: null },
      { id: 'DX-06', name: { en: "Learning curve", ja: "学習曲線" }, baseline: 5, failClose: null },
      { id: 'DX-07', name: { en: "Local replay harness", ja: "ローカルのリプレイハーネス" }, baseline: 2, failClose: null },
    ],
  },
  {
    id: 'ai',
    name: { en: "AI / agent integration", ja: "AI / エージェント統合" },
    criteria: [
      { id: 'AI-01', name: { en: "LLM calls as activities", ja: "LLM 呼び出しのアクティビティ化" }, baseline: 5, failClose: null },
      { id: 'AI-02', name: { en: "Nondeterminism handling", ja: "非決定性の扱い" }, baseline: 4, failClose: null },
      { id: 'AI-03', name: { en: "Human-in-the-loop approval", ja: "HITL / 人間承認" }, baseline: 5, failClose: null },
      { id: 'AI-04', name: { en: "Streaming", ja: "ストリーミング" }, baseline: 3, failClose: null },
      { id: 'AI-05', name: { en: "Agent framework integration", ja: "エージェントフレームワーク統合" }, baseline: 5, failClose: null },
      { id: 'AI-06', name: { en: "Tool execution fault tolerance", ja: "ツール実行の耐障害性" }, baseline: 5, failClose: null },
    ],
  },];

/** Every criterion in catalog order, with its category id. */
export const criteria: (Criterion & { category: string })[] = categories.flatMap((c) =>
  c.criteria.map((k) => ({ ...k, category: c.id })),
);

/** Looks up a criterion by id (case-insensitive); throws on an unknown id. */
export function findCriterion(id: string): Criterion & { category: string } {
  const found = criteria.find((k) => k.id === id.toUpperCase());
  if (!found) throw new Error(`Unknown criterion id "${id}"`);
  return found;
}

/** The URL-safe form of a criterion id: `EX-01` → `ex-01`. */
export function slugOf(id: string): string {
  return id.toLowerCase();
}
