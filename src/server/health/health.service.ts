import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { HealthRepository } from './health.repository.js';

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

  async meta() {
    return { version: this.context.version, demo: (await this.settings.get('demo_loaded')) === 'true' };
  }
}
