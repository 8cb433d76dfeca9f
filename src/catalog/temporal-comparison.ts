/**
 * What the seed report said about Temporal, as data: its Temporal-versus-Inngest table row by row, and its claims
 * about Temporal per criterion. The seed's words are restated, never a rating: beside each, the site shows what
 * this report measured on Temporal for the criterion the claim bears on (its rating, verdict and evidence, read
 * from the ratings and results at build) or labels the claim as still unmeasured. The Inngest side of each table
 * row is either measured here — then it names the criterion and the result metrics that hold the numbers, and the
 * site reads them from results/ at build — or it is the seed's claim carried over, and labelled so. No number this
 * report measured is typed in this file: text holds `{0}`, `{1}` … where the metrics' values go.
 */
import type { Lang, Stars } from './criteria.ts';

type Text = Record<Lang, string>;

/** One result metric quoted in a row: found by criterion and name, so a renamed or vanished metric fails the build. */
export interface MetricRef {
  name: string;
  /** For a distribution: which statistic; the median when absent. */
  stat?: 'n' | 'p50' | 'p95' | 'min' | 'max';
  /** Print the number alone, for text that carries the unit itself. */
  bare?: boolean;
}

/** What this report has on a row: numbers it measured, or only the seed's word. */
export type RowEvidence =
  | { kind: 'measured'; criterion: string; metrics: MetricRef[]; finding: Text }
  | { kind: 'seed-claim'; /** A criterion evaluated here that bears on the row without measuring it. */ related?: string };

/** One side of the seed's table: its words (restated) and, where it gave them, its stars. */
export interface SeedSide {
  text: Text;
  stars?: Stars;
}

export interface TemporalRow {
  /** Stable slug, used as the row's anchor. */
  id: string;
  aspect: Text;
  /** Temporal, as the seed described it. */
  temporal: SeedSide;
  /** The criterion that measures the Temporal side of the row, when one does. */
  temporalCriterion: string | null;
  /** Inngest's Python SDK 0.5.x, as the seed described it. */
  inngest: SeedSide;
  evidence: RowEvidence;
}

