import type { Db } from '../src/server/db/database.js';
import { foldVietnamese } from '../src/core/text.js';

/** A small hand-made territory for tests that must not depend on the official lists. */
export async function createUnit(
  db: Db,
  unit: {
    level: 'province' | 'district' | 'commune';
    code: string;
    name: string;
    type: string;
    parentId: string | null;
    validFrom?: string | null;
    validTo?: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('admin_unit')
    .values({ level: unit.level, code: unit.code, valid_from: unit.validFrom ?? null, valid_to: unit.validTo ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('admin_unit_version')
    .values({
      unit_id: row.id,
      valid_from: unit.validFrom ?? null,
      valid_to: unit.validTo ?? null,
      name: unit.name,
      name_folded: foldVietnamese(unit.name),
      type: unit.type,
      parent_id: unit.parentId,
      source: 'test',
    })
    .execute();
  // Every ancestor (and the unit itself) sees the new unit.
  let ancestor: string | null = row.id;
  while (ancestor) {
    await db
      .insertInto('unit_scope')
      .values({ root_id: ancestor, unit_id: row.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const parent: { parent_id: string | null } | undefined = await db
      .selectFrom('admin_unit_version')
      .select('parent_id')
      .where('unit_id', '=', ancestor)
      .executeTakeFirst();
    ancestor = parent?.parent_id ?? null;
  }
  const country = await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow();
  await db
    .insertInto('unit_scope')
    .values({ root_id: country.id, unit_id: row.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return row.id;
}

export interface TwoProvinces {
  provinceA: string;
  communeA: string;
  provinceB: string;
  communeB: string;
}

export async function createTwoProvinces(db: Db, countryId: string): Promise<TwoProvinces> {
  const suffix = Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0');
  const provinceA = await createUnit(db, { level: 'province', code: `A${suffix}`, name: 'Tỉnh Thử Nghiệm A', type: 'Tỉnh', parentId: countryId });
  const communeA = await createUnit(db, { level: 'commune', code: `A${suffix}1`, name: 'Xã Quỳnh Sơn Thử', type: 'Xã', parentId: provinceA });
  const provinceB = await createUnit(db, { level: 'province', code: `B${suffix}`, name: 'Tỉnh Thử Nghiệm B', type: 'Tỉnh', parentId: countryId });
  const communeB = await createUnit(db, { level: 'commune', code: `B${suffix}1`, name: 'Xã Đông Hưng Thử', type: 'Xã', parentId: provinceB });
  return { provinceA, communeA, provinceB, communeB };
}
