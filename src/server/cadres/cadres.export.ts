import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ethnicityByCode } from '../../core/ethnicities.js';
import { isTitleCode, titleByCode } from '../../core/titles.js';
import type { CadreRow, PostRow } from './cadres.repository.js';
import { FULL_VIEW, type RecordView, type UnitDirectory } from './cadres.presenter.js';
import { neutraliseFormula } from '../xlsx/sheet-tables.js';
import { CADRE_COLUMNS, type CadreColumnKey } from './cadres.sheet.js';
import type { QualificationKind } from './cadres.tables.js';
import { type LevelsOnDate, SCALE_OF_KIND } from './qualification-scales.js';

export interface ExportSlice {
  rows: CadreRow[];
  posts: Map<string, PostRow[]>;
  levels: Map<string, LevelsOnDate>;
  units: UnitDirectory;
  views: Map<string, RecordView>;
}

const SLICE = 1_000;
const DATE_FORMAT = 'dd/mm/yyyy';

function dateCell(date: string | null, precision: 'day' | 'year' | null): Date | number | null {
  if (date === null) return null;
  if (precision === 'year') return Number(date.slice(0, 4));
  return new Date(`${date}T00:00:00Z`);
}

function levelLabel(kind: QualificationKind, code: string | undefined): string | null {
  if (!code) return null;
  const scale = SCALE_OF_KIND[kind];
  return scale.isLevel(code) ? scale.labelVi(code) : null;
}

function titleLabel(code: string): string {
  return isTitleCode(code) ? titleByCode(code).shortNameVi : code;
}

/**
 * The people of a list, one row per post held on `asOf` (one row without a
 * post for people holding none), in the import template's columns. Written
 * as a stream, a slice of people at a time, so that memory stays flat for
 * 200,000 people. Sensitive columns are left blank for actors without the
 * right to them, so that such an export still re-imports cleanly.
 */
export function buildCadresWorkbook(options: {
  asOf: string;
  showSensitive: boolean;
  totalPeople: number;
  loadSlice: (from: number, to: number) => Promise<ExportSlice>;
}): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Cán bộ xã';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CADRE_COLUMNS.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.addRow(CADRE_COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  header.commit();

  const write = async () => {
    let serial = 0;
    for (let from = 0; from < options.totalPeople; from += SLICE) {
      const slice = await options.loadSlice(from, Math.min(from + SLICE, options.totalPeople));
      for (const person of slice.rows) {
        const levels = slice.levels.get(person.id);
        const posts = slice.posts.get(person.id) ?? [];
        // A person the exporting unit no longer manages: its own periods only, nothing of today's private data.
        const view = slice.views.get(person.id) ?? FULL_VIEW;
        const current = view.reach === 'full';
        const showSensitive = options.showSensitive && current;
        for (const post of posts.length > 0 ? posts : [null]) {
          serial += 1;
          const ethnicity = person.ethnicity_code ? (ethnicityByCode(person.ethnicity_code)?.nameVi ?? null) : null;
          const values: Record<CadreColumnKey, string | number | Date | null> = {
            stt: serial,
            fullName: neutraliseFormula(person.full_name),
            birthDate: dateCell(person.birth_date, person.birth_date_precision),
            gender: person.gender === 'nam' ? 'Nam' : person.gender === 'nu' ? 'Nữ' : null,
            ethnicity: showSensitive ? ethnicity : null,
            personalId: showSensitive ? person.personal_id : null,
            unitCode: post || view.owningUnitVisible ? slice.units.summary(post?.unit_id ?? person.owning_unit_id, options.asOf).code : null,
            title: post ? titleLabel(post.title_code) : null,
            startDate: post ? dateCell(post.start_date, post.start_date_precision) : null,
            term: post?.term ?? null,
            professional: levelLabel('professional', levels?.levels.professional),
            major: levels?.professionalMajor ? neutraliseFormula(levels.professionalMajor) : null,
            politicalTheory: levelLabel('political_theory', levels?.levels.political_theory),
            stateManagement: levelLabel('state_management', levels?.levels.state_management),
            partyJoinedOn: dateCell(person.party_joined_on, person.party_joined_precision),
            phone: current && person.phone ? neutraliseFormula(person.phone) : null,
          };
          const row = sheet.addRow(CADRE_COLUMNS.map((column) => values[column.key]));
          for (const key of ['birthDate', 'startDate', 'partyJoinedOn'] as const) {
            if (values[key] instanceof Date) row.getCell(CADRE_COLUMNS.findIndex((c) => c.key === key) + 1).numFmt = DATE_FORMAT;
          }
          row.commit();
        }
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
