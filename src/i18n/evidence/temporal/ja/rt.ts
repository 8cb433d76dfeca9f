/** RT: Temporal's evidence strings in Japanese, keyed by criterion. */
import type { EvidenceTable } from '../../index.ts';

/** "500–625 ms, 1000–1250 ms" (bands) and "1014 ms, 1012 ms" (waits): values, kept as they are. */
const msList: readonly [RegExp, string] = [/((?:-?\d+(?:–\d+)? ms)(?:, -?\d+(?:–\d+)? ms)*)/, '`$1`'];

export const rt: Record<string, EvidenceTable> = {
  'RT-01': {
    exact: {
      'policy: recorded by the server as given': 'ポリシー：サーバーは指定どおりに記録した',
      'policy: maximumAttempts 6 gives 6 attempts, then MAXIMUM_ATTEMPTS_REACHED': 'ポリシー：`maximumAttempts` 6 で試行は 6 回、その後 `MAXIMUM_ATTEMPTS_REACHED`',
      'policy: every wait, against initialInterval × backoffCoefficient^n capped at maximumInterval':
        'ポリシー：各待ち時間と、`initialInterval × backoffCoefficient^n`（上限 `maximumInterval`）との比較',
      'history: one ACTIVITY_TASK_STARTED event, carrying the last attempt number': '履歴：`ACTIVITY_TASK_STARTED` イベントは 1 つだけで、最後の試行番号を持つ',
      'policy 0.25 s constant: every wait, against 250 ms': 'ポリシー 0.25 秒固定：各待ち時間と 250 ms との比較',
      'policy 0.25 s constant: wait before each retry': 'ポリシー 0.25 秒固定：各再試行までの待ち時間',
      'no policy set: the retry policy the server recorded': 'ポリシー未指定：サーバーが記録した再試行ポリシー',
      'no policy set: the waits follow the defaults (1 s doubling)': 'ポリシー未指定：待ち時間が既定値（1 秒から倍々）に従う',
      'no policy set: still retrying after 3 failures, completes on attempt 4': 'ポリシー未指定：3 回失敗しても再試行を続け、4 回目で完了する',
      'nonRetryableErrorTypes ["CardDeclined"]: one attempt': '`nonRetryableErrorTypes ["CardDeclined"]`：試行は 1 回',
      'ApplicationFailure.nonRetryable: one attempt': '`ApplicationFailure.nonRetryable`：試行は 1 回',
      'nextRetryDelay: the retry waits what the failure asked, past maximumInterval': '`nextRetryDelay`：再試行は失敗が求めた時間だけ待つ（`maximumInterval` を超えても）',
      'nextRetryDelay: then the activity completes': '`nextRetryDelay`：その後アクティビティは完了する',
      'nextRetryDelay 3000 ms (policy: 200 ms, max 1 s): wait before the retry': '`nextRetryDelay` 3000 ms（ポリシーは 200 ms、上限 1 秒）：再試行までの待ち時間',
      '1 event, attempt 6': 'イベント 1 つ、試行 6',
      'no retry': '再試行なし',
      'none': 'なし',
    },
    patterns: [
      [/policy 0\.5 s × 2, max 2 s: wait before retry (\d+) \(asked (\d+) ms\)/, 'ポリシー 0.5 秒 × 2、上限 2 秒：$1 回目の再試行までの待ち時間（指定 $2 ms）'],
      [/no policy set: wait before retry (\d+) \(default (\d+) ms\)/, 'ポリシー未指定：$1 回目の再試行までの待ち時間（既定 $2 ms）'],
      [/(\d+) event\(s\), attempt (.*)/, 'イベント $1 つ、試行 $2'],
      msList,
    ],
    raw: ['completed', 'failed'],
  },
  'RT-02': {
    exact: {
      'activity scheduleToStart': 'アクティビティの `scheduleToStart`',
      'activity startToClose': 'アクティビティの `startToClose`',
      'activity scheduleToClose': 'アクティビティの `scheduleToClose`',
      'activity heartbeat': 'アクティビティの `heartbeat`',
      'workflow execution timeout': 'ワークフロー実行タイムアウト（`workflowExecutionTimeout`）',
      'workflow run timeout': 'ワークフロー実行単位のタイムアウト（`workflowRunTimeout`）',
      'workflow task timeout': 'ワークフロータスクのタイムアウト（`workflowTaskTimeout`）',
      "workflow execution timeout, from the client's start call": 'ワークフロー実行タイムアウト（`workflowExecutionTimeout`、クライアントの開始呼び出しから）',
      "workflow run timeout, from the client's start call": 'ワークフロー実行単位のタイムアウト（`workflowRunTimeout`、クライアントの開始呼び出しから）',
      "workflow execution timeout over a chain of runs, from the client's start call": '連なった実行にまたがるワークフロー実行タイムアウト（クライアントの開始呼び出しから）',
      'the workflow gets an ActivityFailure caused by a TimeoutFailure': 'ワークフローは `TimeoutFailure` を原因とする `ActivityFailure` を受け取る',
      'acted after its deadline, at most 1000 ms late': '期限の後に発動し、遅れは 1000 ms 以内',
      'no worker ever started it': 'どのワーカーも開始しなかった',
      'the client sees the workflow time out': 'クライアントはワークフローのタイムアウトを受け取る',
      'execution timeout across continue-as-new: the chain times out, after more than one run': '`continueAsNew` をまたぐ実行タイムアウト：複数回の実行の後、連鎖全体がタイムアウトする',
      'workflow task timeout: the held task times out (START_TO_CLOSE), is retried, the workflow completes':
        'ワークフロータスクのタイムアウト：引き止めたタスクがタイムアウトし（`START_TO_CLOSE`）、再試行され、ワークフローは完了する',
      'no workflow timeouts set: what the server recorded (ms; 0 = none)': 'ワークフローのタイムアウト未指定：サーバーが記録した値（ms、0 はなし）',
    },
    patterns: [
      [/(.+) \((\d+) ms\): observed − configured/, '{1}（$2 ms）：観測値 − 設定値'],
      [/(\d+)–(\d+) ms late/, '$1–$2 ms の遅れ'],
      [/(-?\d+) ms late/, '$1 ms の遅れ'],
    ],
  },
  'RT-03': {
    exact: {
      'plain retries': '素の再試行',
      'breaker': 'ブレーカー',
      'worker rate limit': 'ワーカーのレート制限',
      'task-queue rate limit': 'タスクキューのレート制限',
      'every workflow completes once the API is back': 'API が戻るとすべてのワークフローが完了する',
      'API recovered → every workflow completed': 'API の復旧 → 全ワークフローの完了',
      'calls in each second while the API was down': 'API が落ちている間の 1 秒ごとの呼び出し数',
      'most calls in one second': '1 秒間に届いた呼び出しの最多',
      'plain retries: every workflow keeps calling about once a second': '素の再試行：どのワークフローも約 1 秒に 1 回呼び出し続ける',
      'breaker: attempts refused without calling the API': 'ブレーカー：API を呼ばずに断った試行',
      'breaker: calls cut to the first wave plus one trial per 2 s open': 'ブレーカー：呼び出しは最初の一斉分と、開いている 2 秒ごとの試し呼び出し 1 回までに減る',
      'worker rate limit 2/s: calls held to the limit': 'ワーカーのレート制限 2/秒：呼び出しは制限内に収まる',
      'task-queue rate limit 2/s: calls held to the limit': 'タスクキューのレート制限 2/秒：呼び出しは制限内に収まる',
    },
    patterns: [
      [/≥ (\d+) calls \((\d+) workflows × 1\/s\)/, '$1 回以上（$2 ワークフロー × 毎秒 1 回）'],
      [/≤ (\d+) calls \((\d+)\/s \+ a burst of (\d+)\)/, '$1 回以下（毎秒 $2 回と、一度に通る $3 回）'],
      [/≤ (\d+) calls/, '$1 回以下'],
      [/(\d+) calls; per second: (.+)/, '$1 回。1 秒ごと：`$2`'],
      [
        /Calls that reached the failing API in (\d+) s: plain retries (\d+), breaker (\d+), worker rate limit (\d+), task-queue rate limit (\d+)\./,
        '落ちている API に $1 秒間で届いた呼び出し：素の再試行 $2 回、ブレーカー $3 回、ワーカーのレート制限 $4 回、タスクキューのレート制限 $5 回。',
      ],
    ],
  },
  'RT-04': {
    exact: {
      'hung activity: its first attempt ends in a heartbeat timeout, then a retry': '止まったアクティビティ：最初の試行はハートビートのタイムアウトで終わり、再試行される',
      'hung: the server acted no earlier than heartbeatTimeout after the last heartbeat it recorded': '止まった場合：サーバーが発動したのは、記録した最後のハートビートから `heartbeatTimeout` 以上たってから',
      'hung: detected within heartbeatTimeout + one throttle interval + 1 s of its last heartbeat() call': '止まった場合：最後の `heartbeat()` 呼び出しから `heartbeatTimeout` + スロットル間隔 1 回分 + 1 秒以内に検知',
      'hung: the retry resumes from the last progress the attempt reported (heartbeatDetails)': '止まった場合：再試行は、その試行が最後に報告した進捗から再開する（`heartbeatDetails`）',
      "hung: server's last recorded heartbeat → attempt timed out, minus heartbeatTimeout (2000 ms)": '止まった場合：サーバーが記録した最後のハートビート → 試行のタイムアウト、から `heartbeatTimeout`（2000 ms）を引いた値',
      'hung: last heartbeat() call → attempt timed out': '止まった場合：最後の `heartbeat()` 呼び出し → 試行のタイムアウト',
      'throttle: heartbeats recorded by the server, against heartbeat() calls (at most one per 1600 ms)': 'スロットル：サーバーが記録したハートビートと `heartbeat()` 呼び出しの比較（1600 ms に 1 回まで）',
      'dead worker: the attempt ends in a heartbeat timeout, then a retry on the new worker': 'ワーカーの停止：試行はハートビートのタイムアウトで終わり、新しいワーカーで再試行される',
      'dead worker: detected within heartbeatTimeout + 1 s of the kill (start-to-close is 60 s)': 'ワーカーの停止：強制終了から `heartbeatTimeout` + 1 秒以内に検知（`startToCloseTimeout` は 60 秒）',
      'dead worker: the retry resumes from progress the killed attempt reported (at most its last heartbeat() call)': 'ワーカーの停止：再試行は、強制終了された試行が報告した進捗から再開する（最大で最後の `heartbeat()` 呼び出しの値）',
      'dead worker: SIGKILL → attempt timed out': 'ワーカーの停止：SIGKILL → 試行のタイムアウト',
    },
    patterns: [
      [/cancellation \(heartbeatTimeout (\d+) ms\): the activity sees a CancelledFailure, the workflow its cancellation/, 'キャンセル（`heartbeatTimeout` $1 ms）：アクティビティは `CancelledFailure` を、ワークフローはそのキャンセルを受け取る'],
      [/cancellation \(heartbeatTimeout (\d+) ms\): delivered within one throttle interval \((\d+) ms\) \+ 1 s/, 'キャンセル（`heartbeatTimeout` $1 ms）：スロットル間隔 1 回分（$2 ms）+ 1 秒以内に届く'],
      [/cancellation \(heartbeatTimeout (\d+) ms\): workflow signalled → activity sees it/, 'キャンセル（`heartbeatTimeout` $1 ms）：ワークフローへのシグナル → アクティビティが受け取るまで'],
      [/≥ (\d+) ms late/, '$1 ms 以上の遅れ'],
      [/(-?\d+) ms late/, '$1 ms の遅れ'],
      [/≤ (\d+) of (\d+)/, '$2 回中 $1 回以下'],
      [/(\d+) of (\d+)/, '$2 回中 $1 回'],
      [/≤ (\d+) ms/, '$1 ms 以下'],
      msList,
    ],
  },
};
