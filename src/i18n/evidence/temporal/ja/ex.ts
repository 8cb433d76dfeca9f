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
};
