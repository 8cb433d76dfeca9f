/** OB: Temporal's evidence strings in Japanese, keyed by criterion. */
import type { EvidenceTable } from '../../index.ts';

export const ob: Record<string, EvidenceTable> = {
  'OB-03': {
    exact: {
      'every step kind is in the history': 'ステップの種類がすべて履歴にある',
      'events without a time': '時刻のないイベント',
      "each activity's input and output are readable in the history": '各アクティビティの入力と出力を履歴から読める',
      "the workflow's input and result are in the history": 'ワークフローの入力と結果が履歴にある',
      'the retried activity: attempts made (ledger)': '再試行されたアクティビティ：実行された試行（台帳）',
      'the retried activity: events in the history': '再試行されたアクティビティ：履歴のイベント',
      'the retried activity: the started event carries the attempt and the last failure': '再試行されたアクティビティ：開始のイベントが試行回数と直前の失敗を持つ',
      'failed run: the workflow failed': '失敗した実行：ワークフローが失敗した',
      'failed run: the activity failure is in the history with its message and type': '失敗した実行：アクティビティの失敗がメッセージと型付きで履歴にある',
      'failed run: the workflow failure keeps the chain (activity failure → cause)': '失敗した実行：ワークフローの失敗が連鎖（アクティビティの失敗 → 原因）を保つ',
      'failed run: a stack trace is recorded with the failure': '失敗した実行：失敗とともにスタックトレースが記録される',
      'a non-empty stack trace': '空でないスタックトレース',
      'events in the history': '履歴のイベント数',
      'retried activity: scheduled → started (two failed attempts, 1 s and 2 s backoff)': '再試行されたアクティビティ：スケジュールから開始まで（失敗 2 回、待ち 1 秒と 2 秒）',
      'timer: started → fired in the history (nominal 1 s)': 'タイマー：履歴上の開始から発火まで（指定は 1 秒）',
      'workflow: started → completed in the history': 'ワークフロー：履歴上の開始から完了まで',
    },
    patterns: [
      [/The history's events: (.+)/, '履歴のイベント：`$1`'],
      [/The failed run's events: (.+)/, '失敗した実行のイベント：`$1`'],
    ],
    raw: ['shipped A-17', 'FAILED: Workflow execution failed'],
  },
  'OB-06': {
    exact: {
      'the workflow code ran again on replays (the premise)': 'ワークフローのコードはリプレイでもう一度実行された（前提）',
      'workflow logger: the top line is logged once per run, not once per replay': 'ワークフローのロガー：先頭の行はリプレイごとではなく、実行につき 1 回だけ書かれる',
      'workflow logger: between steps, logged once, not on every later replay': 'ワークフローのロガー：ステップの間の行は、後のリプレイでは書かれず 1 回だけ',
      'console.log in workflow code: logged once, not on every replay': 'ワークフローのコードの `console.log`：リプレイのたびではなく 1 回だけ書かれる',
      'a sink with the default options: called once per run': '既定の設定のシンク：実行につき 1 回呼ばれる',
      'a sink registered with callDuringReplay: called on every execution': '`callDuringReplay` で登録したシンク：毎回の実行で呼ばれる',
      'activity logger: one line per activity': 'アクティビティのロガー：アクティビティごとに 1 行',
      'executions of the workflow code (first run and replays)': 'ワークフローのコードの実行回数（初回とリプレイ）',
      'workflow tasks in the history': '履歴のワークフロータスク数',
      // From the first, one-trial run (archived), before the console.log check was made definite.
      'console.log in workflow code: the top line, how often': 'ワークフローのコードの `console.log`：先頭の行が書かれた回数',
      'once (replay-aware) or once per execution': '1 回（リプレイを意識）、または実行ごとに 1 回',
      'console.log lines at the top of the workflow': 'ワークフローの先頭での `console.log` の行数',
    },
    patterns: [
      [/(\d+) executions, one per workflow task/, '$1 回の実行（ワークフロータスクごとに 1 回）'],
      [/How the worker printed the workflow's and an activity's line: (.+)/s, 'ワーカーが出力したワークフローとアクティビティの行：`$1`'],
      [/How the worker printed console.log: (.+)/s, 'ワーカーが出力した `console.log`：`$1`'],
    ],
    raw: ['done'],
  },
};
