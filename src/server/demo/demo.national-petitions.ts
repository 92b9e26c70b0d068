import { compareIsoDates } from '../../core/dates.js';
import type { Db } from '../db/database.js';
import { PetitionsBulkWriter } from '../petitions/petitions.bulk.js';
import { CaseMaker, handlingOf, TYPES, typedTopic } from './demo.petitions.js';
import { NATIONAL_DEMO, type NationalCommune } from './national-demo.js';
import { chance, dateBetween, pickWeighted, streamFor } from './random.js';

/*
 * Petitions of the national demo, in proportion to the country's: about
 * 400,000 a year, so some 60 per commune in the second half of 2025 (the
 * 2025 communes exist from 1 July), a few in twenty sent to the province
 * about a commune's matter and sent down; the last weeks still open on
 * 31/12/2025, some overdue. The benchmark's inbox and report run on these.
 */

const FROM = '2025-07-01';
/** Per commune over the half year: 400,000 a year across 3,321 communes. */
const CASES_PER_COMMUNE = 60;
const BATCH_COMMUNES = 200;

export interface NationalPetitionCounts {
  cases: number;
}

export async function insertNationalPetitions(trx: Db, communes: readonly NationalCommune[], createdBy: string): Promise<NationalPetitionCounts> {
  const end = NATIONAL_DEMO.asOf;
  const provinces = new Map(
    (
      await trx
        .selectFrom('admin_unit')
        .select(['id', 'code'])
        .where('level', '=', 'province')
        .where('valid_from', '<=', end)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', end)]))
        .execute()
    ).map((row) => [row.code, row.id]),
  );
  const random = streamFor('toan-quoc-2025:petitions');
  let cases = 0;
  for (let start = 0; start < communes.length; start += BATCH_COMMUNES) {
    const maker = new CaseMaker(random, { fallback: createdBy, byUnit: new Map() }, end, `national-${start}`);
    for (const commune of communes.slice(start, start + BATCH_COMMUNES)) {
      const provinceId = provinces.get(commune.provinceCode);
      for (let i = 0; i < CASES_PER_COMMUNE; i++) {
        const receivedOn = dateBetween(random, FROM, end);
        if (provinceId && chance(random, 0.05)) {
          maker.overLevel(
            { commune, district: { id: provinceId } },
            receivedOn,
            typedTopic(random, 'kien_nghi'),
            chance(random, 0.3) ? 'khieu_nai' : 'kien_nghi',
          );
          continue;
        }
        const type = pickWeighted(random, TYPES);
        const recent = compareIsoDates(receivedOn, '2025-11-15') > 0;
        maker.add({
          unitId: commune.id,
          communeId: commune.id,
          receivedOn,
          type,
          topic: typedTopic(random, type),
          handling: compareIsoDates(receivedOn, '2025-12-20') > 0 ? null : handlingOf(random, type),
          lateSettlement: chance(random, 0.05),
          openAtEnd: recent && chance(random, 0.6),
        });
      }
    }
    await new PetitionsBulkWriter(trx).cases(maker.cases);
    cases += maker.cases.length;
  }
  return { cases };
}
