/** PF: performance: step latency, throughput and limits. */
import type { EvidenceTable } from '../../index.ts';

export const pf: Record<string, EvidenceTable> = {
  'PF-01': {
    exact: {
      'floor: loopback HTTP round trip': '下限：ループバックでの HTTP の往復',
      'step-to-step (worker clock)': 'ステップ間の間隔（ワーカーの時計）',
      'step-to-step (trace)': 'ステップ間の間隔（トレース）',
      'p50 step overhead ÷ p50 loopback round trip': 'ステップのオーバーヘッドの p50 ÷ ループバックの往復の p50',
      'p50 with AOF fsync always − p50 without persistence': '書き込みごとに fsync する AOF での p50 − 永続化なしでの p50',
      'Redis without persistence': '永続化なしの Redis',
      'Redis AOF fsync always': '書き込みごとに fsync する AOF の Redis',
      'per-step-requests: the queue tick bounds the step (p50 within 80–120% of the 150 ms tick)': 'ステップごとのリクエスト方式：キューのティックがステップを律する（p50 が 150 ms のティックの 80〜120% に収まる）',
      '120–180 ms': '120〜180 ms',
      'per-step-requests: a 10 ms tick lowers the step below the 150 ms tick (p50)': 'ステップごとのリクエスト方式：10 ms のティックではステップが 150 ms のティックより短くなる（p50）',
      '< tick 150 ms': 'ティック 150 ms より短い',
      'checkpointing: a step costs less than the queue tick (p50)': 'チェックポイント方式：ステップはキューのティックより短い（p50）',
      '< 150 ms': '150 ms より短い',
      'not measured': '測っていない',
    },
    patterns: [
      [/(.+), self-hosted, Redis without persistence, tick (\d+) ms: (.+)/, '{1}、セルフホスト、永続化なしの Redis、ティック $2 ms：{3}'],
      [/(.+), self-hosted, Redis AOF fsync always, tick (\d+) ms: (.+)/, '{1}、セルフホスト、書き込みごとに fsync する AOF の Redis、ティック $2 ms：{3}'],
      [/self-hosted, (.+), tick 10 ms: not measured, redis-server is not installed here\./, 'セルフホスト、{1}、ティック 10 ms：ここには `redis-server` がないため測っていない。'],
      [/(.+), tick (\d+) ms: (.+)/, '{1}、ティック $2 ms：{3}'],
      [/([\d.]+) ms/, '$1 ms'],
      [/(\d+) steps ran once each and completed/, '$1 ステップがそれぞれ 1 回だけ実行され、完了した'],
    ],
  },
  'PF-02': {
    exact: {
      'every step of every run ran once': 'すべての実行のすべてのステップが 1 回だけ実行された',
      'first send to last step': '最初の送信から最後のステップまで',
      'more runs per second than fan-out 1': 'ファンアウト 1 より 1 秒あたりの実行数が多い',
      'fan-out 100 > fan-out 1': 'ファンアウト 100 > ファンアウト 1',
    },
    patterns: [
      [/fan-out (\d+): (.+)/, 'ファンアウト $1：{2}'],
      [/one batch of (\d+): (.+)/, '$1 件を 1 バッチで：{2}'],
    ],
  },
  'PF-03': {
    exact: {
      'event size: the largest event accepted, against the documented free-plan 256 KiB and the 64 MiB tried': 'イベントのサイズ：受け付けられた最大のイベント（ドキュメントにある無料プランの 256 KiB と、試した 64 MiB と比べて）',
      '≥ 0.25 MiB and < 64 MiB': '0.25 MiB 以上 64 MiB 未満',
      'event size: a limit exists and is at least the documented free-plan 256 KiB': 'イベントのサイズ：上限があり、ドキュメントにある無料プランの 256 KiB 以上',
      'step output: the limit is near the documented 4 MB': 'ステップの出力：上限はドキュメントにある 4 MB 付近',
      'run state: the run is stopped near the documented 32 MB': '実行の状態：ドキュメントにある 32 MB 付近で実行が止められる',
      'largest event accepted': '受け付けられた最大のイベント',
      'largest step output that completed': '完了した最大のステップ出力',
      'run state reached before the run ended': '実行が終わるまでに実行の状態が達したサイズ',
    },
    patterns: [
      [/about (.+) MB \((.+) MiB\)/, '約 $1 MB（$2 MiB）'],
      [/FAILED between (\d+) and (\d+) MiB/, '$1〜$2 MiB の間で `FAILED`'],
      [/Event just past the limit: (.+)/s, '上限をわずかに超えたイベント：`$1`'],
      [/Step output just past the limit: (.+)/s, '上限をわずかに超えたステップの出力：`$1`'],
      [/Run state growth ended as (\w+): (.+)/s, '実行の状態を増やし続けた結果、`$1` で終わった：`$2`'],
    ],
  },
};
