/**
 * What probes wrote as a check's observed value, where it is a phrase of theirs rather than a raw value
 * ("nothing", "not ended within 25000 ms (RUNNING)"), in Japanese, for prose that quotes it (<Observed>). The
 * engine's own output (an SDK's error message, a validator's) stays as it is: `raw`.
 */
import type { EvidenceTable } from '../../index.ts';

export const observed: Record<string, EvidenceTable> = {
  'CP-03': { patterns: [[/HTTP (\d{3}):? ?/, '`HTTP $1`']] },
  'DX-04': {
    patterns: [[/still pending after (\d+) ms/, '$1 ms 後も保留中のまま']],
    // The test library's result, cut short by the probe: the SDK's own words.
    raw: [/\{"error":.*/s],
  },
  'DX-05': {
    patterns: [
      [/([A-Z]+) after (\d+) s \(then cancelled\)/, '$2 秒後も `$1`（その後キャンセル）'],
      [/([A-Z]+): (null|.+)/, '`$1`：`$2`'],
    ],
    raw: [/"createFunction" expected .*/s],
  },
  'EX-04': {
    patterns: [
      [/not ended within (\d+) ms \(([A-Z_]+)\)/, '$1 ms 以内に終了せず（`$2`）'],
      [/not ended within (\d+) ms \(unknown to the server \((.*)\)\)/s, '$1 ms 以内に終了せず（サーバーはこの実行を知らない：`$2`）'],
    ],
  },
  'EX-06': { exact: { nothing: 'なし' } },
  'EX-07': { exact: { 'string (ISO 8601)': '文字列（ISO 8601）', 'object (entries lost)': 'オブジェクト（エントリは失われる）' } },
  'OB-04': {
    exact: {
      'no traceparent': '`traceparent` なし',
      'same trace id, the client span as parent': '同じトレース ID で、親はクライアントスパン',
    },
    patterns: [
      [/(\d+) trace\(s\); none is the server's/, 'トレース $1 本、サーバーのものは含まれない'],
      [/(\d+) trace\(s\); the server's among them/, 'トレース $1 本、サーバーのものを含む'],
      [/(\d+) request\(s\) from the server/, 'サーバーからのリクエスト $1 件'],
    ],
  },
  'OP-02': {
    patterns: [
      [/HTTP (\d{3})/, '`HTTP $1`'],
      [/HTTP (\d{3}): (.*)/s, '`HTTP $1`：`$2`'],
      [/HTTP (\d{3}), ([A-Z_]+)/, '`HTTP $1`、`$2`'],
    ],
  },
  'OP-03': {
    exact: { 'never woke': '再開しなかった' },
    patterns: [[/woke on inngest start with (\w+)/, '$1 を使う `inngest start` で再開した']],
  },
  'RT-02': { patterns: [[/([A-Z_]+), step finished (\d+)×/, '`$1`、ステップは $2 回最後まで実行']] },
  'RT-04': { patterns: [[/(\d+) attempt\(s\), run ([A-Z_]+)/, '試行 $1 回、実行は `$2`']] },
  'VR-02': {
    exact: { 'nothing': 'なし', 'no finding': '指摘なし' },
    patterns: [[/status ([A-Z_]+), error (\S+), unusual spans (.+)/, 'ステータス `$1`、エラー `$2`、通常と異なるスパン `$3`']],
  },
  // The schema validator's own message.
  'VR-04': { raw: [/\w+: Invalid option: .*/s] },
  'WF-04': { patterns: [[/([A-Z_]+), loop finished/, '`$1`、ループは最後まで実行']] },
};
