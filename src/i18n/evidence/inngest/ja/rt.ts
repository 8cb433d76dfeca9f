/** RT: retries, timeouts, protecting a failing dependency, and lost workers. */
import type { EvidenceTable } from '../../index.ts';

export const rt: Record<string, EvidenceTable> = {
  'RT-01': {
    exact: {
      'default backoff': '既定のバックオフ',
      'linear': '線形',
      'the second wait is longer than the first': '2 回目の待ちは 1 回目より長い',
      "each wait inside the server's table plus jitter": '各待ち時間が、サーバーの表の値にジッターを加えた範囲に収まる',
      'retries unset: attempts before FAILED (server default)': '`retries` の指定なし：`FAILED` になるまでの試行回数（サーバーの既定）',
      'linear run ends FAILED': '線形の実行は `FAILED` で終わる',
      'RetryAfterError: the retry waits what it asked, to the second': '`RetryAfterError`：再試行は求めた時間だけ、秒単位で正確に待つ',
      'RetryAfterError: then the run completes': '`RetryAfterError`：その後、実行が完了する',
    },
    patterns: [
      [/retries: (\d+) gives (\d+) attempts, then FAILED/, '`retries: $1` で試行は $2 回、その後 `FAILED`'],
      [/retries: (\d+) gives (\d+) attempts/, '`retries: $1` で試行は $2 回'],
      [/NonRetriableError: one attempt despite retries: (\d+)/, '`NonRetriableError`：`retries: $1` でも試行は 1 回'],
      [/every wait within (.+)/, 'すべての待ちが $1 以内'],
      [/wait before retry (\d+)/, '$1 回目の再試行までの待ち'],
      [/linear (--retry-interval \d+): wait before each retry/, '線形（`$1`）：各再試行までの待ち'],
      [/RetryAfterError\((.+)\): wait before the retry/, '`RetryAfterError($1)`：再試行までの待ち'],
      // The server's table of waits, plus jitter, as ranges: "15–47 s, 30–62 s".
      [/(\d+–\d+ s(?:, \d+–\d+ s)*)/, '$1'],
    ],
  },
  'RT-02': {
    exact: {
      'finish timeout': '完了のタイムアウト',
      'start timeout': '開始のタイムアウト',
      'wait timeout': '待機のタイムアウト',
      'invoke timeout': '`invoke` のタイムアウト',
      'per-step timeout': 'ステップごとのタイムアウト',
      'later steps never ran': '後続のステップは一度も実行されなかった',
      'the queued run': 'キューに入った実行',
      'it never started': '一度も開始しなかった',
      'the wait returns null': '待機は `null` を返す',
      'the parent sees an error': '親がエラーを受け取る',
      'first step to run ended': '最初のステップから実行の終了まで',
      'send to cancelled': '送信からキャンセルまで',
      'asked to resumed': '待機の開始から再開まで',
      'call to error': '呼び出しからエラーまで',
      'an error thrown by step.invoke': '`step.invoke` が投げるエラー',
      'cut off (FAILED, step unfinished)': '打ち切り（`FAILED`、ステップは未完了）',
    },
    patterns: [
      [/(\w+ timeout) \((\d+) ms\): (.+)/, '{1}（$2 ms）：{3}'],
      [/a step given timeout (\S+) is cut off/, '`timeout` に $1 を指定したステップが打ち切られる'],
    ],
  },
  'RT-03': {
    exact: {
      'plain': '対策なし',
      'plain retries': '対策なしの再試行',
      'throttled': '`throttle` あり',
      'throttle': '`throttle`',
      'breaker': 'ブレーカーあり',
      'every run ended FAILED': 'すべての実行が `FAILED` で終わった',
      'every attempt hits the API (nothing stops it)': 'すべての試行が API に届く（止めるものがない）',
      'still every attempt hits the API, only spread out': 'それでもすべての試行が API に届き、間隔が空くだけ',
      'calls that reached the failing API': '失敗し続ける API に届いた呼び出し',
      'first to last call': '最初の呼び出しから最後の呼び出しまで',
      'steps refused while open': 'ブレーカーが開いている間に拒否されたステップ',
    },
    patterns: [[/calls cut to at most (\d+) \+ the calls already in flight/, '呼び出しは最大 $1 回と、すでに送信中の分までに抑えられる']],
  },
  'RT-04': {
    exact: {
      'serve': '`serve`',
      'connect': '`connect`',
      'the worker picks up the step': 'ワーカーがステップを受け取る',
      "a killed worker's step is retried": '強制終了したワーカーのステップが再試行される',
      'that run then completes': 'その後、その実行が完了する',
      'worker killed → next attempt started': 'ワーカーの強制終了 → 次の試行の開始',
      'first attempt started': '最初の試行が始まった',
      'retried': '再試行された',
      'a retry or a failure': '再試行または失敗',
    },
    patterns: [[/a hung step is noticed within (\d+) s/, '止まったステップが $1 秒以内に検知される']],
  },
};
