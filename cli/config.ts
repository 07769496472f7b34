// Finds the .imr-letters.json nearest to each letter and merges its rule severities with --rule.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeLetter } from '../core/text/decode';
import { isSeverity, severities } from './args';
import type { Severity } from './args';

export const configName = '.imr-letters.json';

/** A .imr-letters.json that cannot be used: the run stops with exit status 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export interface EffectiveRules {
  /** Small number naming this severity map, so workers receive each map once. */
  id: number;
  rules: Record<string, Severity>;
  /** The config file it came from, if any. */
  source?: string;
}

/** Reads and checks one config file; unknown rule ids are passed to `warn`, not refused. */
export function loadConfig(file: string, knownRules: ReadonlySet<string>, warn: (message: string) => void): Record<string, Severity> {
  // Read as letters are (a UTF-8 byte-order mark dropped, UTF-16 with its mark): Windows editors and PowerShell's
  // redirection write those, and the file is valid JSON all the same.
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ConfigError(file, `cannot read it: ${(e as Error).message}`);
  }
  const decoded = decodeLetter(bytes);
  if (!decoded.ok) throw new ConfigError(file, decoded.reason);
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch (e) {
    throw new ConfigError(file, `not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(file, 'expected an object like {"rules": {"<id>": "warning"}}');
  }
  const rules = (data as { rules?: unknown }).rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    throw new ConfigError(file, '"rules" must be an object mapping rule ids to severities');
  }
  const out: Record<string, Severity> = {};
  for (const [id, severity] of Object.entries(rules)) {
    if (!isSeverity(severity)) {
      throw new ConfigError(file, `rule ${id}: severity must be one of ${severities.join(', ')}, got ${JSON.stringify(severity)}`);
    }
    if (knownRules.size > 0 && !knownRules.has(id)) warn(`${file}: unknown rule '${id}' (ignored)`);
    out[id] = severity;
  }
  return out;
}

/** Caches the lookup per folder, so a folder of 10,000 letters costs one search. */
export class ConfigResolver {
  private readonly byDir = new Map<string, EffectiveRules>();
  private readonly none: EffectiveRules;
  private nextId = 1;

  constructor(
    private readonly overrides: Record<string, Severity>,
    private readonly useConfig: boolean,
    private readonly knownRules: ReadonlySet<string>,
    private readonly warn: (message: string) => void,
  ) {
    this.none = { id: 0, rules: { ...overrides } };
  }

  /** The severities for a letter at `file`. Throws ConfigError. */
  rulesForFile(file: string): EffectiveRules {
    if (!this.useConfig) return this.none;
    return this.rulesForDir(path.dirname(path.resolve(file)));
  }

  private rulesForDir(dir: string): EffectiveRules {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, configName);
    let found: EffectiveRules;
    if (existsSync(candidate)) {
      const rules = loadConfig(candidate, this.knownRules, this.warn);
      found = { id: this.nextId++, rules: { ...rules, ...this.overrides }, source: candidate };
    } else {
      const parent = path.dirname(dir);
      found = parent === dir ? this.none : this.rulesForDir(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }
}
