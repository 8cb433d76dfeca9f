/** SG: Temporal's evidence strings in Japanese, keyed by criterion. */
import type { EvidenceTable } from '../../index.ts';

export const sg: Record<string, EvidenceTable> = {
  'SG-01': {
    exact: {
      'signal sent → handler ran': 'シグナル送信からハンドラー実行まで',
      'update sent → handler ran': 'アップデート送信からハンドラー実行まで',
      'update round trip (sent → result back)': 'アップデートの往復（送信から結果が返るまで）',
      'signal-with-start sent → handler ran (new workflow)': '`signalWithStart` の送信からハンドラー実行まで（新しいワークフロー）',
      'every update returned its result (messages held after each)': 'どのアップデートも結果を返した（その時点で保持しているメッセージ数）',
      'the workflow saw every message once, in the order sent': 'ワークフローはすべてのメッセージを送った順に 1 回ずつ受け取った',
      'signals and updates recorded in the history': '履歴に記録されたシグナルとアップデート',
      'signal-with-start: each new workflow got its signal': '`signalWithStart`：新しいワークフローがそれぞれ自分のシグナルを受け取った',
      'a workflow signalled another from inside; the target resumed with its data': 'ワークフローの中から別のワークフローにシグナルを送り、相手はそのデータで再開した',
      'the signal the target got, as its history records it': '相手の履歴に記録されたシグナル',
    },
    raw: ['payment'],
  },
  'SG-02': {
    exact: {
      'a signal resumes the wait with its data': 'シグナルが待機をそのデータとともに再開させる',
      'no signal: the wait times out to null': 'シグナルなし：待機はタイムアウトして `null` になる',
      'a signal of another name is not taken; the wait times out to null': '別の名前のシグナルは受け取られず、待機はタイムアウトして `null` になる',
      'the other-name signal is still in the history': '別の名前のシグナルも履歴には残る',
      'signal sent before the first workflow task: delivered': '最初のワークフロータスクより前に送ったシグナル：届いた数',
      'signal sent before the first workflow task: seen by the wait': '最初のワークフロータスクより前に送ったシグナル：待機が受け取った割合',
      'race 2: signals sent while no handler was registered (workflows not yet waiting)': '競合 2：ハンドラー未登録のうちに送ったシグナル（まだ待機していないワークフロー）',
      'signal sent before the handler was registered: delivered': 'ハンドラー登録より前に送ったシグナル：届いた数',
      'signal sent before the handler was registered: seen by the wait': 'ハンドラー登録より前に送ったシグナル：待機が受け取った割合',
    },
    raw: ['alice', 'reject'],
  },
  'SG-03': {
    exact: {
      'signal-with-start call (20 concurrent, one workflow id)': '`signalWithStart` の呼び出し（同時に 20 件、ワークフロー ID は 1 つ）',
      'signal-with-start: concurrent events on one id → runs started': '`signalWithStart`：1 つの ID への同時のイベントで始まった実行数',
      'signal-with-start: events the one run received': '`signalWithStart`：その 1 つの実行が受け取ったイベント',
      'schedule: runs started by the server in 3.5 s, plus one triggered (band 3–6)': 'スケジュール：3.5 秒の間にサーバーが始めた実行と、手動トリガー 1 回の合計（幅 3〜6）',
      'schedule: runs whose workflow id is the schedule id plus a timestamp': 'スケジュール：ワークフロー ID がスケジュール ID と時刻からなる実行',
      'one event starts every workflow listening to it (router in the caller’s code)': '1 つのイベントがそれを待つすべてのワークフローを始める（呼び出し側のコードのルーター）',
      '3–6': '3〜6',
    },
    patterns: [
      [/(\d+) of (\d+)/, '$2 件中 $1 件'],
      [/Schedule (\S+): (\d+) actions taken, (\d+) missed; workflow ids look like (\S+)/, 'スケジュール `$1`：実行したアクション $2 回、取りこぼし $3 回。ワークフロー ID の例は `$4`'],
    ],
  },
  'SG-04': {
    exact: {
      'query round trip (running workflow)': 'クエリの往復（実行中のワークフロー）',
      'mid-flight: the query returns the workflow’s state': '実行中：クエリがワークフローの状態を返す',
      'update with valid input: its result (price after 10 %)': '正しい入力のアップデート：その結果（10 % 引きの価格）',
      'update rejected by its validator (80 %): error': 'バリデーターに退けられたアップデート（80 %）：エラー',
      'update rejected by its validator (-5 %): error': 'バリデーターに退けられたアップデート（-5 %）：エラー',
      'WorkflowUpdateFailedError naming the rule': '規則を示す `WorkflowUpdateFailedError`',
      'the query after the updates sees only the valid one': 'アップデートの後のクエリには正しいものだけが見える',
      'updates in the history: accepted ones only': '履歴のアップデート：受け入れられたものだけ',
      'mid-flight: run status (describe)': '実行中：実行ステータス（`describe`）',
      'after the customer accepted: run output': '顧客が承諾した後：実行の出力',
      'query on the closed workflow: answer': '終了したワークフローへのクエリ：答え',
      'update on the closed workflow: error': '終了したワークフローへのアップデート：エラー',
      'an error saying the workflow is closed': 'ワークフローが終了していると告げるエラー',
    },
    patterns: [
      [/describe\(\) mid-flight: status (\w+), history length (\d+), pending activities (\d+), pending workflow task (yes|no)/, '実行中の `describe()`：ステータス `$1`、履歴の長さ $2、保留中のアクティビティ $3、保留中のワークフロータスク `$4`'],
    ],
    // The SDK's and the validator's own error messages, quoted as they are.
    raw: [/^WorkflowUpdateFailedError: .*/s, /^WorkflowNotFoundError: .*/s],
  },
};
