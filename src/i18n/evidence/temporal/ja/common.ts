/** Temporal evidence in Japanese: what several criteria share (the driver's state stores, frequent phrases, units). */
import type { EvidenceTable } from '../../index.ts';

export const common: EvidenceTable = {
  exact: {
    // Where the server kept its state, in the driver's words (each configuration's `stateStore`).
    'temporal server start-dev --db-filename: SQLite in a file on disk (one process holds frontend, history, matching and worker services)':
      '`temporal server start-dev --db-filename`：ディスク上のファイルの SQLite（フロントエンド・ヒストリー・マッチング・ワーカーの各サービスを 1 プロセスが持つ）',
    'temporal server start-dev defaults: SQLite in memory, lost when the process ends':
      '`temporal server start-dev` の既定：メモリ上の SQLite（プロセスが終わると失われる）',
    // What the harness measures of itself, apart from the probe.
    'harness: worker start-up (spawn to polling)': 'ハーネス：ワーカーの起動（プロセス生成からポーリング開始まで）',
    // Kinds of code change (EX-06).
    'renamed': '名前を変更',
    'reordered': '順序を変更',
    'removed': '削除',
    'inserted': '挿入',
    // Frequent phrases.
    'run completed': '実行が完了した',
    'run status': '実行ステータス',
    'run output': '実行の出力',
    'run outcome': '実行の結果',
    'rerun': '再実行',
    'loop': 'ループ',
  },
  patterns: [
    [/≤ (\d+)/, '$1 以下'],
    [/≥ (\d+)/, '$1 以上'],
    [/(-?\d+) ms/, '$1 ms'],
    // A variant and what was checked in it ("reordered: run outcome"): both translated.
    [/(.+?): (.+)/s, '{1}：{2}'],
  ],
};

/** Metric units. */
export const units: Record<string, string> = {
  'ms': 'ms',
  'ids': '個',
  'calls': '回',
  'times': '回',
  'values': '個',
  'events': 'イベント',
  'tasks': 'タスク',
  'attempts': '回',
  'effects': '回',
  'entries': '回',
  'lines': '行',
  'ports': '個',
  'MB': 'MB',
  'KB': 'KB',
  'threads': 'スレッド',
  'runs/s': '件/秒',
  'ratio': '倍',
  'activities': '件',
  'bytes': 'バイト',
  'runs': '件',
  'executions': '回',
  'reads': '回',
  'workflows/s': 'ワークフロー/秒',
  'activities/s': 'アクティビティ/秒',
  'series': '系列',
  'names': '個',
  'spans': '個',
  'exports': '個',
  'concepts': '個',
};
