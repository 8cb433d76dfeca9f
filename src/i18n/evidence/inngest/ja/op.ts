/** OP: operations: deployment, the management API, state stores, scaling, retention, HA and fairness. */
import type { EvidenceTable } from '../../index.ts';

export const op: Record<string, EvidenceTable> = {
  'OP-01': {
    exact: {
      'serve() on the dev server': '開発サーバーでの `serve()`',
      'connect() on the dev server': '開発サーバーでの `connect()`',
      'serve() on inngest start': '`inngest start` での `serve()`',
      'the function runs': '関数が実行される',
      'worker start to ready': 'ワーカーの起動から準備完了まで',
      'serve() on the dev server needs an HTTP endpoint the server can reach, and a sync (PUT) after each deploy.':
        '開発サーバーでの `serve()` には、サーバーから到達できる HTTP のエンドポイントと、デプロイのたびの同期（`PUT`）が要る。',
      'connect() on the dev server needs only an outbound connection to the server; no inbound port, no sync call.':
        '開発サーバーでの `connect()` に要るのは、サーバーへの外向きの接続だけ。受け付け用のポートも、同期の呼び出しも要らない。',
      'serve() on inngest start needs the server started with a signing key and an event key; the app configured with both.':
        '`inngest start` での `serve()` には、署名キーとイベントキーを指定して起動したサーバーと、その両方を設定したアプリが要る。',
    },
    raw: [/hello via .+/],
  },
  'OP-02': {
    exact: {
      'cancel (POST /api/v2/runs/{id}/cancel), then the run is CANCELLED': 'キャンセル（`POST /api/v2/runs/{id}/cancel`）、その後の実行は `CANCELLED`',
      '2xx listing our sleeping run': '`2xx`、こちらのスリープ中の実行が一覧に載る',
      '2xx with the sleep "long nap"': '`2xx`、スリープ `long nap` を含む',
      'list runs': '実行の一覧',
      'get a run': '実行の取得',
      'cancel': 'キャンセル',
      'bulk cancel': '一括キャンセル',
      'read the trace': 'トレースの読み出し',
      'cancel a run': '実行のキャンセル',
      'rerun a failed run': '失敗した実行の再実行',
      'list webhooks': 'Webhook の一覧',
      'response time': '応答時間',
      '2xx listing our runs': '`2xx`、こちらの実行が一覧に載る',
      '2xx, RUNNING': '`2xx`、`RUNNING`',
      '2xx with the sleep': '`2xx`、スリープを含む',
      '2xx, then CANCELLED': '`2xx`、その後 `CANCELLED`',
      '2xx with a new run id': '`2xx`、新しい実行 ID',
    },
    patterns: [
      [/(.+) \(((?:GET|POST) \/\S+)\)/, '{1}（`$2`）'],
      [/The same sleeping run as GraphQL reports it: (.+)\./, '同じスリープ中の実行を GraphQL で見た状態：`$1`'],
      [/Other management routes on this server: (.+)\./s, 'このサーバーのその他の管理用ルート：`$1`'],
    ],
    raw: ['2xx'],
  },
  'OP-03': {
    exact: {
      'gone': '消えている',
      'PostgreSQL: runs are recorded there (rows in function_runs)': 'PostgreSQL：実行がそこに記録される（`function_runs` の行）',
      'PostgreSQL: the app and its functions are recorded there (rows)': 'PostgreSQL：アプリとその関数がそこに記録される（行）',
      'dev defaults (in memory)': '`dev` の既定（メモリ内）',
      'inngest start with SQLite': 'SQLite を使う `inngest start`',
      'inngest start with PostgreSQL': 'PostgreSQL を使う `inngest start`',
      'PostgreSQL': 'PostgreSQL',
      'PostgreSQL mode': 'PostgreSQL モード',
      'PostgreSQL mode, one run asleep': 'PostgreSQL モードで実行 1 件がスリープ中',
      'a finished run is no longer in the history after a restart': '再起動の後、完了した実行は履歴から消えている',
      'a sleeping run is lost after a restart': '再起動の後、スリープ中の実行は失われる',
      'a finished run is still in the history after a restart': '再起動の後も、完了した実行は履歴に残っている',
      'a sleeping run resumes after a restart': '再起動の後、スリープ中の実行が再開する',
      'runs are recorded there': '実行がそこに記録される',
      'the app and its functions are recorded there': 'アプリとその関数がそこに記録される',
      'SQLite files do not grow': 'SQLite のファイルは大きくならない',
      'keys in Redis': 'Redis のキー',
      'tables the server created': 'サーバーが作ったテーブル',
      'tables holding rows': '行のあるテーブル',
      'never woke': '再開しなかった',
    },
    patterns: [
      [/woke on inngest start with (SQLite|PostgreSQL)/, '$1 を使う `inngest start` で再開した'],
      [/PostgreSQL tables with rows: (.+)\./s, '行のある PostgreSQL のテーブル：`$1`'],
    ],
  },
  'OP-04': {
    exact: {
      'io-bound': 'I/O 待ち',
      'io-bound, default pool': 'I/O 待ち、既定のプール',
      'every run done': 'すべての実行が終わった',
      'work spread over every process': '作業がすべてのプロセスに分散した',
      'runs per process': 'プロセスごとの実行数',
      'most runs in flight at once': '同時に進行中だった実行の最大数',
      'CPU-bound: throughput with two processes ÷ with one': 'CPU 負荷：2 プロセスのスループット ÷ 1 プロセスのスループット',
      'I/O-bound: throughput with two processes ÷ with one': 'I/O 待ち：2 プロセスのスループット ÷ 1 プロセスのスループット',
      'I/O-bound: throughput with twice the executor pool ÷ default': 'I/O 待ち：実行プールを 2 倍にしたスループット ÷ 既定のスループット',
    },
    patterns: [
      [/cpu-bound, (\d+) worker process\(es\): (.+)/, 'CPU 負荷、ワーカープロセス $1 個：{2}'],
      [/io-bound, (\d+) worker process\(es\): (.+)/, 'I/O 待ち、ワーカープロセス $1 個：{2}'],
      [/io-bound, (\d+) worker process\(es\), (--queue-workers \d+): (.+)/, 'I/O 待ち、ワーカープロセス $1 個、`$2`：{3}'],
      [/runs in flight capped by the server's executor pool \((\d+)\)/, '同時に進行中の実行数が、サーバーの実行プール（$1）で頭打ちになる'],
      [/runs in flight never above the server's executor pool \((\d+)\)/, '同時に進行中の実行数が、サーバーの実行プール（$1）を一度も超えない'],
      [/the peak comes within (\d+)% of the pool \((\d+)\)/, 'ピークがプール（$2）の $1% 以内に届く'],
      [/a pool of (\d+) lets more runs into flight than the default/, 'プールを $1 にすると、既定より多くの実行が同時に進行する'],
      [/CPU-bound: a second process adds throughput \(at least (.+)×\)/, 'CPU 負荷：2 つ目のプロセスでスループットが上がる（$1 倍以上）'],
      [
        /The ideal for one process is (\d+) CPU-bound runs\/s; I\/O-bound runs are bounded by how many the server dispatches at once, not by the worker\./,
        '1 プロセスの理想は、CPU 負荷の実行で毎秒 $1 件。I/O 待ちの実行は、ワーカーではなく、サーバーが一度に送り出す数で頭打ちになる。',
      ],
    ],
  },
  'OP-05': {
    exact: {
      'sleeping runs hold state in Redis: keys before, while asleep': 'スリープ中の実行は状態を Redis に持つ：前と、スリープ中のキーの数',
      'when the sleepers finish, their run state leaves Redis: keys then, after': 'スリープしていた実行が終わると、その状態は Redis から消える：その時点と、後のキーの数',
      'history in SQLite grows with finished runs: bytes before, after 200': 'SQLite の履歴は完了した実行とともに増える：前と、200 件の後のバイト数',
      'no history is removed once runs finish: bytes then, after every run finished': '実行が完了した後、履歴は削除されない：その時点と、全実行の完了後のバイト数',
      'more while asleep': 'スリープ中のほうが多い',
      'fewer after': '後のほうが少ない',
      'more after': '後のほうが多い',
      'no fewer after': '後のほうが少なくない',
      'sleeping runs hold state in Redis': 'スリープ中の実行は状態を Redis に持つ',
      'when the sleepers finish, their run state leaves Redis': 'スリープしていた実行が終わると、その状態は Redis から消える',
      'every key finished runs leave in Redis expires': '完了した実行が Redis に残すキーは、すべて期限切れで消える',
      'history in SQLite grows with every finished run': 'SQLite の履歴は、実行が完了するたびに増える',
      'no history is removed once runs finish': '実行が完了した後、履歴は削除されない',
      'Redis keys per sleeping run': 'スリープ中の実行 1 件あたりの Redis のキー',
      'Redis memory per sleeping run': 'スリープ中の実行 1 件あたりの Redis のメモリ',
      'Redis keys left per finished run': '完了した実行 1 件あたりに残る Redis のキー',
      'Redis keys left per finished run that expire': '完了した実行 1 件あたりに残る、期限付きの Redis のキー',
      'Redis memory left per finished run': '完了した実行 1 件あたりに残る Redis のメモリ',
      'SQLite history per finished run': '完了した実行 1 件あたりの SQLite の履歴',
      'Redis keys after every run finished, minus before the first': '全実行の完了後の Redis のキーから、最初の実行の前の数を引いたもの',
      'SQLite history after every run finished': '全実行の完了後の SQLite の履歴',
      'Average time to live of the keys finished runs leave in Redis': '完了した実行が Redis に残すキーの、平均の残り寿命',
      '`inngest start --help` offers no retention or cleanup option, and nothing in this run deleted history: it grows until the database is cleaned by hand.':
        '`inngest start --help` には保持期間や掃除のオプションがなく、この実行でも履歴は何も削除されなかった。データベースを手で掃除するまで増え続ける。',
    },
  },
  'OP-06': {
    exact: {
      'Multi-region and failover need several servers and regions; one machine with one server process cannot show them. The rationale cites the documentation.':
        'マルチリージョンとフェイルオーバーには複数のサーバーとリージョンが要る。サーバープロセスが 1 つだけのマシン 1 台では示せない。評価の根拠ではドキュメントを引用している。',
    },
    patterns: [
      [
        /One server in mode "(.+)" served the run; there is no second server or region on this machine to fail over to\./,
        '実行を受け持ったのは、モード `$1` のサーバー 1 台。このマシンには、フェイルオーバー先となる 2 台目のサーバーもリージョンもない。',
      ],
    ],
  },
  'OP-07': {
    exact: {
      "per-tenant limit: B's runs start within two work periods despite A's flood (longest delay)": 'テナントごとの上限：A の大量の実行があっても、B の実行は作業 2 周期以内に始まる（最長の待ち時間）',
      'shared limit': '共有の上限',
      'per-tenant limit': 'テナントごとの上限',
      "all of tenant B's runs started": 'テナント B の実行がすべて開始した',
      "B's runs wait behind A's flood (at least half of it)": 'B の実行は、A の大量の実行の後ろで待たされる（少なくともその半分）',
      "B's runs start within two work periods despite A's flood": 'A の大量の実行があっても、B の実行は作業 2 周期以内に始まる',
      'tenant B queue delay': 'テナント B のキューでの待ち時間',
      "per-tenant limit: B's longest wait per round, in ms": 'テナントごとの上限：回ごとの B の最長の待ち時間（ms）',
      "shared limit: B's longest wait per round, in ms": '共有の上限：回ごとの B の最長の待ち時間（ms）',
    },
    patterns: [
      [
        /< (\d+) in all (\d+) rounds \(halfway between (\d+), B's own queue, and (\d+), A's whole flood\)/,
        '$2 回すべてで $1 未満（B 自身の待ち行列の $3 と、A の大量の実行すべての $4 の中間）',
      ],
      [
        /> (\d+) in at least (\d+) of (\d+) rounds \(halfway between (\d+), B's own queue, and (\d+), A's whole flood\)/,
        '$3 回中 $2 回以上で $1 を超える（B 自身の待ち行列の $4 と、A の大量の実行すべての $5 の中間）',
      ],
      [/((?:shared|per-tenant) limit), round (\d+): B's runs started ([\d, ]+) of (\d+)/, '{1}、$2 回目：B の実行が始まった順番は $4 件中 $3 番目'],
    ],
  },
};
