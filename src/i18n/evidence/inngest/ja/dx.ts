/** DX: types, local development, testing, errors, brevity and replay. */
import type { EvidenceTable } from '../../index.ts';

export const dx: Record<string, EvidenceTable> = {
  'DX-01': {
    exact: {
      'types': '型',
      'a well-typed event is accepted': '型の合ったイベントは受け入れられる',
      'an event missing a field is rejected': 'フィールドが欠けたイベントは拒否される',
      'an event field of the wrong type is rejected': '型の違うイベントフィールドは拒否される',
      "a step's output type is inferred": 'ステップの出力の型が推論される',
      'using a step output as the wrong type is rejected': 'ステップの出力を違う型として使うと拒否される',
      "the trigger's event data is typed in the handler": 'トリガーのイベントデータにハンドラー内で型が付く',
      'reading a field the event does not have is rejected': 'イベントにないフィールドを読むと拒否される',
      'a Date returned from a step is typed as its JSON string': 'ステップが返した `Date` は JSON の文字列として型付けされる',
      'invoking a function with the wrong data is rejected': '間違ったデータで関数を呼び出すと拒否される',
      'the typed function runs with the typed payload': '型付きの関数が型付きのペイロードで実行される',
      'compile time per case': 'ケースごとのコンパイル時間',
      'runtime exports of the inngest package': '`inngest` パッケージが実行時にエクスポートするもの',
    },
    raw: ['accepted', 'rejected'],
  },
  'DX-02': {
    exact: {
      "Only TypeScript workers run in this harness, and Python packages cannot be installed on this machine; SDK parity and cross-language invoke are taken from Inngest's SDK documentation.":
        'このハーネスで動かせるのは TypeScript のワーカーだけで、このマシンには Python のパッケージをインストールできない。SDK 間の機能の揃い具合と、言語をまたぐ `invoke` は、Inngest の SDK ドキュメントに拠る。',
    },
    patterns: [
      [/TypeScript SDK in use: (.+)\./, '使用した TypeScript SDK：`$1`'],
      [/A raw HTTP event started the TypeScript function: (.+)\./s, '素の HTTP で送ったイベントが TypeScript の関数を起動した：`$1`'],
    ],
  },
  'DX-03': {
    exact: {
      'the first run after a fresh start completes': '新しく起動した後の最初の実行が完了する',
      'the run after the change uses the new code': '変更後の実行は新しいコードを使う',
      'dev server restart (stop, start, healthy)': '開発サーバーの再起動（停止、起動、正常な応答まで）',
      'worker start and app sync': 'ワーカーの起動とアプリの同期',
      'first run after sync: send to completed': '同期後の最初の実行：送信から完了まで',
      'code change: restart and re-sync to a run on the new code': 'コードの変更：再起動と再同期から、新しいコードでの実行まで',
      'no functions listed while the app is down': 'アプリが止まっている間は関数が 1 つも一覧にない',
      'the server found the app by itself': 'サーバーがアプリを自分で見つけた',
      'each change seen by the server with no sync (function list after each)': '同期なしで、サーバーが各変更に気づいた（変更ごとの関数一覧）',
      'a run of the function found by polling': 'ポーリングで見つかった関数の実行',
      'dev server -u: worker up to its functions listed, with no sync': '開発サーバーの `-u`：同期なしで、ワーカーの起動から関数が一覧に載るまで',
      'code change adding a function: worker up to the server listing it': '関数を追加するコード変更：ワーカーの起動から、サーバーの一覧に載るまで',
      'code change removing a function: worker up to the server dropping it': '関数を削除するコード変更：ワーカーの起動から、サーバーの一覧から消えるまで',
    },
    patterns: [
      [/Discovery loop: the dev server ran with (.+) \(default poll interval\)\./, '発見とポーリングの流れ：開発サーバーは `$1` で動かした（ポーリング間隔は既定値）。'],
    ],
    raw: ['Hello, round 2', 'Hi, change', 'Bye, poll', '[]', '["dx-03-greet"]', /^(v[12]: [a-z0-9, -]+)( · v[12]: [a-z0-9, -]+)*$/],
  },
  'DX-04': {
    exact: {
      "the unit test agrees with a real run: the real run's output": 'ユニットテストの結果が実際の実行と一致する：実際の実行の出力',
      'the test ran in well under a second': 'テストは 1 秒を大きく下回る時間で終わった',
      'the test result': 'テストの結果',
      'the unit test agrees with a real run': 'ユニットテストの結果が実際の実行と一致する',
      'an unmocked sleep completes or fails clearly': 'モックしていない `sleep` は完了するか、はっきり失敗する',
      'a step that fails once is retried, as on the server': '1 回失敗するステップは、サーバー上と同じく再試行される',
      'unit test of a 7-day workflow': '7 日間のワークフローのユニットテスト',
      'finished or threw': '完了または例外',
    },
    raw: [/reminded \w+/],
  },
  'DX-05': {
    exact: {
      'a frame in dx-05-error-messages.ts': '`dx-05-error-messages.ts` のフレーム',
      'thrown error': '投げたエラー',
      'a step inside a step': 'ステップの中のステップ',
      'a step with an empty id': 'ID が空のステップ',
      '3.x createFunction signature': '3.x の `createFunction` の書き方',
      'name and message kept': '名前とメッセージが保たれる',
      'stack kept, pointing at the probe file': 'スタックが保たれ、プローブのファイルを指している',
      'cause kept': '`cause` が保たれる',
      'the run ends (fails or completes)': '実行が終わる（失敗または完了）',
      'the message says what to do': 'メッセージがどうすればよいかを伝える',
      'ended': '終了',
      'an error with an instruction or a docs link': '対処法かドキュメントへのリンクを含むエラー',
    },
    raw: ['insufficient funds'],
  },
  'DX-06': {
    exact: {
      'a complete durable workflow fits in under 20 lines: its lines of code': '完全な耐久ワークフローが 20 行未満に収まる：そのコードの行数',
      'the canonical workflow runs: welcome, wait, no project, nudge': '定番のワークフローが動く：歓迎、待機、プロジェクトなし、催促',
      'canonical workflow: lines of code': '定番のワークフロー：コードの行数',
      'canonical workflow: SDK concepts': '定番のワークフロー：SDK の概念',
      'concepts used across all probes of this project': 'このプロジェクトの全プローブで使った概念',
    },
    patterns: [
      [/a complete durable workflow fits in under (\d+) lines/, '完全な耐久ワークフローが $1 行未満に収まる'],
      [/Concepts in the canonical workflow: (.+)/, '定番のワークフローの概念：`$1`'],
      [/Across (\d+) probe files: (.+)/, 'プローブファイル $1 本全体で：`$2`'],
    ],
  },
  'DX-07': {
    exact: {
      'two different outputs': '異なる 2 つの出力',
      'replay reproduces the recorded output exactly': 'リプレイが記録された出力をそのまま再現する',
      'every recorded step was answered from the history': '記録されたステップはすべて履歴から応答された',
      'no recorded step was skipped': '記録されたステップは 1 つも飛ばされなかった',
      'changed code': 'コードを変更した場合',
      'the step it renamed is reported as skipped from the history': '名前を変えたステップが、履歴から飛ばされたと報告される',
      'the replayed output differs from the recording': 'リプレイの出力が記録と異なる',
      'local replay of a recorded run': '記録された実行のローカルでのリプレイ',
    },
  },
};
