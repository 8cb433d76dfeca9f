/** OB: observability: the dashboard's API, metrics, traces, OpenTelemetry, alerts and logs. */
import type { EvidenceTable } from '../../index.ts';

export const ob: Record<string, EvidenceTable> = {
  'OB-01': {
    exact: {
      'trace: the retried step shows each attempt, once': 'トレース：再試行したステップに各試行が 1 回ずつ表示される',
      'a number of ms for each step': '各ステップにミリ秒の数値',
      'the output of "price the order" (containing 1200)': '`price the order` の出力（1200 を含む）',
      'runs list (GraphQL runs): the run is listed': '実行の一覧（GraphQL の `runs`）：その実行が載っている',
      'every step with its kind': '全ステップがその種類とともに載っている',
      'the retried step shows each attempt': '再試行したステップに各試行が表示される',
      'every step has a duration': '全ステップに所要時間がある',
      "a step's output is readable": 'ステップの出力を読める',
      "The dashboard UI is not bundled in this server binary (GET / answered HTTP 200 without the app's scripts); the checks below use the API the dashboard is built on.":
        'このサーバーのバイナリにはダッシュボードの画面が入っていない（`GET /` はアプリのスクリプトなしで HTTP 200 を返した）。以下のチェックは、ダッシュボードが使っている API で行う。',
    },
    patterns: [
      [/(\d+) attempt spans/, '試行のスパン $1 個'],
      [/lists ([0-9A-Z]{26})/, '`$1` が一覧に載る'],
      [/Trace as the dashboard's API returns it: (.+)/s, 'ダッシュボードの API が返すトレース：`$1`'],
    ],
  },
  'OB-02': {
    exact: {
      'defaults': '既定の設定',
      'experimental metrics on': '実験的なメトリクスを有効化',
      '/metrics answers in Prometheus text format': '`/metrics` が Prometheus のテキスト形式で応答する',
      'a run counter moves with the runs': '実行のカウンターが実行に応じて増える',
      'series exposed': '公開された系列',
      'HTTP 200 with # HELP lines': '`# HELP` 行を含む HTTP 200',
      'a run_* series that moved': '値が動いた `run_*` の系列',
    },
    patterns: [
      [/series that moved after (\d+) runs/, '$1 回の実行の後に値が動いた系列'],
      [/series names: (.+)/s, '系列名：`$1`'],
      [/moved: (.+)/s, '値が動いた系列：`$1`'],
    ],
  },
  'OB-03': {
    exact: {
      'the retried step: attempt spans in the trace, against the attempts it made': '再試行したステップ：トレース上の試行のスパン（実際の試行回数と比べて）',
      'spans without a start or end time': '開始時刻か終了時刻のないスパン',
      'every step kind is in the trace': 'すべての種類のステップがトレースに載っている',
      'the retried step shows both attempts': '再試行したステップに 2 回の試行が両方表示される',
      'every span has start and end times': '全スパンに開始時刻と終了時刻がある',
    },
    patterns: [
      [/(\d+) spans \(one per attempt: FAILED, then COMPLETED\)/, 'スパン $1 個（試行ごとに 1 個：`FAILED`、次に `COMPLETED`）'],
      [/sleep span duration \(nominal (.+)\)/, 'スリープのスパンの長さ（公称 $1）'],
    ],
  },
  'OB-04': {
    exact: {
      "the run's spans reach the OTLP collector": '実行のスパンが OTLP のコレクターに届く',
      'the HTTP call in a step carries a W3C traceparent': 'ステップ内の HTTP 呼び出しが W3C の `traceparent` を運ぶ',
      'the traceparent names the exported client span of that call': 'その `traceparent` は、エクスポートされたその呼び出しのクライアントスパンを指す',
      'the client span has the stable HTTP semantic-convention attributes': 'クライアントスパンに、HTTP のセマンティック規約の安定版の属性がある',
      'the client span has none of the deprecated HTTP attribute names': 'クライアントスパンに、非推奨の HTTP 属性名が 1 つもない',
      'every span names its service (resource service.name)': '全スパンがサービス名を持つ（リソースの `service.name`）',
      'the SDK exports an execution span carrying the run id': 'SDK が、実行 ID を持つ実行スパンをエクスポートする',
      "a span opened in a step with the context's tracer is exported": 'ステップ内でコンテキストのトレーサーを使って開いたスパンがエクスポートされる',
      "the SDK's attribute names follow OpenTelemetry's naming rules (lower case, snake_case)": 'SDK の属性名が OpenTelemetry の命名規則（小文字、`snake_case`）に従う',
      'spans made in steps hang under the execution span, and it under the incoming request': 'ステップ内で作ったスパンは実行スパンの下に、実行スパンは受け付けたリクエストの下にぶら下がる',
      'every step is a span of its own at the collector': 'コレクターでは、各ステップがそれぞれ 1 つのスパンになる',
      "the run's spans continue the server's trace of the run": '実行のスパンが、サーバー側のその実行のトレースに続く',
      "the server's trace shows the spans made inside steps (Extended Traces)": 'サーバーのトレースに、ステップ内で作ったスパンが表示される（`Extended Traces`）',
      "the call the server makes carries the run's trace context": 'サーバーが行う呼び出しが、実行のトレースコンテキストを運ぶ',
      'the server exports its own spans to a collector named in its environment': 'サーバーが、環境変数で指定したコレクターへ自身のスパンをエクスポートする',
      'spans of the run at the collector': 'コレクターに届いた実行のスパン',
      'span end → arrival at the collector': 'スパンの終了 → コレクターへの到着',
      'execution spans for the run': 'その実行の実行スパン',
      'spans over OTLP/HTTP': 'OTLP/HTTP で届くスパン',
      'same trace id, the client span as parent': '同じトレース ID で、親がクライアントスパン',
      "one trace, the server's": 'サーバーのトレース 1 本',
      "traceparent in the server's trace of the run": 'サーバー側のその実行のトレースにある `traceparent`',
      'export requests from the server': 'サーバーからのエクスポートのリクエスト',
      'present': 'あり',
      'absent': 'なし',
    },
    patterns: [
      [/spans tagged with step "(.+)"/, 'ステップ `$1` のタグが付いたスパン'],
      [/The run's trace at the collector: (.+)/s, 'コレクターでの実行のトレース：`$1`'],
      [/Attributes of the payments call's client span: (.+)/s, '決済 API 呼び出しのクライアントスパンの属性：`$1`'],
      [/Attributes the SDK adds to spans: (.+)/s, 'SDK がスパンに加える属性：`$1`'],
      [/Resource-style attributes the SDK copies onto its execution span: (.+)/s, 'SDK が実行スパンに写す、リソース由来の属性：`$1`'],
      [/Userland spans in the server's trace: (.+)/s, 'サーバーのトレースにある、利用者のコードのスパン：`$1`'],
      [
        /step\.fetch: run (\w+), output (.+?); the payments API got (\d+) call\(s\), user agent (.+?), traceparent (present|absent)/s,
        '`step.fetch`：実行は `$1`、出力は `$2`。決済 API への呼び出しは $3 回、ユーザーエージェントは `$4`、`traceparent` は{5}',
      ],
      [/connect\(\): the run (\w+); its trace at the collector: (.+)/s, '`connect()`：実行は `$1`。コレクターでのトレース：`$2`'],
      [/Export requests after that restart, by sender: (.+)/s, 'その再起動の後のエクスポートのリクエスト（送信元別）：`$1`'],
    ],
    raw: ['00-<trace id>-<parent id>-<flags>', 'render receipt'],
  },
  'OB-05': {
    exact: {
      'the failure reached the webhook': '失敗が Webhook に届いた',
      'failure → webhook call': '失敗 → Webhook の呼び出し',
    },
  },
  'OB-06': {
    exact: {
      'inside steps: one line per step': 'ステップ内：ステップごとに 1 行',
      'outside steps: the top line is logged once per run, not once per entry': 'ステップ外：先頭の行は、ハンドラーに入るたびではなく、実行ごとに 1 回記録される',
      'between steps: logged once, not on every later entry': 'ステップ間：1 回だけ記録され、その後ハンドラーに入るたびには記録されない',
      'lines logged at the top of the handler': 'ハンドラーの先頭で記録された行',
      'lines logged between steps': 'ステップ間で記録された行',
    },
  },
};
