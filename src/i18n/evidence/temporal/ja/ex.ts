/** EX: execution semantics: progress, effects, idempotency, restarts, determinism, changes, serialisation. */
import type { EvidenceTable } from '../../index.ts';

export const ex: Record<string, EvidenceTable> = {
  'EX-01': {
    patterns: [[/"(.+)" executions/, '`$1` の実行回数']],
    exact: {
      'crash to workflow completed': 'クラッシュからワークフロー完了まで',
      'crash to the lost activity retried (server-side start of attempt 2)': 'クラッシュから、失われたアクティビティの再試行まで（サーバー側での 2 回目の試行開始）',
      'attempts of the interrupted activity in the history': '履歴に残る、中断されたアクティビティの試行回数',
    },
  },
  'EX-02': {
    exact: {
      'every run completed after the crash': 'クラッシュの後にすべての実行が完了した',
      'effects recorded before the crash (one per run and kind)': 'クラッシュ前に記録された副作用（実行と種類ごとに 1 回）',
      'unguarded activity: effects per run (one per attempt, 2 attempts)': '保護なしのアクティビティ：実行あたりの副作用（試行ごとに 1 回、試行は 2 回）',
      'guarded activity: one effect per run with a user idempotency key': '保護ありのアクティビティ：利用者の冪等キーにより、副作用は実行ごとに 1 回',
      'unguarded': '保護なし',
      'guarded': '保護あり',
      'effects per run': '実行あたりの副作用',
    },
  },
  'EX-03': {
    exact: {
      'answers after the first': '2 回目以降の応答',
      'runs': '実行数',
      'confirmations': '確認の数',
      'distinct run ids answered': '返された実行 ID の種類',
      'signals delivered to that run': 'その実行に届いたシグナル',
      'closed id started again (default reuse policy ALLOW_DUPLICATE)': '終了済みの ID をもう一度開始（既定の再利用ポリシー `ALLOW_DUPLICATE`）',
      'closed id started again with REJECT_DUPLICATE': '終了済みの ID を `REJECT_DUPLICATE` でもう一度開始',
      'another id still runs (control)': '別の ID なら実行される（対照）',
      'a new run id': '新しい実行 ID',
    },
    patterns: [
      [/same workflow id started (\d+)× \(default policy FAIL\): (.+)/, '同じワークフロー ID を $1 回開始（既定のポリシー `FAIL`）：{2}'],
      [/same workflow id started (\d+)× with USE_EXISTING: (.+)/, '同じワークフロー ID を `USE_EXISTING` で $1 回開始：{2}'],
      [/signal-with-start (\d+)× on one id: (.+)/, '1 つの ID に Signal-With-Start を $1 回：{2}'],
      [/distinct run ids answered to (\d+) starts with USE_EXISTING/, '`USE_EXISTING` での $1 回の開始に返された実行 ID の種類'],
    ],
    raw: ['WorkflowExecutionAlreadyStartedError'],
  },
  'EX-04': {
    exact: {
      'state file, graceful restart': '状態ファイルあり、正常な再起動',
      'state file, SIGKILL': '状態ファイルあり、SIGKILL',
      'state file deleted, restart': '状態ファイルを削除して再起動',
      'state file deleted, restart (control)': '状態ファイルを削除して再起動（対照）',
      'in memory (dev default), restart': 'メモリ上（開発サーバーの既定）、再起動',
      'the sleeping run finishes after the restart': 'スリープ中の実行が再起動の後に完了する',
      'the step after the sleep ran once': 'スリープの後のステップが 1 回だけ実行された',
      "the earlier step's output reached it intact": '前のステップの出力がそのまま届いた',
      'the completed step was not redone': '完了済みのステップはやり直されなかった',
      'the workflow is gone': 'ワークフローは消えている',
      'not found after the restart': '再起動の後に見つからない',
      'server down (stop to ready)': 'サーバーの停止時間（停止から準備完了まで）',
      'timer lateness after the restart': '再起動後のタイマーの遅れ',
      'restart to workflow completed': '再起動からワークフロー完了まで',
      'not found': '見つからない',
    },
    patterns: [
      [/(.+): right after the restart the server reported the workflow as: (.+)/s, '{1}：再起動の直後にサーバーが報告したワークフローの状態：{2}'],
      [/(.+): the run did not resume \((.+)\); "fetch quote" ran (\d+) time\(s\), "place order" (\d+)\./s, '{1}：実行は再開しなかった（{2}）。`fetch quote` は $3 回、`place order` は $4 回実行された。'],
      [/not ended within (\d+) ms/, '$1 ms 以内に終わらなかった'],
    ],
    raw: ['RUNNING', 'COMPLETED'],
  },
};
