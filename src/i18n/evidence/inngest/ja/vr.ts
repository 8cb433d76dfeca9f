/** VR: versioning: changing code under runs in flight, detecting changes, routing and event shapes. */
import type { EvidenceTable } from '../../index.ts';

export const vr: Record<string, EvidenceTable> = {
  'VR-01': {
    exact: {
      'step added': 'ステップの追加',
      'step removed': 'ステップの削除',
      'step renamed': 'ステップ名の変更',
      'steps reordered': 'ステップの順序の変更',
      'step body changed': 'ステップ本体の変更',
      'the run finishes on the new code': '実行が新しいコードで完了する',
      'completed steps are not run again': '完了済みのステップは再び実行されない',
      'the new step runs in the in-flight run': '進行中の実行でも新しいステップが実行される',
      'the run keeps the old step result': '実行は古いステップの結果を保つ',
    },
    patterns: [[/charged (\d+) \(v1 price\)/, '$1 を課金（`v1` の価格）']],
  },
  'VR-02': {
    exact: {
      'lint flags the nested step: rules that fired': 'リントが入れ子のステップを指摘する：反応したルール',
      'lint flags the un-awaited send: rules that fired': 'リントが `await` していない送信を指摘する：反応したルール',
      'the run reports the change (status, error or trace)': '実行が変更を報告する（ステータス、エラー、トレースのいずれか）',
      'the SDK logged something about the changed steps': 'SDK が、変更されたステップについて何かをログに出した',
      'lint flags the nested step': 'リントが入れ子のステップを指摘する',
      'lint flags the un-awaited send': 'リントが `await` していない送信を指摘する',
      'lint flags the renamed step id': 'リントが名前を変えたステップ ID を指摘する',
      'effects repeated by the rename': '名前の変更で繰り返された副作用',
      'a failure, error or warning': '失敗、エラー、警告のいずれか',
      'a warning or error line': '警告かエラーの行',
      'a finding on the renamed step': '名前を変えたステップへの指摘',
    },
    patterns: [
      [/includes (@inngest\/[\w-]+)/, '`$1` を含む'],
      [/Rules in @inngest\/eslint-plugin: (.+)/, '`@inngest/eslint-plugin` のルール：`$1`'],
      [/lint (@inngest\/[\w-]+) at `(.+?)`: (.+)/s, 'リント `$1`（`$2` の箇所）：`$3`'],
    ],
  },
  'VR-03': {
    exact: {
      'bulk cancel endpoint (POST /v1/cancellations): the long-running v1 runs cancelled': '一括キャンセルのエンドポイント（`POST /v1/cancellations`）：長く続く `v1` の実行がキャンセルされた',
      'list-then-cancel loop (one cancel request per listed run): the long-running v1 runs all cancelled': '一覧してからキャンセルするループ（一覧の実行ごとにキャンセルの要求を 1 回）：長く続く `v1` の実行がすべてキャンセルされた',
      'routing: version-2 events go to the new function only': 'ルーティング：バージョン 2 のイベントは新しい関数だけに届く',
      'routing: version-1 events still go to the old function': 'ルーティング：バージョン 1 のイベントは引き続き古い関数に届く',
      'drain: v1 runs in flight finished on the old function': '処理の引き上げ：進行中の `v1` の実行は古い関数で完了した',
      'bulk cancel: the long-running v1 runs, found by status, all cancelled': '一括キャンセル：長く続く `v1` の実行をステータスで見つけ、すべてキャンセルした',
      'list and cancel the old runs': '古い実行の一覧とキャンセル',
    },
    patterns: [
      [/HTTP (\d+) \(\), (\d+) of (\d+) CANCELLED/, '`HTTP $1`（本文なし）、$3 件中 $2 件が `CANCELLED`'],
      [/HTTP (\d+) \((.+)\), (\d+) of (\d+) CANCELLED/, '`HTTP $1`（`$2`）、$4 件中 $3 件が `CANCELLED`'],
      [/2xx, (\d+) of (\d+) CANCELLED/, '`2xx`、$2 件中 $1 件が `CANCELLED`'],
    ],
  },
  'VR-04': {
    exact: {
      'extra field: accepted, and passed through to the function: the keys it saw': '余分なフィールド：受け入れられ、関数まで渡される：関数が見たキー',
      'includes referrer': '`referrer` を含む',
      'old-shape event (no locale) accepted': '旧形式のイベント（`locale` なし）が受け入れられた',
      'new-shape event (with locale) accepted': '新形式のイベント（`locale` あり）が受け入れられた',
      'missing field: the client refuses to send, naming the field': 'フィールドの欠落：クライアントがフィールド名を挙げて送信を拒む',
      'missing field, sent raw: the function refuses it before any step': 'フィールドの欠落（そのまま送信）：関数がどのステップよりも前に拒否する',
      'extra field: accepted, and passed through to the function': '余分なフィールド：受け入れられ、関数まで渡される',
    },
    patterns: [
      [/an error naming "(.+)"/, '`$1` を名指しするエラー'],
      [/The function's error for the raw broken event: (.+)/s, '壊れたイベントをそのまま送ったときの関数のエラー：`$1`'],
    ],
    raw: ['default', 'ja-JP'],
  },
};
