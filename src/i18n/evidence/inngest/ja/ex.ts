/** EX: execution semantics: progress, effects, idempotency, restarts, determinism, changes, serialisation. */
import type { EvidenceTable } from '../../index.ts';

export const ex: Record<string, EvidenceTable> = {
  'EX-01': {
    patterns: [[/"(.+)" executions/, '`$1` の実行回数']],
  },
  'EX-02': {
    exact: {
      'unguarded step: runs whose effect happened before the crash': '保護なしのステップ：クラッシュ前に副作用が起きた実行',
      'unguarded step: effects after the crash, per run (at-least-once: at least 1 each)': '保護なしのステップ：クラッシュ後の副作用、実行ごと（少なくとも 1 回なら、それぞれ 1 回以上）',
      'guarded step: attempts after the crash, per run (the step ran again)': '保護ありのステップ：クラッシュ後の試行、実行ごと（ステップが再び実行された）',
      'effects after the crash, per run': 'クラッシュ後の副作用、実行ごと',
      'every run completed after the crash': 'クラッシュの後にすべての実行が完了した',
      'unguarded step: the effect repeats once per attempt (at-least-once)': '保護なしのステップ：副作用が試行のたびに繰り返される（少なくとも 1 回）',
      'guarded step: one effect per trial with a user idempotency key': '保護ありのステップ：利用者の冪等キーにより、副作用は試行ごとに 1 回',
      'unguarded': '保護なし',
      'guarded': '保護あり',
      'effects per trial': '試行あたりの副作用',
      'trials with a repeated effect': '副作用が繰り返された試行',
      'guarded step: one effect per run with a user idempotency key': '保護ありのステップ：利用者の冪等キーにより、副作用は実行ごとに 1 回',
      'effects per run': '実行あたりの副作用',
      'runs with a repeated effect': '副作用が繰り返された実行',
    },
    patterns: [
      [/(\d+) runs, each ≥ (\d+)/, '実行 $1 件、それぞれ $2 以上'],
    ],
  },
  'EX-03': {
    exact: {
      'runs': '実行数',
      'confirmations': '確認の数',
      'charges': '課金の数',
      'another key still runs (control)': '別のキーなら実行される（対照）',
    },
    patterns: [
      [/same event id sent (\d+)×: (.+)/, '同じイベント ID を $1 回送信：{2}'],
      [/same idempotency key in (\d+) events: (.+)/, '同じ冪等キーのイベント $1 件：{2}'],
      [/distinct event ids returned for one id sent (\d+) times/, '1 つの ID を $1 回送って返ってきた、異なるイベント ID'],
    ],
  },
  'EX-04': {
    exact: {
      'the sleeping run finishes after the restart': 'スリープ中の実行が再起動の後に完了する',
      'the step after the sleep ran once': 'スリープの後のステップが 1 回だけ実行された',
      "the earlier step's output reached it intact": '前のステップの出力がそのまま届いた',
      'the completed step was not redone': '完了済みのステップはやり直されなかった',
      'restart to run completed': '再起動から実行完了まで',
    },
    patterns: [
      [/(.+): whether the completed step is redone was not judged: the run never resumed \((.+)\); "fetch quote" ran (\d+) time\(s\)\./, '{1}：完了済みのステップがやり直されるかは判定していない。実行が再開しなかったため（`$2`）。`fetch quote` の実行は $3 回'],
      [/(.+): right after the restart the server reported the run as: (.+)/s, '{1}：再起動の直後にサーバーが報告した実行の状態：`$2`'],
    ],
  },
  'EX-05': {
    exact: {
      'the handler was entered more than once': 'ハンドラーに 2 回以上入った',
      'distinct outside values per kind, against entries': 'ステップ外の値の種類ごとの異なる値の数（ハンドラーに入った回数と比べて）',
      'calls to the external service made outside steps, against entries': 'ステップ外で外部サービスを呼んだ回数（ハンドラーに入った回数と比べて）',
      'every entry got a fresh outside value': 'ハンドラーに入るたびに、ステップ外の値は新しく引き直された',
      'the end of the handler ran once': 'ハンドラーの末尾は 1 回だけ実行された',
      'run output equals the step outputs the code saw': '実行の出力が、コードの見たステップの出力と一致する',
      'times the handler was entered': 'ハンドラーに入った回数',
      'distinct random values drawn outside steps': 'ステップ外で引いた乱数のうち、異なる値',
    },
    patterns: [
      [/"(.+)" output identical on every entry/, '`$1` の出力は毎回同じ'],
      [/times code after "(.+)" saw its output/, '`$1` の後のコードがその出力を見た回数'],
    ],
  },
  'EX-06': {
    exact: {
      'card charged (a completed step)': 'カードへの課金（完了済みのステップ）',
      'stock reserved (a completed step)': '在庫の確保（完了済みのステップ）',
      'parcel shipped': '荷物の発送',
      'the change was reported (SDK warning or error)': '変更が報告された（SDK の警告またはエラー）',
      'a warning or error': '警告またはエラー',
      'The SDK printed nothing about the changed steps after the redeploy.': '再デプロイの後、SDK は変更されたステップについて何も出力しなかった。',
    },
  },
  'EX-07': {
    exact: {
      'a key holding undefined: entries that saw the key come back': '値が `undefined` のキー：そのキーが戻ってきたのを見た回数',
      'the step body ran once': 'ステップ本体が 1 回だけ実行された',
      'every entry saw the same value': 'ハンドラーに入るたびに同じ値を見た',
      'Date comes back as': '`Date` が戻ってくる形',
      'a key holding undefined comes back': '値が `undefined` のキーが戻ってくるか',
      'a Map comes back as': '`Map` が戻ってくる形',
      'nested objects and arrays come back intact': '入れ子のオブジェクトと配列がそのまま戻ってくる',
      'body executions': '本体の実行回数',
      'every entry saw the values in order': 'ハンドラーに入るたびに値を順番どおりに見た',
      'a new run id': '新しい実行 ID',
      'steps executed afresh (not replayed from the old run)': 'ステップは新たに実行された（古い実行からのリプレイではない）',
      'same output as the original': '元の実行と同じ出力',
      'entries that read the memoized record': 'メモ化された記録を読んだ回数',
      'string (ISO 8601)': '文字列（ISO 8601）',
      'object (entries lost)': 'オブジェクト（中身は失われる）',
    },
    patterns: [
      [/not ([0-9A-Z]{26})/, '`$1` 以外'],
    ],
  },
};
