/** CP: compensation, cancellation, reruns and failure handling. */
import type { EvidenceTable } from '../../index.ts';

export const cp: Record<string, EvidenceTable> = {
  'CP-01': {
    exact: {
      'a message containing "card declined"': '`card declined` を含むメッセージ',
      'the charge was attempted once (NonRetriableError: no retry)': '課金の試行は 1 回だけ（`NonRetriableError` のため再試行なし）',
      'effects in order, compensations reversed': '副作用は順番どおり、補償は逆順',
      'failure handler ran once': '失敗ハンドラーが 1 回だけ実行された',
      'failure handler received the error message': '失敗ハンドラーがエラーメッセージを受け取った',
    },
    patterns: [
      [/The failure handler saw the message: (.+)/s, '失敗ハンドラーが受け取ったメッセージ：`$1`'],
      [/The run's stored error: (.+)/s, '実行に保存されたエラー：`$1`'],
    ],
  },
  'CP-02': {
    exact: {
      'rerun from the step': 'そのステップからの再実行',
      "output built from the first run's step outputs": '出力は最初の実行のステップ出力から組み立てられた',
      'after a crash': 'クラッシュの後',
      'only the interrupted step ran again': '中断されたステップだけが再び実行された',
    },
    patterns: [
      [/v1: run fails at "(.+)"/, '`v1`：ステップ `$1` で実行が失敗する'],
      [/"(.+)" ran once in all/, '`$1` は全体で 1 回だけ実行された'],
      [/"(.+)" attempts \(v1, then v2\)/, '`$1` の試行（`v1`、次に `v2`）'],
      [/"(.+)" not redone/, '`$1` はやり直されなかった'],
    ],
  },
  'CP-03': {
    exact: {
      'single cancel: status': '1 件のキャンセル：ステータス',
      'bulk cancel by time range: API accepts the request': '時間範囲での一括キャンセル：API がリクエストを受け付ける',
      'no reminder sent by a cancelled run': 'キャンセルされた実行はリマインダーを送らなかった',
      'report run fails in v1': '`v1` ではレポートの実行が失敗する',
      'rerun after the fix: completed with the output': '修正後の再実行：出力を返して完了した',
      'cancel call to status CANCELLED': 'キャンセルの呼び出しからステータスが `CANCELLED` になるまで',
    },
    patterns: [[/cancelOn event: (\d+) sleeping runs cancelled/, '`cancelOn` のイベント：スリープ中の実行 $1 件がキャンセルされた']],
    raw: ['2xx'],
  },
  'CP-04': {
    exact: {
      'each containing "accounting API refused"': 'どれも `accounting API refused` を含む',
      'each: "accounting API refused…", one of the failed runs': 'どれも `accounting API refused…` と、失敗した実行のいずれか',
      'onFailure handler calls': '`onFailure` ハンドラーの呼び出し回数',
      'onFailure got the error message': '`onFailure` がエラーメッセージを受け取った',
      'function.failed events': '`function.failed` イベント',
      'function.failed carries the message and run id': '`function.failed` がメッセージと実行 ID を運ぶ',
      'failed runs listed by status': '失敗した実行をステータスで一覧できる',
      'every failed run replayed to completion': '失敗した実行をすべて再実行し、完了させた',
      'rerun all failed runs, one API call each, to all completed': '失敗した全実行を 1 件ずつ API で再実行し、すべて完了するまで',
    },
    patterns: [[/A function\.failed event carried: (.+)/s, '`function.failed` イベントの中身：`$1`']],
  },
};