export const temporalComparison: readonly TemporalRow[] = [
  {
    id: 'execution-model',
    aspect: { en: 'Execution model', ja: '実行モデル' },
    temporalCriterion: 'EX-07',
    temporal: {
      text: { en: 'Event sourcing: the whole workflow is replayed from its recorded history', ja: 'イベントソーシング：記録した履歴からワークフロー全体を再生する' },
    },
    inngest: {
      text: { en: 'A journal of step results: each finished step’s output is returned on re-entry (step memoization)', ja: 'ステップ結果のジャーナル：完了したステップの出力を再入時に返す（ステップのメモ化）' },
    },
    evidence: {
      kind: 'measured',
      criterion: 'EX-07',
      metrics: [{ name: 'entries that read the memoized record', bare: true }],
      finding: {
        en: 'Re-entered after each sleep, the function read the same recorded step results on all {0} entries, and no step body ran a second time.',
        ja: 'スリープのたびに再入させたところ、{0} 回の再入すべてで同じ記録済みのステップ結果を読み、ステップ本体が再び実行されることはなかった。',
      },
    },
  },
  {
    id: 'determinism',
    aspect: { en: 'Determinism', ja: '決定性' },
    temporalCriterion: 'EX-05',
    temporal: { text: { en: 'Strict: the entire workflow function must be deterministic', ja: '厳格：ワークフロー関数全体が決定的でなければならない' } },
    inngest: { text: { en: 'Relaxed: it matters only at step boundaries', ja: '緩やか：問題になるのはステップの境界だけ' } },
    evidence: {
      kind: 'measured',
      criterion: 'EX-05',
      metrics: [
        { name: 'checkpointing: times the handler was entered', bare: true },
        { name: 'checkpointing: distinct random values drawn outside steps', bare: true },
      ],
      finding: {
        en: 'The handler was entered {0} times and code outside steps drew {1} different random values, while every step output stayed fixed. Only the code that decides which steps run has to repeat itself.',
        ja: 'ハンドラーには {0} 回入り、ステップ外のコードは {1} 通りの乱数を引いたが、ステップの出力はどれも変わらなかった。同じ結果を出す必要があるのは、どのステップを実行するかを決めるコードだけだ。',
      },
    },
  },
  {
    id: 'learning-curve',
    aspect: { en: 'Learning curve', ja: '学習曲線' },
    temporalCriterion: 'DX-06',
    temporal: { text: { en: 'Steep: many concepts to learn first', ja: '急：先に覚える概念が多い' } },
    inngest: { text: { en: 'Gentle: a small model to learn', ja: '緩やか：覚えるモデルが小さい' } },
    evidence: {
      kind: 'measured',
      criterion: 'DX-06',
      metrics: [
        { name: 'canonical workflow: lines of code', bare: true },
        { name: 'canonical workflow: SDK concepts', bare: true },
      ],
      finding: {
        en: 'A complete onboarding workflow (an email, a sleep, a wait for an event with a timeout, a branch) took {0} lines of code and {1} SDK concepts.',
        ja: 'メール送信、スリープ、タイムアウト付きのイベント待ち、分岐を備えたオンボーディングのワークフローが、{0} 行のコードと {1} 個の SDK の概念で書けた。',
      },
    },
  },
  {
    id: 'deployment',
    aspect: { en: 'Deployment', ja: 'デプロイ' },
    temporalCriterion: 'OP-01',
    temporal: { text: { en: 'Workers you run, connected to a Temporal server', ja: '自前で動かすワーカーを Temporal サーバーにつなぐ' } },
    inngest: { text: { en: 'Serverless: the server calls your functions over HTTP', ja: 'サーバーレス：サーバーが HTTP で関数を呼び出す' } },
    evidence: {
      kind: 'measured',
      criterion: 'OP-01',
      metrics: [
        { name: 'serve() on the dev server: worker start to ready' },
        { name: 'connect() on the dev server: worker start to ready' },
      ],
      finding: {
        en: 'Both shapes ran here. An HTTP endpoint served with serve() was ready {0} after its process started; a worker that connects out with connect(), as Temporal workers do, was ready in {1}.',
        ja: 'どちらの形もここで動いた。serve() で公開した HTTP エンドポイントはプロセス起動から {0} で、Temporal のワーカーのように外へ接続する connect() のワーカーは {1} で準備が整った。',
      },
    },
  },
  {
    id: 'time-skipping',
    aspect: { en: 'Time skipping in tests', ja: 'テストでの時間スキップ' },
    temporalCriterion: 'DX-04',
    temporal: { text: { en: 'Built into its test environment', ja: 'テスト環境に組み込まれている' }, stars: 5 },
    inngest: { text: { en: 'Not available (in the Python SDK)', ja: '使えない（Python SDK）' }, stars: 2 },
    evidence: {
      kind: 'measured',
      criterion: 'DX-04',
      metrics: [{ name: 'unit test of a 7-day workflow' }],
      finding: {
        en: 'In TypeScript, @inngest/test skips a sleep once the test mocks its step: a workflow that sleeps for a week finished in {0}. A sleep the test forgets to mock hangs instead of failing.',
        ja: 'TypeScript では、@inngest/test でスリープのステップをモックすれば時間を飛ばせる。一週間眠るワークフローが {0} で終わった。ただし、モックし忘れたスリープは失敗せずに止まったままになる。',
      },
    },
  },
  {
    id: 'heartbeat',
    aspect: { en: 'Heartbeats for long steps', ja: '長いステップのハートビート' },
    temporalCriterion: 'RT-04',
    temporal: { text: { en: 'Native activity heartbeats, with a timeout when they stop', ja: 'アクティビティのハートビートを標準で備え、途切れるとタイムアウトする' }, stars: 5 },
    inngest: { text: { en: 'None', ja: 'なし' }, stars: 2 },
    evidence: {
      kind: 'measured',
      criterion: 'RT-04',
      metrics: [{ name: 'serve: worker killed → next attempt started' }, { name: 'connect: worker killed → next attempt started' }],
      finding: {
        en: 'Still none. A killed worker was noticed and its step retried {0} after the kill over serve(), and {1} after it over connect(); a step that hangs inside a live worker was not noticed at all.',
        ja: '今もない。ワーカーを停止させると、serve() では停止から {0} 後、connect() では {1} 後に検知されてステップが再試行された。一方、生きているワーカーの中で止まったステップはまったく検知されなかった。',
      },
    },
  },
  {
    id: 'versioning',
    aspect: { en: 'Versioning', ja: 'バージョニング' },
    temporalCriterion: 'VR-01',
    temporal: { text: { en: 'Build IDs keep each run on the worker version it started with', ja: '`Build ID` で、各実行を開始時のワーカーのバージョンに留める' }, stars: 5 },
    inngest: { text: { en: 'By function id', ja: '関数 ID で切り替える' }, stars: 3 },
    evidence: {
      kind: 'measured',
      criterion: 'VR-02',
      metrics: [{ name: 'effects repeated by the rename', bare: true }],
      finding: {
        en: 'Runs in flight always continue on the newly deployed code, matched to their history by step id. Renaming a completed step ran its side effect again (repeated: {0}), and neither the run, its trace nor the SDK said so.',
        ja: '実行中の処理は常に新しくデプロイしたコードで続き、履歴とはステップ ID で対応づけられる。完了済みのステップの名前を変えると副作用がもう一度実行され（重複：{0}）、実行の状態にもトレースにも SDK のログにも何も現れなかった。',
      },
    },
  },
  {
    id: 'local-replay',
    aspect: { en: 'Replaying recorded runs locally', ja: '記録済みの実行のローカル再生' },
    temporalCriterion: 'DX-07',
    temporal: { text: { en: 'WorkflowReplayer re-runs recorded histories against new code', ja: 'WorkflowReplayer が記録済みの履歴を新しいコードで再実行する' }, stars: 5 },
    inngest: { text: { en: 'By hand: copy the event and run it again', ja: '手作業：イベントをコピーして実行し直す' }, stars: 2 },
    evidence: {
      kind: 'measured',
      criterion: 'DX-07',
      metrics: [{ name: 'local replay of a recorded run' }],
      finding: {
        en: 'Inngest still ships no replayer. A small harness built for this report from the trace API and @inngest/test replayed a recorded run in {0} and caught a renamed step in changed code.',
        ja: 'Inngest には今もリプレイ機能がない。本レポートがトレース API と @inngest/test で組んだ小さなハーネスは、記録済みの実行を {0} で再生し、変更後のコードで名前が変わったステップを検出した。',
      },
    },
  },
  {
    id: 'agents',
    aspect: { en: 'AI agents', ja: 'AI エージェント' },
    temporalCriterion: 'AI-05',
    temporal: { text: { en: 'Built by hand out of activities', ja: 'アクティビティを組み合わせて自作する' }, stars: 4 },
    inngest: { text: { en: 'AgentKit, Inngest’s own agent library', ja: 'Inngest 自身のエージェントライブラリ AgentKit' }, stars: 5 },
    evidence: { kind: 'seed-claim', related: 'AI-05' },
  },
  {
    id: 'infrastructure',
    aspect: { en: 'Infrastructure to run', ja: '動かすためのインフラ' },
    temporalCriterion: 'OP-01',
    temporal: { text: { en: 'Heavy: four services', ja: '重い：4 つのサービス' } },
    inngest: { text: { en: 'Light: Postgres and Redis', ja: '軽い：Postgres と Redis' } },
    evidence: { kind: 'seed-claim' },
  },
  {
    id: 'local-development',
    aspect: { en: 'Local development', ja: 'ローカル開発' },
    temporalCriterion: 'DX-03',
    temporal: { text: { en: 'A dev server: temporal server start-dev', ja: '開発サーバー：`temporal server start-dev`' }, stars: 5 },
    inngest: { text: { en: 'A dev server: inngest dev', ja: '開発サーバー：`inngest dev`' }, stars: 5 },
    evidence: {
      kind: 'measured',
      criterion: 'DX-03',
      metrics: [{ name: 'dev server restart (stop, start, healthy)' }, { name: 'code change: restart and re-sync to a run on the new code' }],
      finding: {
        en: 'The dev server restarted in {0} (median), and a code change reached a run on the new code in {1}.',
        ja: '開発サーバーの再起動は {0}（中央値）、コードの変更が新しいコードでの実行に届くまでは {1} だった。',
      },
    },
  },
  {
    id: 'cost',
    aspect: { en: 'Cost', ja: 'コスト' },
    temporalCriterion: null,
    temporal: { text: { en: 'Servers and storage to pay for', ja: 'サーバーとストレージの費用がかかる' } },
    inngest: { text: { en: 'Pay per use on Inngest Cloud, or host it yourself', ja: 'Inngest Cloud の従量課金か、セルフホスト' } },
    evidence: { kind: 'seed-claim' },
  },
];

