import type { Db } from '../db/database.js';

/**
 * A handle on an open transaction for services that open their own with
 * `db.transaction().execute(work)`: here `work` runs in the open one, so the
 * services' steps commit or roll back with the caller's (the demo load is one
 * transaction). Kysely refuses a transaction inside a transaction, hence the
 * stand-in for `transaction()`; every other method is the transaction's own,
 * bound to it because Kysely keeps its state in private fields.
 */
export function joiningTransaction(trx: Db): Db {
  if (!trx.isTransaction) throw new Error('joiningTransaction: expected an open transaction');
  const joined = { execute: <T>(work: (inner: Db) => Promise<T>) => work(trx) };
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => joined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
