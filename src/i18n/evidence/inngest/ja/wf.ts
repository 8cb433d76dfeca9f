/** WF: workflow shapes: data between steps, child workflows, parallelism, control flow, timers and flow control. */
import type { EvidenceTable } from '../../index.ts';

export const wf: Record<string, EvidenceTable> = {
  'WF-01': {
    exact: {
      'Date arrives as an ISO string (as typed)': '`Date` は ISO 形式の文字列で届く（型のとおり）',
      'a key holding undefined is dropped': '値が `undefined` のキーは落とされる',
      'nested objects survive': '入れ子のオブジェクトが残る',
      'trace names the steps by their ids, in order': 'トレースがステップを ID で、順番どおりに示す',
    },
    patterns: [
      [/a (\d+)-element array survives whole/, '要素 $1 個の配列がそのまま残る'],
      [/each step also has a hashed id \((\d+) hex\)/, '各ステップには、ハッシュ化した ID（16 進数 $1 桁）もある'],
    ],
  },
  'WF-02': {
    exact: {
      'parent completed': '親が完了した',
      "the child's result reached the parent": '子の結果が親に届いた',
      "a child's failure reaches the parent as a catchable error": '子の失敗は、捕捉できるエラーとして親に届く',
      'an invoke past its timeout throws in the parent': 'タイムアウトを過ぎた `invoke` は、親で例外になる',
      'the parent trace shows one INVOKE step per child': '親のトレースには、子ごとに `INVOKE` ステップが 1 つ表示される',
      'invoke steps end as completed, failed, failed': '`invoke` ステップは、完了、失敗、失敗で終わる',
    },
    patterns: [[/The parent caught, from the failed child: (.+)/s, '失敗した子から親が捕捉したもの：`$1`']],
    raw: ['InngestInvokeTimeoutError'],
  },
  'WF-03': {
    exact: {
      'fan-out run completed': 'ファンアウトの実行が完了した',
      'each step ran once': '各ステップが 1 回だけ実行された',
      'results keep the order of the code, not of completion': '結果は、完了の順ではなくコードの順に並ぶ',
      'race mode: the faster step wins': '競争モード：速いステップが勝つ',
      'fan-out': 'ファンアウト',
      'makespan': '全体の所要時間',
      'sum of step durations': 'ステップの所要時間の合計',
      'spread of step start times': 'ステップの開始時刻のばらつき',
    },
    patterns: [[/the (\d+) steps overlapped \(makespan under half the sum\)/, '$1 つのステップが重なって実行された（全体の所要時間が合計の半分未満）']],
    raw: ['fast'],
  },
  'WF-04': {
    exact: {
      'branch: only the taken branch ran': '分岐：選ばれた枝だけが実行された',
      'one body per iteration, in order': '反復ごとに本体が 1 回、順番どおり',
      'outputs memoized per iteration': '出力は反復ごとにメモ化された',
      'FAILED, loop unfinished': '`FAILED`、ループは未完了',
    },
    patterns: [
      [/(\d+) steps complete with the right total/, '$1 ステップが正しい合計で完了する'],
      [/(\d+) steps are stopped at the limit/, '$1 ステップは上限で止められる'],
      [/(\d+) steps, send to completed/, '$1 ステップ、送信から完了まで'],
      [/(\d+) steps, per step/, '$1 ステップ、1 ステップあたり'],
      [/past the limit, the run's error: (.+)/s, '上限を超えたときの実行のエラー：`$1`'],
    ],
  },
  'WF-05': {
    exact: {
      'no sleep woke early': '早く再開したスリープはない',
      'cron fired within the probe budget': '`cron` がプローブの時間予算内に起動した',
      'sleepUntil(a minute ago): actual pause': '`sleepUntil`（1 分前を指定）：実際に止まった時間',
    },
    patterns: [
      [/all (\d+) sleeps woke/, '$1 件のスリープがすべて再開した'],
      [/a (\d+) ms sleep is rounded up to the (\d+) s resolution/, '$1 ms のスリープは、$2 秒の分解能に切り上げられる'],
      [/sleepUntil in the past returns at once \(under (\d+) s\)/, '過去を指定した `sleepUntil` はすぐに戻る（$1 秒未満）'],
      [/(\d+) s sleep: wake-up lateness/, '$1 秒のスリープ：再開の遅れ'],
      [/sleep\((\d+) ms\): actual pause/, '`sleep($1 ms)`：実際に止まった時間'],
      [/cron (.+): fired after the minute boundary/, '`cron $1`：分の境目から起動までの時間'],
    ],
  },
  'WF-06': {
    exact: {
      'concurrency per key: tenants run side by side': 'キーごとの同時実行数：テナント同士は並んで動く',
      'throttle: every event ran, none dropped': '`throttle`：すべてのイベントが実行され、落ちたものはない',
      'priority: low-priority runs queued earlier that started before the urgent one': '優先度：先にキューに入った低優先度の実行のうち、緊急の実行より先に始まったもの',
      'singleton skip: one run while the job is running': '`singleton` の `skip`：ジョブの実行中は実行が 1 つだけ',
    },
    patterns: [
      [/concurrency limit (\d+): most runs at once/, '同時実行数の上限 $1：同時に動いた実行の最大数'],
      [/concurrency per key \(limit (\d+)\): most at once per tenant/, 'キーごとの同時実行数（上限 $1）：テナントごとの同時実行の最大数'],
      [/throttle: (\d+) starts took at least two more periods/, '`throttle`：$1 回の開始に、少なくともあと 2 周期かかった'],
      [/rate limit (\d+) per (\d+) s: runs from (\d+) events \(rest skipped\)/, 'レート制限（$2 秒に $1 回）：イベント $3 件からの実行数（残りはスキップ）'],
      [/debounce: (\d+) events became one run, with the last event/, '`debounce`：イベント $1 件が、最後のイベントを持つ 1 つの実行になった'],
      [/batching max (\d+): every event in exactly one batch/, 'バッチ（最大 $1 件）：すべてのイベントがちょうど 1 つのバッチに入る'],
      [/batching max (\d+): no batch over (\d+)/, 'バッチ（最大 $1 件）：$2 件を超えるバッチはない'],
      [/throttle (\d+) per (\d+) s: first to last of (\d+) starts/, '`throttle`（$2 秒に $1 回）：$3 回の開始の最初から最後まで'],
      [/Batch sizes: (.+)/, 'バッチのサイズ：`$1`'],
      [/Priority start order: (.+)/, '優先度による開始の順：`$1`'],
    ],
  },
};
