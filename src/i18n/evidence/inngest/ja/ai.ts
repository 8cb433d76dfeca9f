/** AI: model calls, agents and streams. */
import type { EvidenceTable } from '../../index.ts';

export const ai: Record<string, EvidenceTable> = {
  'AI-01': {
    exact: {
      'the model\'s answer ("Lucky number …")': 'モデルの回答（`Lucky number …`）',
      'the model was called once': 'モデルの呼び出しは 1 回だけ',
      'the run returned that one answer': '実行はその 1 つの回答を返した',
      'completed with the model answer': 'モデルの回答で完了した',
      'the server called the model once': 'サーバーがモデルを 1 回だけ呼び出した',
      'the trace marks the step as an AI gateway call': 'トレースがこのステップを AI ゲートウェイの呼び出しとして記録している',
      'handler entries during the run': '実行中にハンドラーに入った回数',
      '429: retried, then completed': '`429` の応答：再試行の後に完了した',
    },
    patterns: [[/429 → retry delay \(retry-after: (.+)\)/, '`429` → 再試行までの待ち（`retry-after: $1`）']],
  },
  'AI-02': {
    exact: {
      'the run completed after the crash': 'クラッシュの後に実行が完了した',
      'the model was asked once': 'モデルへの問い合わせは 1 回だけ',
      'every later step, before and after the crash, saw one answer': 'クラッシュの前も後も、後続のステップはすべて同じ 1 つの回答を見た',
      'the run returned that answer': '実行はその回答を返した',
      'steps that read the recorded answer': '記録済みの回答を読んだステップ',
    },
    raw: [/Lucky number \d+/],
  },
  'AI-03': {
    exact: {
      'approval continues to publish': '承認すると公開へ進む',
      'rejection takes the reject path': '却下すると却下の経路へ進む',
      'no answer before the deadline takes the reject path': '期限までに回答がなければ却下の経路へ進む',
      'approval sent → published': '承認の送信 → 公開',
      'rejection sent → sent back': '却下の送信 → 差し戻し',
    },
    patterns: [[/no answer: asked → rejected \(deadline (\d+) ms\)/, '回答なし：問い合わせ → 却下（期限 $1 ms）']],
    raw: ['published', 'rejected', 'timed out, rejected'],
  },
  'AI-04': {
    exact: {
      'clean': 'クラッシュなし',
      'with a crash': 'クラッシュあり',
      'inngest.realtime.publish in a step, clean': 'ステップ内の `inngest.realtime.publish`、クラッシュなし',
      'inngest.realtime.publish in a step, with a crash': 'ステップ内の `inngest.realtime.publish`、クラッシュあり',
      'the tokens before the crash arrived again after the retry': 'クラッシュ前のトークンが、再試行の後にもう一度届いた',
      'every token arrived, in order, once': 'すべてのトークンが順番どおりに 1 回ずつ届いた',
      'event sent → first token received': 'イベントの送信 → 最初のトークンの受信',
      'first to last token': '最初のトークンから最後のトークンまで',
      'gap between tokens': 'トークンの間隔',
    },
  },
  'AI-05': {
    exact: {
      'the tool ran as a durable step: times its step body started': 'ツールが耐久ステップとして実行された：ステップ本体が始まった回数',
      'an answer containing "ships tomorrow"': '`ships tomorrow` を含む回答',
      'AI_GATEWAY steps and the step "lookup order in the warehouse"': '`AI_GATEWAY` のステップと、ステップ `lookup order in the warehouse`',
      'the agent completed': 'エージェントが完了した',
      'the tool ran as a durable step (its step body executed)': 'ツールが耐久ステップとして実行された（ステップ本体が実行された）',
      'the answer used the tool result': '回答にツールの結果が使われた',
      'tool: interrupted once, finished once': 'ツール：1 回中断され、1 回完了した',
      'model calls appear as AI steps and the tool as a step in the trace': 'トレースに、モデルの呼び出しは AI ステップとして、ツールはステップとして現れる',
      'yes': 'あり',
      'no': 'なし',
    },
    patterns: [
      [/model calls: the one before the crash was not repeated \((\d+) in all\)/, 'モデルの呼び出し：クラッシュ前の呼び出しは繰り返されなかった（全部で $1 回）'],
      [/Run output: (.+)/s, '実行の出力：`$1`'],
      [/Model calls: (\d+); crash during the tool: (yes|no)/, 'モデルの呼び出し：$1 回。ツール実行中のクラッシュ：{2}'],
      [/Steps in the trace: (.+)/s, 'トレース上のステップ：`$1`'],
    ],
  },
  'AI-06': {
    exact: {
      'stepped: the run completes after the flaky tool recovers': 'ツールをステップにした場合：不安定なツールが回復した後、実行が完了する',
      'tools as steps: only the flaky tool is retried': 'ツールをステップにした場合：再試行されるのは不安定なツールだけ',
      'plain: the run completes after the flaky tool recovers': 'ツールをステップにしない場合：不安定なツールが回復した後、実行が完了する',
      'plain tools: every earlier tool is called again on each retry': 'ツールをステップにしない場合：再試行のたびに、それより前のツールがすべて呼び直される',
    },
  },
};
