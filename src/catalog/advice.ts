/**
 * "Inngest or Temporal?": the report's advice, one item per situation, each resting on the criteria where the two
 * engines' measured ratings differ in the advice's favour. The words are ours; the direction is checked against
 * the ratings (src/lib/advice.ts, at build and in the unit tests), so an item whose evidence stops supporting it
 * fails instead of staying on the page.
 */
import type { Lang } from './criteria.ts';
import type { EngineId } from './engines.ts';

export interface AdviceItem {
  /** Stable slug, the item's anchor. */
  id: string;
  /** The engine the item recommends. */
  engine: EngineId;
  text: Record<Lang, string>;
  /** Criteria whose ratings carry the item: each rated for both engines, higher for `engine`. */
  criteria: readonly string[];
}

export const advice: readonly AdviceItem[] = [
  {
    id: 'events',
    engine: 'inngest',
    text: {
      en: 'Work starts from events: one event name fans out to several functions, and the trigger, debouncing, batching or throttling is configuration on the function, not code you write.',
      ja: '仕事がイベントから始まるとき。1 つのイベント名から複数の関数が動き、トリガーもデバウンスもバッチもスロットルも、自分で書くコードではなく関数の設定で済む。',
    },
    criteria: ['SG-03', 'WF-06'],
  },
  {
    id: 'small-deployment',
    engine: 'inngest',
    text: {
      en: 'The deployment should be small: one server binary, and functions served over HTTP from the app you already run.',
      ja: 'デプロイを小さく保ちたいとき。サーバーは 1 つのバイナリで、関数はすでに動いているアプリから HTTP で提供できる。',
    },
    criteria: ['OP-01'],
  },
  {
    id: 'plain-steps',
    engine: 'inngest',
    text: {
      en: 'Steps should be plain functions with JSON data and a low cost per step.',
      ja: 'ステップを JSON のデータを受け渡す普通の関数として書き、1 ステップあたりのコストを低く抑えたいとき。',
    },
    criteria: ['WF-01', 'PF-01'],
  },
  {
    id: 'first-steps',
    engine: 'inngest',
    text: {
      en: 'A team new to durable execution should be productive soon: fewer concepts, types that follow the code, and a dev server that finds the app and its changes by itself.',
      ja: '耐久実行に初めて触れるチームを早く立ち上げたいとき。覚える概念が少なく、型がコードに沿い、開発サーバーがアプリとその変更を自分で見つける。',
    },
    criteria: ['DX-06', 'DX-01', 'DX-03'],
  },
  {
    id: 'streaming',
    engine: 'inngest',
    text: {
      en: 'Runs stream tokens or progress to a browser while they work: realtime publishing is built into the SDK and the server.',
      ja: '実行中にトークンや進捗をブラウザーへ流したいとき。リアルタイム配信が SDK とサーバーに組み込まれている。',
    },
    criteria: ['AI-04'],
  },
  {
    id: 'crashes',
    engine: 'temporal',
    text: {
      en: 'A crash of any part, the server or its database included, must not lose or stall work, on a store you run yourself.',
      ja: 'サーバーやデータベースを含むどの部分がクラッシュしても、仕事を失ったり止めたりしてはならず、しかも自分で運用するストアの上でそれを実現したいとき。',
    },
    criteria: ['EX-04', 'OP-03'],
  },
  {
    id: 'liveness',
    engine: 'temporal',
    text: {
      en: 'Long-running calls need liveness: a hung or dead worker detected within seconds, and a timeout for every stage of a call.',
      ja: '長く続く呼び出しの生存確認が要るとき。ハングしたワーカーや落ちたワーカーを数秒で検知し、呼び出しのどの段階にもタイムアウトを設けたい。',
    },
    criteria: ['RT-04', 'RT-02'],
  },
  {
    id: 'code-changes',
    engine: 'temporal',
    text: {
      en: 'Code changes under running workflows must be caught rather than silently mixed: a determinism violation stops the workflow, and recorded histories replay against new code.',
      ja: '実行中のワークフローの下でのコード変更を、黙って混ぜるのではなく検出したいとき。決定性の違反はワークフローを止め、記録済みの履歴を新しいコードで再生できる。',
    },
    criteria: ['EX-06', 'EX-07', 'VR-02'],
  },
  {
    id: 'operate-by-api',
    engine: 'temporal',
    text: {
      en: 'People and tools operate workflows while they run: read their state, send updates, reset them, act on many at once.',
      ja: '実行中のワークフローを人やツールが操作するとき。状態を読み、更新を送り、リセットし、多数をまとめて扱いたい。',
    },
    criteria: ['SG-04', 'OP-02', 'CP-03'],
  },
  {
    id: 'see-inside',
    engine: 'temporal',
    text: {
      en: 'Operators need to see inside production: metrics from the server and the SDK, and a UI with each workflow\'s full event history.',
      ja: '運用者が本番の中を見る必要があるとき。サーバーと SDK の両方からメトリクスが出て、UI では各ワークフローのイベント履歴をすべて見られる。',
    },
    criteria: ['OB-02', 'OB-01', 'OB-03'],
  },
  {
    id: 'tests',
    engine: 'temporal',
    text: {
      en: 'Tests should replay recorded production histories against new code and run workflows with mocked activities.',
      ja: '記録した本番の履歴を新しいコードで再生し、アクティビティをモックしてワークフローを動かすテストを書きたいとき。',
    },
    criteria: ['DX-07', 'DX-04'],
  },
  {
    id: 'waits',
    engine: 'temporal',
    text: {
      en: 'Workflows wait for messages that may arrive before the wait starts, and must not miss them.',
      ja: '待ち始める前に届くかもしれないメッセージを、ワークフローが取りこぼさずに待つ必要があるとき。',
    },
    criteria: ['SG-02'],
  },
];
