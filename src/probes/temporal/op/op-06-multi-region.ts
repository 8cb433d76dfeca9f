/**
 * OP-06 · Multi-region / HA (Temporal)
 *
 * Question: can Temporal run across regions, or survive the loss of a cluster, without losing workflows?
 * Temporal's answers are Multi-Cluster Replication of global namespaces (self-hosted, several clusters) and, on
 * Temporal Cloud, namespaces replicated to another region with failover.
 *
 * How: neither can be observed on one machine with one dev server, so the probe runs one workflow, records what
 * the one cluster says about itself and its namespace (cluster name, whether the namespace is global, which
 * clusters it is replicated to), then reports itself skipped; the rationale cites the documentation.
 */
import { defineProbe, record } from '../harness/index.ts';

export const activities = {
  async pong() {
    record('pong');
  },
};

export default defineProbe({
  id: 'OP-06',
  question: 'Does Temporal run across regions or survive the loss of a cluster without losing workflows?',
  budgetMs: 20_000,
  workflows: new URL('./op-06-multi-region.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    await t.client.workflow.execute('ping', { taskQueue: t.taskQueue, workflowId: t.workflowId('ping') });
    const info = await t.client.workflowService.getClusterInfo({});
    const ns = await t.client.workflowService.describeNamespace({ namespace: 'default' });
    const clusters = (ns.replicationConfig?.clusters ?? []).map((c) => c.clusterName);
    t.note(`One dev server, cluster "${info.clusterName}", served the workflow; namespace "default" is ${ns.isGlobalNamespace ? 'global' : 'local (not global)'}, active in "${ns.replicationConfig?.activeClusterName}", replicated to: ${clusters.join(', ')}.`);
    t.skip('Multi-region replication and failover need several clusters, ideally in several regions; one machine with one dev server cannot show them. The rationale cites the documentation.');
  },
});
