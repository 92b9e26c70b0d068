import type { AppContext } from '../context.js';
import { isDemoDataset, type DemoDataset } from '../demo/demo.accounts.js';
import { NATIONAL_DEMO } from '../demo/national-demo.js';
import { PROVINCE_DEMO } from '../demo/province-demo.js';
import { AppError } from '../http/errors.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { HealthRepository } from './health.repository.js';

const DEMO_AS_OF: Readonly<Record<DemoDataset, string>> = { 'bac-giang-2021': PROVINCE_DEMO.asOf, 'toan-quoc-2025': NATIONAL_DEMO.asOf };

export class HealthService {
  private readonly settings: SettingsRepository;
  private readonly health: HealthRepository;

  constructor(private readonly context: AppContext) {
    this.settings = new SettingsRepository(context.db);
    this.health = new HealthRepository(context.db);
  }

  async check() {
    try {
      await this.health.ping();
    } catch (error) {
      throw new AppError('DATABASE_UNAVAILABLE', { cause: error });
    }
    return { status: 'ok' as const, version: this.context.version, database: 'ok' as const };
  }

  /** While the demo is loaded, its reference date: the figures are those of that day, not of today. */
  async meta() {
    const [loaded, dataset] = await Promise.all([this.settings.get('demo_loaded'), this.settings.get('demo_dataset')]);
    const demo = loaded === 'true';
    // A demo loaded before the dataset was recorded is the province one.
    const demoAsOf = demo ? DEMO_AS_OF[isDemoDataset(dataset) ? dataset : 'bac-giang-2021'] : null;
    return { version: this.context.version, demo, demoAsOf };
  }
}
