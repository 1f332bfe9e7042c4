import { loadConfig, type Config } from '../config.ts';

/** The app config tests run with: defaults, quiet logs, overrides on top. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
}
