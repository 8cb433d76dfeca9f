/** SG: signals and events: waiting for events, signals, fan-out triggers, inspecting a run in flight. */
import type { EvidenceTable } from '../../index.ts';

export const sg: Record<string, EvidenceTable> = {
  'SG-01': {
    exact: {
      'the run resumed with the event it waited for': '実行が、待っていたイベントで再開した',
      'the signal resumed the run with its data': 'シグナルが、そのデータで実行を再開させた',
      'step.sendEvent triggered the other function': '`step.sendEvent` がもう一方の関数を起動した',
      'event sent → run resumed': 'イベントの送信 → 実行の再開',
      'signal sent → run resumed': 'シグナルの送信 → 実行の再開',
    },
    patterns: [[/sendSignal answered: (.+)/s, '`sendSignal` の応答：`$1`']],
  },
  'SG-02': {
    exact: {
      'a matching event resumes the wait with that event': '条件に合うイベントが、そのイベントで待機を再開させる',
      'a non-matching event is ignored; the wait times out to null': '条件に合わないイベントは無視され、待機はタイムアウトして `null` になる',
      'event sent in the step right before the wait': '待機の直前のステップで送ったイベント',
      'still seen (events are matched after the wait is stored)': 'それでも見える（イベントは待機が保存された後に照合される）',
      'lost (a wait does not look back)': '失われる（待機は過去にさかのぼらない）',
      'seen by the wait': '待機が見た割合',
    },
    patterns: [[/event sent (\d+) s before the wait/, '待機の $1 秒前に送ったイベント']],
    raw: ['alice'],
  },
  'SG-03': {
    exact: {
      'one event starts every function listening to it': '1 つのイベントが、それを待ち受けるすべての関数を起動する',
      'the if filter lets only the pro plan through': '`if` のフィルターは `pro` プランだけを通す',
      'a wildcard trigger catches every matching event name': 'ワイルドカードのトリガーが、当てはまるすべてのイベント名を捕まえる',
      'a function with two triggers runs for each': 'トリガーを 2 つ持つ関数は、そのそれぞれで実行される',
    },
  },
  'SG-04': {
    exact: {
      'the output of "compute price" (containing 1200)': '`compute price` の出力（1200 を含む）',
      'mid-flight': '実行の途中',
      'the trace lists completed steps': 'トレースに完了済みのステップが載っている',
      'a completed step’s output is readable': '完了済みのステップの出力を読める',
      "a completed step's output is readable": '完了済みのステップの出力を読める',
      'what the run is waiting on is visible': '実行が何を待っているかが見える',
      'after the sleep the run completes with that value': 'スリープの後、実行はその値で完了する',
    },
    patterns: [[/Output of "(.+)" as the trace API returns it: (.+)/s, 'トレースの API が返す `$1` の出力：`$2`']],
  },
};
