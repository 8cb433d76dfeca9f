/** VR: Temporal's evidence strings in Japanese, keyed by criterion. */
import type { EvidenceTable } from '../../index.ts';

export const vr: Record<string, EvidenceTable> = {
  'VR-01': {
    exact: {
      'A (started on v1), change deployed without a guard: workflow task failure causes': 'A（`v1` で開始）、保護なしの変更をデプロイ：ワークフロータスクの失敗の原因',
      'A, without a guard: runs stay': 'A、保護なし：実行の状態',
      'A, without a guard: fraud checks run / parcels shipped': 'A、保護なし：実行された不正チェック／発送された荷物',
      'A (started on v1) on the patched code: outputs': 'A（`v1` で開始）を `patched()` 付きのコードで：出力',
      'A on the patched code: fraud checks run (old branch skips it)': 'A を `patched()` 付きのコードで：実行された不正チェック（古い分岐は飛ばす）',
      'B (started on the patched code): outputs': 'B（`patched()` 付きのコードで開始）：出力',
      'B: fraud checks run (new branch)': 'B：実行された不正チェック（新しい分岐）',
      'B: patch markers in the history': 'B：履歴にあるパッチのマーカー',
      'C (started on the patched code) on the deprecated-patch code: outputs': 'C（`patched()` 付きのコードで開始）を `deprecatePatch()` のコードで：出力',
      'C: fraud checks run (once each, not again on replay)': 'C：実行された不正チェック（それぞれ 1 回、リプレイで再実行しない）',
      'D (started on v1) on the deprecated-patch code: workflow task failure causes': 'D（`v1` で開始）を `deprecatePatch()` のコードで：ワークフロータスクの失敗の原因',
      'D back on the patched code: outputs': 'D を `patched()` 付きのコードに戻して：出力',
      'every group: fraud checks / stock reservations / parcels shipped': '各グループ：不正チェック／在庫確保／発送の回数',
      // As recorded by the first version of the probe (archived run), which asked patched() twice.
      'every group: stock reserved once and parcel shipped once per workflow': '各グループ：ワークフローごとに在庫確保 1 回、発送 1 回',
    },
    patterns: [
      [/History of (\S+) at its end: (.+)/s, '`$1` の最後の履歴：`$2`'],
    ],
    // The workflows' own outputs and the server's causes and statuses, quoted as they are.
    raw: [/^\[.*\]$/, /^\{.*\}$/],
  },
  'VR-02': {
    exact: {
      'histories found by the visibility query (5 closed, 1 in flight)': '可視性クエリで見つかった履歴（完了 5 件、実行中 1 件）',
      'same code (v1)': '同じコード（`v1`）',
      'compatible change (patched() activity, changed result)': '互換な変更（`patched()` で保護したアクティビティ、変えた結果）',
      'express path changed (activity replaced, no guard)': 'エクスプレスの経路を変更（アクティビティを置き換え、保護なし）',
      'activity inserted first (no guard)': '先頭にアクティビティを挿入（保護なし）',
      'histories rejected (of 6)': '拒否された履歴（6 件中）',
      'the in-flight history is rejected too': '実行中の履歴も拒否される',
      'activities executed by the replays': 'リプレイで実行されたアクティビティ',
      'the in-flight order still finishes on v1': '実行中の注文はそのまま `v1` で完了する',
      'none': 'なし',
      'accepted': '受け入れられた',
    },
    patterns: [
      [/replay of 6 histories: (.+)/, '6 件の履歴のリプレイ：{1}'],
      [/(.+): (DeterminismViolationError: .+)/s, '{1}：`$2`'],
    ],
    raw: ['DeterminismViolationError', 'standard shipped', /^\[("(express|standard)",?)+\]$/],
  },
  'VR-03': {
    exact: {
      'v1 made current (previous current version)': '`v1` を現在のバージョンにした（それまでの現在のバージョン）',
      'on v1: versioning of a pinned and an auto-upgrading order': '`v1` の上で：固定の注文と自動アップグレードの注文のバージョニング',
      'a new order after v2 became current: output': '`v2` が現在のバージョンになった後の新しい注文：出力',
      'a new order: activities ran on': '新しい注文：アクティビティが動いたバージョン',
      'auto-upgrading orders started on v1: outputs': '`v1` で始まった自動アップグレードの注文：出力',
      'auto-upgrading order: activities ran on (reserve before, ship after the switch)': '自動アップグレードの注文：アクティビティが動いたバージョン（切り替え前に在庫確保、切り替え後に発送）',
      'pinned orders started on v1 and signalled, while only v2 runs: parcels shipped': '`v1` で始まりシグナルを受けた固定の注文、`v2` だけが動いている間：発送された荷物',
      'pinned orders while only v2 runs: versioning': '`v2` だけが動いている間の固定の注文：バージョニング',
      'pinned order moved to v2 by an override: outcome': 'オーバーライドで `v2` に移した固定の注文：結果',
      'NON_DETERMINISTIC_ERROR (v2 changed the code before the wait)': '`NON_DETERMINISTIC_ERROR`（`v2` は待機より前のコードを変えた）',
      'pinned order drained on the v1 worker: output': '`v1` のワーカーで処理し切った固定の注文：出力',
      'batch terminate by query (still running on v1): state and workflows terminated': 'クエリによる一括終了（`v1` でまだ実行中のもの）：状態と終了したワークフロー数',
      'COMPLETED, ≥ 1': '`COMPLETED`、1 以上',
      'pinned orders at the end: drained on v1, left waiting on v1 and batch-terminated': '最後の固定の注文：`v1` で処理し切ったもの、`v1` で待たせたまま一括終了したもの',
      'every order reserved stock once': 'どの注文も在庫確保は 1 回',
      'batch terminate: start to completed': '一括終了：開始から完了まで',
    },
    patterns: [
      [/describeWorkerDeployment: current (\S+); versions (.+)/, '`describeWorkerDeployment`：現在のバージョン `$1`、バージョン一覧 `$2`'],
      [/The order moved to v2 by the override ended the batch as (\w+) \(versioning (.+)\)\./, 'オーバーライドで `v2` に移した注文は、一括終了の後 `$1` だった（バージョニング `$2`）。'],
    ],
    // The workflows' own output, the server's version names and statuses, quoted as they are.
    raw: ['__unversioned__', 'finished on v1', 'finished on v2', 'NON_DETERMINISTIC_ERROR', /^COMPLETED, \d+$/, /^\[.*\]$/, /^\{.*\}$/],
  },
  'VR-04': {
    exact: {
      'the input as the history keeps it: encoding': '履歴に残る入力：エンコーディング',
      'the input as the history keeps it: data': '履歴に残る入力：データ',
      'renamed field (name → fullName) read by v2 from an old payload': '名前を変えたフィールド（`name` → `fullName`）を v2 が古いペイロードから読んだ値',
      'added optional field (locale) absent from an old payload': '追加した任意のフィールド（`locale`）は古いペイロードにない',
      'removed field (plan) still in the old payload v2 reads: its keys': '削除したフィールド（`plan`）は v2 が読む古いペイロードに残る：そのキー',
      'retyped field (amount string → number): the workflow task fails': '型を変えたフィールド（`amount` を文字列から数値に）：ワークフロータスクが失敗する',
      'WORKFLOW_WORKER_UNHANDLED_FAILURE with a TypeError': '`TypeError` による `WORKFLOW_WORKER_UNHANDLED_FAILURE`',
      'retyped field: the run': '型を変えたフィールド：実行',
      'payload missing a required field: accepted by the server, read as': '必須のフィールドが欠けたペイロード：サーバーは受け付け、読まれた値は',
      'retyped field, after the upgrading code is deployed: run output': '型を変えたフィールド、変換するコードをデプロイした後：実行の出力',
      'versioned input: old and new payloads side by side': '版付きの入力：新旧のペイロードを並べて',
    },
    // The workflows' own output and the payload as recorded, quoted as they are.
    raw: ['json/plain', 'Welcome, undefined', 'default', 'charged 12.50', 'RUNNING', /^WORKFLOW_WORKER_UNHANDLED_FAILURE: .*/s, /^\{"name".*\}$/, /^\[.*\]$/],
  },
};
