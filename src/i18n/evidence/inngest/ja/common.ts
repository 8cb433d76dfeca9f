/** Inngest evidence in Japanese: what several criteria share (labels of modes and variants, frequent phrases, units). */
import type { EvidenceTable } from '../../index.ts';

export const common: EvidenceTable = {
  exact: {
    // Where run state lived, in the driver's words (each configuration's `stateStore`).
    'inngest dev defaults: run state in an in-process Redis, history in an in-memory SQLite':
      '`inngest dev` の既定：実行の状態はプロセス内の Redis、履歴はメモリ上の SQLite',
    'inngest dev --persist: run state in an in-process Redis, history in SQLite on disk':
      '`inngest dev --persist`：実行の状態はプロセス内の Redis、履歴はディスク上の SQLite',
    'inngest start without --redis-uri: run state in its embedded Redis, history in SQLite on disk':
      '`--redis-uri` なしの `inngest start`：実行の状態は組み込みの Redis、履歴はディスク上の SQLite',
    'inngest start: run state in an external Redis (redis-server on loopback), history in SQLite on disk':
      '`inngest start`：実行の状態は外部の Redis（ループバック上の `redis-server`）、履歴はディスク上の SQLite',
    'inngest start: run state in an external Redis with an append-only file fsynced on every write (redis-server on loopback), history in SQLite on disk':
      '`inngest start`：実行の状態は書き込みごとに fsync する追記専用ファイル（AOF）付きの外部 Redis（ループバック上の `redis-server`）、履歴はディスク上の SQLite',
    'inngest start: run state in an external Redis with an append-only file fsynced every second (redis-server on loopback), history in SQLite on disk':
      '`inngest start`：実行の状態は毎秒 fsync する追記専用ファイル（AOF）付きの外部 Redis（ループバック上の `redis-server`）、履歴はディスク上の SQLite',
    'inngest start --postgres-uri: run state in an external Redis, history in PostgreSQL (both on loopback)':
      '`inngest start --postgres-uri`：実行の状態は外部の Redis、履歴は PostgreSQL（どちらもループバック上）',
    'dev server defaults: in-memory Redis and SQLite, lost when the server stops': '開発サーバーの既定：メモリ上の Redis と SQLite（サーバーが止まると失われる）',
    // The server's modes and the SDK's execution modes, as probes label their variants.
    'dev': '`dev`',
    'dev-persist': '`dev-persist`',
    'self-hosted-embedded-redis': '`self-hosted-embedded-redis`',
    'self-hosted': '`self-hosted`',
    'checkpointing': 'チェックポイント方式',
    'per-step-requests': 'ステップごとのリクエスト方式',
    'serve()': '`serve()`',
    'connect()': '`connect()`',
    'step.run': '`step.run`',
    'step.fetch': '`step.fetch`',
    'step.ai.infer': '`step.ai.infer`',
    // Kinds of code change (EX-06, VR-02).
    'renamed': '名前を変更',
    'reordered': '順序を変更',
    'removed': '削除',
    'inserted': '挿入',
    // Frequent phrases.
    'run completed': '実行が完了した',
    'the run completed': '実行が完了した',
    'completed': '完了した',
    'run status': '実行ステータス',
    'run output': '実行の出力',
    'run outcome': '実行の結果',
    'trace': 'トレース',
    'rerun': '再実行',
    'loop': 'ループ',
    'crash to run completed': 'クラッシュから実行完了まで',
    'runs per second': '毎秒の実行数',
    'steps per second': '毎秒のステップ数',
    'fetch failed': 'リクエストが失敗した（`fetch failed`）',
  },
  patterns: [
    [/≤ (\d+)/, '$1 以下'],
    [/≥ (\d+(?:\.\d+)?) ms/, '$1 ms 以上'],
    [/< (\d+(?:\.\d+)?) ms/, '$1 ms 未満'],
    [/> (\d+(?:\.\d+)?) ms/, '$1 ms を超える'],
    [/≥ (\d+) and ≤ (\d+)/, '$1 以上 $2 以下'],
    [/(\d+) ± (\d+) ms/, '$1 ± $2 ms'],
    [/between (\d+) and (\d+)/, '$1〜$2'],
    [/Trace spans: (.+)/s, 'トレースのスパン：`$1`'],
    [/timed out after (\d+) ms waiting for run (\w+) to end/, '実行 `$2` の終了を $1 ms 待ってタイムアウトした'],
    // A variant and what was checked in it ("dev: the sleeping run finishes after the restart"): both translated.
    [/(.+?): (.+)/s, '{1}：{2}'],
  ],
};

/** Metric units. */
export const units: Record<string, string> = {
  'ms': 'ms',
  's': '秒',
  'h': '時間',
  'MiB': 'MiB',
  'bytes': 'バイト',
  'runs/s': '件/秒',
  'steps/s': 'ステップ/秒',
  'ratio': '倍',
  '×': '倍',
  'runs': '件',
  'steps': 'ステップ',
  'calls': '回',
  'entries': '回',
  'reads': '回',
  'times': '回',
  'effects': '回',
  'exports': '個',
  'concepts': '個',
  'ids': '個',
  'values': '個',
  'lines': '行',
  'series': '系列',
  'spans': 'スパン',
  'keys': 'キー',
  'tables': 'テーブル',
};
