/** Inngest evidence in Japanese: what several criteria share (labels of modes and variants, frequent phrases, units). */
import type { EvidenceTable } from '../../index.ts';

export const common: EvidenceTable = {
  exact: {
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
    [/≥ (\d+) and ≤ (\d+)/, '$1 以上 $2 以下'],
    [/(\d+) ± (\d+) ms/, '$1 ± $2 ms'],
    [/Trace spans: (.+)/s, 'トレースのスパン：`$1`'],
    [/timed out after (\d+) ms waiting for run (\w+) to end/, '実行 `$2` の終了を $1 ms 待ってタイムアウトした'],
    // A variant and what was checked in it ("dev: the sleeping run finishes after the restart"): both translated.
    [/(.+?): (.+)/s, '{1}：{2}'],
  ],
};

/** Metric units. */
export const units: Record<string, string> = {
  'ms': 'ms',
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