/** One claim the seed made about Temporal on one criterion (its comparison table and advice), restated. */
export interface TemporalClaim {
  criterion: string;
  text: Text;
  /** The stars the seed gave Temporal there, where it gave any. */
  stars?: Stars;
}

/** The seed's claims about Temporal, per criterion, in catalog order (CRITERIA.md, last column). */
export const temporalClaims: readonly TemporalClaim[] = [
  { criterion: 'EX-04', text: { en: 'State kept by event sourcing', ja: 'イベントソーシングで状態を保つ' } },
  { criterion: 'EX-05', text: { en: 'Strict: the whole workflow must be deterministic', ja: '厳格：ワークフロー全体が決定的でなければならない' } },
  { criterion: 'EX-07', text: { en: 'Event sourcing with replay', ja: 'イベントソーシングとリプレイ' } },
  { criterion: 'RT-02', text: { en: 'Finer-grained timeouts than Inngest', ja: 'Inngest より細かいタイムアウト' } },
  { criterion: 'RT-04', text: { en: 'Native activity heartbeats', ja: 'アクティビティのハートビートを標準で備える' }, stars: 5 },
  { criterion: 'SG-03', text: { en: 'No native event triggers (Inngest has them)', ja: 'イベントトリガーを標準では持たない（Inngest は持つ）' } },
  { criterion: 'SG-04', text: { en: 'Native queries', ja: 'クエリを標準で備える' } },
  { criterion: 'VR-01', text: { en: 'Routing by Build ID', ja: '`Build ID` によるルーティング' }, stars: 5 },
  { criterion: 'VR-02', text: { en: 'Breaking changes detected by replay', ja: 'リプレイで非互換な変更を検出する' } },
  { criterion: 'PF-01', text: { en: 'About 4 ms per step', ja: '1 ステップあたり約 4 ミリ秒' } },
  { criterion: 'OP-01', text: { en: 'Heavy: four services to run', ja: '重い：動かすサービスが 4 つ' } },
  { criterion: 'DX-02', text: { en: 'Workflows across several languages', ja: '複数の言語にまたがるワークフロー' } },
  { criterion: 'DX-03', text: { en: 'A dev server: temporal server start-dev', ja: '開発サーバー：`temporal server start-dev`' }, stars: 5 },
  { criterion: 'DX-04', text: { en: 'Time skipping built into its test environment', ja: 'テスト環境に時間スキップが組み込まれている' }, stars: 5 },
  { criterion: 'DX-06', text: { en: 'Steep: many concepts to learn', ja: '急：覚える概念が多い' } },
  { criterion: 'DX-07', text: { en: 'WorkflowReplayer replays recorded histories', ja: 'WorkflowReplayer が記録済みの履歴を再生する' }, stars: 5 },
  { criterion: 'AI-05', text: { en: 'Agents built from the activity pattern', ja: 'アクティビティのパターンでエージェントを組む' }, stars: 4 },
];
