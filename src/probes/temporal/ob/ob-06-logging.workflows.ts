/** OB-06's workflow: marker lines at its top and between its steps, through four ways out of the sandbox. */
import { log, proxyActivities, proxySinks, sleep, type Sinks } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './ob-06-logging.ts';

/** The probe's own sink, registered in the worker with the SDK's default options. */
export interface AuditSinks extends Sinks {
  audit: { write(line: string): void };
}

const { reserveStock, sendReceipt } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const { ledger } = proxySinks<LedgerSinks>();
const { audit } = proxySinks<AuditSinks>();

export async function checkout(): Promise<string> {
  log.info('LOG-TOP checkout started');
  console.log('CONSOLE-TOP checkout started');
  audit.write('AUDIT-TOP checkout started');
  ledger.record('workflow code ran (top)');
  await reserveStock();
  log.info('LOG-BETWEEN stock reserved');
  await sleep('500 milliseconds');
  await sendReceipt();
  await sleep('500 milliseconds');
  return 'done';
}
