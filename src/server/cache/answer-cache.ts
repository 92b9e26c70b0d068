import { type DataChanges, dataChangesOf } from './data-changes.js';

/** Objects handed out by an AnswerCache: shared by every request that gets them, so never modified. */
const cachedAnswers = new WeakSet<object>();

/** A shared answer that some caller modified would be wrong for every later one: modifying it throws instead. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child);
  return Object.freeze(value);
}

interface Entry<T> {
  version: number;
  value: Promise<T>;
}

/**
 * A bounded, least-recently-used cache of computed answers. An entry is served
 * only while the data version it was computed under is still current; the
 * version is read BEFORE computing, so a write committed during the
 * computation leaves the entry unusable rather than stale. Concurrent misses
 * of one key share one computation. Keys must hold everything the answer
 * depends on, the actor's scope and sensitive-data right included; access
 * checks run before the cache is consulted.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly changes: DataChanges | undefined,
    private readonly capacity: number,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const version = this.changes?.version('data') ?? null;
    if (version === null) return compute();
    const found = this.entries.get(key);
    if (found && found.version === version) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value;
    }
    const value = compute().then((answer) => {
      if (typeof answer === 'object' && answer !== null) cachedAnswers.add(deepFreeze(answer));
      return answer;
    });
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    try {
      return await value;
    } catch (error) {
      // Errors are not answers: the next request tries again.
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    }
  }
}

/** The cache of this name on this database, shared by every service instance. */
export function answerCacheOf<T>(db: object, name: string, capacity: number): AnswerCache<T> {
  const changes = dataChangesOf(db);
  return changes ? changes.sharedCache(name, () => new AnswerCache<T>(changes, capacity)) : new AnswerCache<T>(undefined, capacity);
}

/**
 * The part of a cache key that says what the actor may see: territorial
 * scope, role and the right to sensitive data. Two actors with equal keys
 * are shown the same answer to the same query.
 */
export function actorScopeKey(actor: { role: string; unitLevel: string; unitId: string; canViewSensitive: boolean }): string {
  return JSON.stringify([actor.role, actor.unitLevel, actor.unitId, actor.role === 'admin' || actor.canViewSensitive]);
}

/**
 * Wraps a route's response serializer so that a cached answer is validated
 * and turned into JSON once, not on every request that is served it; for a
 * page of 50 people that is most of the work left once the data come from
 * memory.
 */
export function serializingCachedAnswersOnce(serialize: (data: unknown) => string): (data: unknown) => string {
  const serialized = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== 'object' || data === null || !cachedAnswers.has(data)) return serialize(data);
    let json = serialized.get(data);
    if (json === undefined) {
      json = serialize(data);
      serialized.set(data, json);
    }
    return json;
  };
}
