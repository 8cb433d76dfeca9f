/** Every engine driver the runner knows, by engine id. Adding an engine means adding its driver here. */
import type { EngineId } from '../../src/schema.ts';
import type { EngineDriver } from '../core/driver.ts';
import { inngestDriver } from './inngest/driver.ts';
import { temporalDriver } from './temporal/driver.ts';

export const drivers: Partial<Record<EngineId, EngineDriver<any, any>>> = {
  inngest: inngestDriver,
  temporal: temporalDriver,
};

/** The driver of an engine, or an error naming the ones there are. */
export function driverFor(engine: string): EngineDriver<any, any> {
  const driver = drivers[engine as EngineId];
  if (!driver) throw new Error(`--engine ${engine}: no such engine driver (there are: ${Object.keys(drivers).join(', ')})`);
  return driver;
}
