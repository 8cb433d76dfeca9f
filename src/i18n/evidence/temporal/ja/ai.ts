/** AI: Temporal's evidence strings in Japanese, keyed by criterion. */
import type { EvidenceTable } from '../../index.ts';

export const ai: Record<string, EvidenceTable> = {
  'AI-01': {
    exact: {
      'activity: the model was called once': 'アクティビティ：モデルの呼び出しは 1 回だった',
      'activity: the workflow returned that one answer': 'アクティビティ：ワークフローはその 1 つの答えを返した',
      'the model\'s answer ("Lucky number …")': 'モデルの答え（`Lucky number …`）',
      'replays saw the recorded answer, not a new one': 'リプレイは新しい答えではなく、記録済みの答えを見た',
      'one answer on every execution, ≥ 2 executions': 'どの実行でも同じ 1 つの答え（実行は 2 回以上）',
      'replays that ran the workflow code again': 'ワークフローのコードをもう一度実行したリプレイ',
      '≥ 1 replay': 'リプレイが 1 回以上',
      'the history holds the two activity results (model call and store)': '履歴には 2 つのアクティビティの結果（モデル呼び出しと保存）がある',
      'the stored summary is the model answer': '保存された要約はモデルの答えだった',
      '429: retried, then completed': '429：再試行の後に完了した',
      '429: the result recorded is the answer after the retries': '429：記録された結果は再試行後の答えだった',
      '429: the history shows one activity, started on attempt 3': '429：履歴にはアクティビティが 1 つあり、3 回目の試行で開始している',
      'workflow code executions (first run and replays)': 'ワークフローのコードの実行回数（初回とリプレイ）',
      '429 → next attempt (retry policy initial interval 1 s, coefficient 2)': '429 から次の試行まで（リトライポリシーの初回間隔 1 秒、係数 2）',
    },
    raw: ['The answer is 42.'],
  },
  'AI-02': {
    exact: {
      'the run completed after the crash': 'クラッシュの後に実行が完了した',
      'the model was asked once': 'モデルへの問い合わせは 1 回だった',
      'every later step, before and after the crash, saw one answer': 'クラッシュの前も後も、後続のステップはすべて同じ 1 つの答えを見た',
      'the workflow code saw the same answer on the new worker (replayed from history)': '新しいワーカーの上でも、ワークフローのコードは同じ答えを見た（履歴からリプレイ）',
      'one answer, also on a replay': 'リプレイでも同じ 1 つの答え',
      'the run returned that answer': '実行はその答えを返した',
      'steps that read the recorded answer': '記録済みの答えを読んだステップ',
    },
  },
  'AI-03': {
    exact: {
      'approval continues to publish': '承認すると公開へ進む',
      "the approver got the workflow's acknowledgement back (update result)": '承認者はワークフローからの応答を受け取った（更新の結果）',
      'rejection takes the reject path': '却下すると却下の経路を通る',
      'no answer before the deadline takes the reject path': '期限までに応答がなければ却下の経路を通る',
      'the workflows returned their outcomes': 'ワークフローはそれぞれの結果を返した',
      'a late approval after the deadline is refused': '期限後の承認は拒まれる',
      'an error: the workflow has already completed': 'エラー（ワークフローはすでに完了している）',
      'approval sent → update acknowledged': '承認の送信から更新の応答まで',
      'approval sent → published': '承認の送信から公開まで',
      'rejection sent → sent back': '却下の送信から差し戻しまで',
      'no answer: asked → rejected (deadline 3000 ms)': '応答なし：依頼から却下まで（期限 3000 ms）',
    },
    raw: ['published', 'rejected', 'timed out, rejected', 'approve accepted'],
  },
  'AI-04': {
    exact: {
      'batched (flush every 200 ms)': 'バッチ送信（200 ms ごとにフラッシュ）',
      'forceFlush on every token': 'トークンごとに `forceFlush`',
      'run completed': '実行が完了した',
      'every token arrived, in order, once': 'すべてのトークンが順番どおり 1 回ずつ届いた',
      'workflow started → first token received': 'ワークフロー開始から最初のトークン受信まで',
      'token published → received': 'トークンの送信から受信まで',
      "signals in the history (publish batches, and the reader's)": '履歴のシグナル数（送信のバッチと、読み手からのもの）',
    },
    patterns: [[/first to last token \(produced over (\d+) ms\)/, '最初から最後のトークンまで（生成にかかった時間は $1 ms）']],
  },
  'AI-05': {
    exact: {
      'the agent completed': 'エージェントが完了した',
      'the tool ran as an activity: times it started': 'ツールはアクティビティとして実行された：開始した回数',
      'the answer used the tool result': '答えはツールの結果を使った',
      'an answer containing "ships tomorrow"': '`ships tomorrow` を含む答え',
      'model calls: the one before the crash was not repeated (2 in all)': 'モデル呼び出し：クラッシュ前の呼び出しは繰り返されなかった（全部で 2 回）',
      'tool: interrupted once, finished once': 'ツール：1 回中断され、1 回完了した',
      'model calls and the tool appear as activities in the history': 'モデル呼び出しとツールが履歴にアクティビティとして現れる',
      'model-call activities and lookupOrder': 'モデル呼び出しのアクティビティと `lookupOrder`',
    },
    patterns: [
      [/Run output: (.+)/s, '実行の出力：`$1`'],
      [/Activities scheduled, in order: (.+)/, 'スケジュールされたアクティビティ（順に）：`$1`'],
    ],
  },
  'AI-06': {
    exact: {
      'activities: the run completes after the flaky tool recovers': 'アクティビティ：不安定なツールが回復した後に実行が完了する',
      'tools as activities: only the flaky tool is retried': 'ツールをアクティビティにすると、再試行されるのは不安定なツールだけ',
      "the model's answer used the tool result": 'モデルの答えはツールの結果を使った',
      'an answer containing "QF-123"': '`QF-123` を含む答え',
      'the history: the booking tool scheduled once, started on attempt 3': '履歴：予約ツールは 1 回スケジュールされ、3 回目の試行で開始した',
      'one activity: the run completes after the flaky tool recovers': '1 つのアクティビティ：不安定なツールが回復した後に実行が完了する',
      'tools in one activity: every earlier tool is called again on each retry': 'ツールを 1 つのアクティビティにまとめると、再試行のたびに先行のツールもすべて呼び直される',
      'booking tool: attempt → next attempt (its own policy: 500 ms, coefficient 2)': '予約ツール：試行から次の試行まで（専用のポリシー：500 ms、係数 2）',
    },
    patterns: [[/Activities scheduled, in order: (.+)/, 'スケジュールされたアクティビティ（順に）：`$1`']],
  },
};
