import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import type { Role } from '../auth/auth.tables.js';
import { nameColumns } from '../cadres/cadre-values.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import { CommuneProfileRepository } from '../commune-profile/commune-profile.repository.js';
import type { Db } from '../db/database.js';
import type { UnitLevel } from '../territory/territory.tables.js';
import type { NationalCommune } from './national-demo.js';
import type { AreaClassRow, ProvinceTerritory } from './province-demo.js';
import type { DemoPerson } from './staff.js';

/** Rows per statement: one array parameter per column (unnest) keeps each statement small to build and fast to plan. */
function validOn(alias: string, date: string) {
  return sql<boolean>`((${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${date}::date))`;
}

export interface InsertedCounts {
  cadres: number;
  posts: number;
  qualifications: number;
}

export interface DemoUserRow {
  username: string;
  role: Role;
  password_hash: string;
  unit_name: string | null;
}

export class DemoRepository {
  async hasCadres(db: Db): Promise<boolean> {
    return (await db.selectFrom('cadre').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async hasUsers(db: Db): Promise<boolean> {
    return (await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  /** A province with its districts and their communes as they stood on `asOf`, ordered by code. */
  async provinceTerritory(db: Db, provinceCode: string, asOf: string): Promise<ProvinceTerritory | undefined> {
    const province = await sql<{ id: string; code: string; name: string }>`
      select u.id, u.code, v.name from admin_unit u join admin_unit_version v on v.unit_id = u.id
      where u.level = 'province' and u.code = ${provinceCode} and ${validOn('v', asOf)}
      order by u.id limit 1
    `.execute(db);
    const row = province.rows[0];
    if (!row) return undefined;
    const units = await sql<{
      district_id: string;
      district_code: string;
      district_name: string;
      district_type: string;
      id: string;
      code: string;
      name: string;
      type: string;
      valid_to: string | null;
    }>`
      select du.id as district_id, du.code as district_code, dv.name as district_name, dv.type as district_type,
        c.id, c.code, cv.name, cv.type, c.valid_to
      from admin_unit_version dv
      join admin_unit du on du.id = dv.unit_id and du.level = 'district'
      join admin_unit_version cv on cv.parent_id = du.id and ${validOn('cv', asOf)}
      join admin_unit c on c.id = cv.unit_id and c.level = 'commune'
      where dv.parent_id = ${row.id} and ${validOn('dv', asOf)}
      order by du.code, c.code
    `.execute(db);
    const districts: ProvinceTerritory['districts'] = [];
    for (const unit of units.rows) {
      let district = districts.at(-1);
      if (district?.code !== unit.district_code) {
        district = { id: unit.district_id, code: unit.district_code, name: unit.district_name, type: unit.district_type, communes: [] };
        districts.push(district);
      }
      district.communes.push({ id: unit.id, code: unit.code, name: unit.name, type: unit.type, validTo: unit.valid_to });
    }
    return { province: row, districts };
  }

  /** Every commune whose parent on `asOf` is a province (the 2025 layout, without districts), ordered by code. */
  async nationalCommunes(db: Db, asOf: string): Promise<NationalCommune[]> {
    const result = await sql<NationalCommune>`
      select c.id, c.code, cv.name, p.code as "provinceCode", pv.name as "provinceName"
      from admin_unit c
      join admin_unit_version cv on cv.unit_id = c.id and ${validOn('cv', asOf)}
      join admin_unit p on p.id = cv.parent_id and p.level = 'province'
      join admin_unit_version pv on pv.unit_id = p.id and ${validOn('pv', asOf)}
      where c.level = 'commune'
      order by c.code
    `.execute(db);
    return result.rows;
  }

  /** Codes are reused across periods: a code names a unit only together with a date. */
  async unitId(db: Db, level: UnitLevel, code: string | null, asOf: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('admin_unit as u')
      .select('u.id')
      .where('u.level', '=', level)
      .$if(code !== null, (qb) => qb.where('u.code', '=', code!))
      .where((eb) => eb.or([eb('u.valid_from', 'is', null), eb('u.valid_from', '<=', asOf)]))
      .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', asOf)]))
      .orderBy('u.id')
      .executeTakeFirst();
    return row?.id;
  }

  /** People with their posts and qualifications, written by the cadres feature's own bulk inserts (as the Excel import writes them). */
  async insertPeople(db: Db, people: readonly DemoPerson[]): Promise<InsertedCounts> {
    const cadres = new CadresRepository(db);
    // In ascending order, so that the people of a seed get the same ids run after run.
    const ids = (await cadres.allocateCadreIds(db, people.length)).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    await cadres.insertCadres(
      db,
      people.map((person, i) => ({
        id: ids[i]!,
        ...nameColumns(person.fullName),
        gender: person.gender,
        birth_date: person.birthDate,
        birth_date_precision: person.birthDate === null ? null : 'day',
        ethnicity_code: person.ethnicityCode,
        religion: person.religion,
        home_town: person.homeTown,
        personal_id: null,
        party_joined_on: person.partyJoinedOn,
        party_joined_precision: person.partyJoinedOn === null ? null : 'day',
        phone: null,
        email: null,
        discipline: null,
        owning_unit_id: person.owningUnitId,
      })),
    );
    const posts = people.flatMap((person, i) =>
      person.posts.map((post) => ({
        cadre_id: ids[i]!,
        unit_id: post.unitId,
        title_code: post.titleCode,
        is_key: post.isKey,
        start_date: post.startDate,
        start_date_precision: 'day' as const,
        end_date: post.endDate,
        term: post.term,
        how_obtained: post.howObtained,
        concurrent: post.concurrent,
        note: post.note,
      })),
    );
    await cadres.insertPosts(db, posts);
    const qualifications = people.flatMap((person, i) =>
      person.qualifications.map((qualification) => ({
        cadre_id: ids[i]!,
        kind: qualification.kind,
        level: qualification.level,
        major: qualification.major,
        institution: qualification.institution,
        study_mode: qualification.studyMode,
        language: qualification.language,
        obtained_on: qualification.obtainedOn,
        obtained_precision: qualification.obtainedPrecision,
        source: 'declared' as const,
        source_ref: null,
        note: qualification.note,
      })),
    );
    await cadres.insertQualifications(db, qualifications);
    return { cadres: people.length, posts: posts.length, qualifications: qualifications.length };
  }

  /** Area classes for the communes that have none yet, through the commune-profile feature's repository. */
  insertAreaClasses(db: Db, rows: readonly AreaClassRow[]): Promise<number> {
    return new CommuneProfileRepository(db).insertFirstAreaClasses(db, rows);
  }

  async firstAdministrator(db: Db): Promise<string | null> {
    const row = await db.selectFrom('app_user').select('id').where('role', '=', 'admin').where('disabled', '=', false).orderBy('id').executeTakeFirst();
    return row?.id ?? null;
  }

  /** The demo's accounts: who keys in each unit's records (the administrator for units without an account of their own). */
  async accountsByUnit(db: Db, usernames: readonly string[]): Promise<{ fallback: string; byUnit: Map<string, string> }> {
    const rows = await db
      .selectFrom('app_user')
      .select(['id', 'unit_id', 'role'])
      .where('username', 'in', [...usernames])
      .orderBy('id')
      .execute();
    const admin = rows.find((row) => row.role === 'admin');
    if (!admin) throw new Error('Chưa có tài khoản quản trị minh họa');
    return { fallback: admin.id, byUnit: new Map(rows.filter((row) => row.role !== 'admin' && row.role !== 'viewer').map((row) => [row.unit_id, row.id])) };
  }

  async existingUsernames(db: Db, usernames: readonly string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows = await db
      .selectFrom('app_user')
      .select('username')
      .where('username', 'in', [...usernames])
      .orderBy('username')
      .execute();
    return new Set(rows.map((row) => row.username));
  }

  /** The account as services see a signed-in user; the demo's own steps are recorded under its name. */
  async actorOf(db: Db, username: string): Promise<Actor | undefined> {
    const row = await db
      .selectFrom('app_user as u')
      .innerJoin('admin_unit as unit', 'unit.id', 'u.unit_id')
      .select(['u.id', 'u.username', 'u.full_name', 'u.role', 'u.unit_id', 'unit.level', 'u.can_view_sensitive'])
      .where('u.username', '=', username)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      userId: row.id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      unitId: row.unit_id,
      unitLevel: row.level,
      canViewSensitive: row.role === 'admin' || row.can_view_sensitive,
      ip: null,
    };
  }

  /** Enabled accounts among `usernames`, with the unit's name on `asOf`. */
  async enabledUsers(db: Db, usernames: readonly string[], asOf: string): Promise<DemoUserRow[]> {
    if (usernames.length === 0) return [];
    const result = await sql<DemoUserRow>`
      select u.username, u.role, u.password_hash,
        (select v.name from admin_unit_version v where v.unit_id = u.unit_id
          order by (${validOn('v', asOf)}) desc, v.valid_from desc nulls last limit 1) as unit_name
      from app_user u
      where u.username = any(${[...usernames]}::text[]) and not u.disabled
      order by u.username
    `.execute(db);
    return result.rows;
  }
}
