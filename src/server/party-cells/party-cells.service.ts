import type { z } from 'zod';
import { countVisits, isValidFrequency } from '../../core/cell-attendance.js';
import { compareIsoDates, endOfMonth, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import { isTitleCode, titleByCode } from '../../core/titles.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { type FieldProblem, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { PartyCellsRepository } from './party-cells.repository.js';
import type { assignmentBodySchema, assignmentUpdateBodySchema, meetingBodySchema, monthAttendanceBodySchema } from './party-cells.schema.js';

type Committee = NonNullable<Awaited<ReturnType<PartyCellsRepository['committee']>>> & { commune_name: string };
type StandingPost = Awaited<ReturnType<PartyCellsRepository['standingPosts']>>[number];

const DEFAULT_MEETING_DAY = 5;

function heldPostOn(posts: readonly StandingPost[], cadreId: string, on: string): boolean {
  return posts.some(
    (post) => post.id === cadreId && compareIsoDates(post.start_date, on) <= 0 && (post.end_date === null || compareIsoDates(post.end_date, on) >= 0),
  );
}

function optionalText(value: string | null | undefined): string | null {
  const text = value === null || value === undefined ? '' : normalizeText(value);
  return text === '' ? null : text;
}

/** A person's assignments to party cells, each with the meetings attended while assigned: part of their practical record. */
export async function cellVisitsOf(db: Db, cadreId: string) {
  const { assignments, visits } = await new PartyCellsRepository().cadreAssignments(db, cadreId);
  return assignments.map((a) => {
    const attended = visits
      .filter(
        (visit) =>
          visit.cell_id === a.cell_id &&
          compareIsoDates(visit.held_on, a.valid_from) >= 0 &&
          (a.valid_to === null || compareIsoDates(visit.held_on, a.valid_to) <= 0),
      )
      .map((visit) => visit.held_on);
    return {
      communeId: a.commune_id,
      assignmentId: a.id,
      cell: { id: a.cell_id, name: a.cell_name },
      frequency: a.frequency,
      validFrom: a.valid_from,
      validTo: a.valid_to,
      attended: attended.length,
      lastVisit: attended.at(-1) ?? null,
    };
  });
}

/**
 * Standing members at party-cell meetings (dự sinh hoạt chi bộ) for one
 * grassroots party committee: the committee's assignments of its standing
 * members to its cells, and a year of cell meetings with who attended. A
 * month is entered on one grid; each write is checked against the committee's
 * cells and the commune's standing members on the meeting's day.
 */
export class PartyCellsService {
  private readonly cells = new PartyCellsRepository();

  constructor(private readonly context: AppContext) {}

  private async readableCommittee(db: Db, actor: Actor, id: string, on: string): Promise<Committee> {
    const committee = await this.cells.committee(db, id);
    if (!committee) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [committee.commune_id] });
    return this.named(db, committee, on);
  }

  private async writableCommittee(trx: Db, actor: Actor, id: string, on: string = todayInVietnam()): Promise<Committee> {
    const committee = await this.cells.committee(trx, id);
    if (!committee) throw notFound();
    await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [committee.commune_id] });
    await this.cells.lockCommittee(trx, id);
    return this.named(trx, committee, on);
  }

  /** The commune's name as it was on the day (a commune merged later keeps its old name for its past). */
  private async named(db: Db, committee: NonNullable<Awaited<ReturnType<PartyCellsRepository['committee']>>>, on: string): Promise<Committee> {
    const names = await unitNamesAsOf(db, [committee.commune_id], on);
    const latest = names.get(committee.commune_id) ?? (await unitNamesAsOf(db, [committee.commune_id], '9999-12-31')).get(committee.commune_id);
    return { ...committee, commune_name: latest?.name ?? '' };
  }

  async year(actor: Actor, committeeId: string, year: number) {
    const db = this.context.db;
    const from = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    const today = todayInVietnam();
    const asOf = compareIsoDates(yearEnd, today) < 0 ? yearEnd : today;
    const committee = await this.readableCommittee(db, actor, committeeId, asOf);
    const [cells, posts, frequencies, assignments, meetings, usualDay, writable] = await Promise.all([
      this.cells.cellsOf(db, committeeId, from, yearEnd),
      this.cells.standingPosts(db, committee.commune_id, from, yearEnd),
      this.cells.frequencies(db),
      this.cells.assignmentsOf(db, committeeId, from, yearEnd),
      this.cells.meetingsOf(db, committeeId, from, yearEnd),
      this.cells.usualMeetingDay(db, committeeId, yearEnd),
      checkAccess(db, { actor, permission: 'commune.records.write', ids: [committee.commune_id] }),
    ]);
    const attendance = await this.cells.attendanceOf(
      db,
      meetings.map((meeting) => meeting.id),
    );
    const visitsByCellAndCadre = new Map<string, string[]>();
    for (const entry of attendance) {
      if (entry.status !== 'present') continue;
      const meeting = meetings.find((m) => m.id === entry.meeting_id)!;
      const key = `${meeting.cell_id}:${entry.cadre_id}`;
      visitsByCellAndCadre.set(key, [...(visitsByCellAndCadre.get(key) ?? []), meeting.held_on]);
    }
    const members = new Map<string, { id: string; fullName: string; title: string }>();
    for (const post of posts) {
      if (!members.has(post.id)) {
        members.set(post.id, {
          id: post.id,
          fullName: post.full_name,
          title: isTitleCode(post.title_code) ? titleByCode(post.title_code).shortNameVi : post.title_code,
        });
      }
    }
    return {
      committee: { id: committee.id, name: committee.name, commune: { id: committee.commune_id, name: committee.commune_name } },
      year,
      asOf,
      frequencies: frequencies.map((f) => ({ months: f.months, label: f.name })),
      cells: cells.map((cell) => ({ id: cell.id, name: cell.name, village: cell.village_name })),
      members: [...members.values()],
      assignments: assignments.map((a) => ({
        id: a.id,
        cellId: a.cell_id,
        cadreId: a.cadre_id,
        fullName: a.full_name,
        frequencyMonths: a.frequency_months,
        validFrom: a.valid_from,
        validTo: a.valid_to,
        decision: a.decision,
        ...countVisits(
          { validFrom: a.valid_from, validTo: a.valid_to, frequencyMonths: a.frequency_months },
          from,
          asOf,
          visitsByCellAndCadre.get(`${a.cell_id}:${a.cadre_id}`) ?? [],
        ),
      })),
      meetings: meetings.map((meeting) => ({
        id: meeting.id,
        cellId: meeting.cell_id,
        heldOn: meeting.held_on,
        issuesRaised: meeting.issues_raised,
        followUp: meeting.follow_up,
        attendance: attendance
          .filter((entry) => entry.meeting_id === meeting.id)
          .map((entry) => ({ cadreId: entry.cadre_id, fullName: entry.full_name, status: entry.status })),
      })),
      usualMeetingDay: usualDay ?? DEFAULT_MEETING_DAY,
      abilities: { edit: writable.has(committee.commune_id) },
    };
  }

  /**
   * A month of the grid: each entry sets (or clears) one standing member's
   * attendance at one cell's meeting that month. A cell without a meeting
   * that month gets one on `meetingDay`; a meeting left with no attendance
   * and nothing written is removed. All entries or none.
   */
  async recordMonth(actor: Actor, committeeId: string, month: string, input: z.output<typeof monthAttendanceBodySchema>) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const from = `${month}-01`;
      const to = endOfMonth(from);
      const committee = await this.writableCommittee(trx, actor, committeeId, to);
      const today = todayInVietnam();
      const lastDay = Number(to.slice(8));
      const newMeetingOn = `${month}-${String(Math.min(input.meetingDay, lastDay)).padStart(2, '0')}`;
      const cellIds = [...new Set(input.entries.map((entry) => entry.cellId))];
      const cadreIds = [...new Set(input.entries.map((entry) => entry.cadreId))];
      const [cells, meetings, posts, names] = await Promise.all([
        this.cells.cellsOf(trx, committeeId, from, to),
        this.cells.meetingsOf(trx, committeeId, from, to, cellIds),
        this.cells.standingPosts(trx, committee.commune_id, from, to, cadreIds),
        this.cells.cadreNames(trx, cadreIds),
      ]);
      const cellNames = new Map(cells.map((cell) => [cell.id, cell.name]));
      const meetingOf = new Map<string, (typeof meetings)[number]>();
      for (const meeting of meetings) if (!meetingOf.has(meeting.cell_id)) meetingOf.set(meeting.cell_id, meeting);

      const problems: FieldProblem[] = [];
      const needsNewMeeting = input.entries.some((entry) => entry.status !== null && !meetingOf.has(entry.cellId));
      if (needsNewMeeting && compareIsoDates(newMeetingOn, today) > 0) {
        problems.push({
          path: 'meetingDay',
          message: `Ngày sinh hoạt ${formatVietnameseDate(newMeetingOn)} chưa đến`,
          messageEn: `The meeting day ${newMeetingOn} has not come yet`,
        });
      }
      for (const [index, entry] of input.entries.entries()) {
        if (!cellNames.has(entry.cellId)) {
          problems.push({
            path: `entries.${index}.cellId`,
            message: `Chi bộ không thuộc ${committee.name} trong tháng ${month.slice(5)}/${month.slice(0, 4)}`,
            messageEn: `The party cell is not under ${committee.name} in ${month}`,
          });
          continue;
        }
        if (entry.status === null) continue;
        const on = meetingOf.get(entry.cellId)?.held_on ?? newMeetingOn;
        if (!heldPostOn(posts, entry.cadreId, on)) {
          problems.push({
            path: `entries.${index}.cadreId`,
            message: `${names.get(entry.cadreId) ?? 'Người này'} không phải thành viên thường trực của ${committee.commune_name} vào ngày ${formatVietnameseDate(on)} (chi bộ ${cellNames.get(entry.cellId)})`,
            messageEn: `Not a standing member of ${committee.commune_name} on ${on}`,
          });
        }
      }
      if (problems.length > 0) throw validationError(problems);

      let meetingsCreated = 0;
      for (const cellId of cellIds) {
        if (meetingOf.has(cellId) || !input.entries.some((entry) => entry.cellId === cellId && entry.status !== null)) continue;
        const id = await this.cells.insertMeeting(trx, {
          commune_id: committee.commune_id,
          committee_id: committeeId,
          cell_id: cellId,
          held_on: newMeetingOn,
          created_by: actor.userId,
        });
        meetingOf.set(cellId, { id, cell_id: cellId, held_on: newMeetingOn } as (typeof meetings)[number]);
        meetingsCreated += 1;
      }
      const recorded = input.entries.flatMap((entry) => {
        const meeting = meetingOf.get(entry.cellId)!;
        return entry.status === null
          ? []
          : [
              {
                meeting_id: meeting.id,
                committee_id: committeeId,
                cell_id: entry.cellId,
                held_on: meeting.held_on,
                cadre_id: entry.cadreId,
                status: entry.status,
              },
            ];
      });
      await this.cells.setAttendance(trx, recorded);
      const cleared = await this.cells.clearAttendance(
        trx,
        input.entries.flatMap((entry) => {
          const meeting = meetingOf.get(entry.cellId);
          return entry.status === null && meeting ? [{ meeting_id: meeting.id, cadre_id: entry.cadreId }] : [];
        }),
      );
      const empty = await this.cells.emptyMeetings(
        trx,
        [...meetingOf.values()].map((meeting) => meeting.id),
      );
      await this.cells.deleteMeetings(trx, empty);
      await writeAudit(trx, {
        actor,
        action: 'cell_attendance.record',
        entity: 'party_organization',
        entityId: committeeId,
        summary: `Dự sinh hoạt chi bộ tháng ${month.slice(5)}/${month.slice(0, 4)}: ${recorded.length} lượt ghi, ${cleared} lượt xóa`,
        after: { month, meetingDay: input.meetingDay, entries: input.entries },
      });
      return { recorded: recorded.length, cleared, meetingsCreated };
    });
  }

  /** The day, the issues raised and the follow-up of one cell meeting; its attendees must still be standing members on the day. */
  async updateMeeting(actor: Actor, meetingId: string, input: z.output<typeof meetingBodySchema>) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const meeting = await this.cells.meeting(trx, meetingId);
      if (!meeting) throw notFound();
      const committee = await this.writableCommittee(trx, actor, meeting.committee_id, input.heldOn);
      const problems: FieldProblem[] = [];
      if (compareIsoDates(input.heldOn, todayInVietnam()) > 0) {
        problems.push({ path: 'heldOn', message: 'Ngày sinh hoạt chưa đến', messageEn: 'The meeting day has not come yet' });
      }
      const [cells, attendance] = await Promise.all([
        this.cells.cellsOf(trx, committee.id, input.heldOn, input.heldOn),
        this.cells.attendanceOf(trx, [meetingId]),
      ]);
      if (!cells.some((cell) => cell.id === meeting.cell_id)) {
        problems.push({ path: 'heldOn', message: 'Chi bộ không hoạt động vào ngày này', messageEn: 'The party cell did not exist on that day' });
      }
      const posts = await this.cells.standingPosts(
        trx,
        committee.commune_id,
        input.heldOn,
        input.heldOn,
        attendance.map((entry) => entry.cadre_id),
      );
      for (const entry of attendance) {
        if (!heldPostOn(posts, entry.cadre_id, input.heldOn)) {
          problems.push({
            path: 'heldOn',
            message: `${entry.full_name} không phải thành viên thường trực của ${committee.commune_name} vào ngày ${formatVietnameseDate(input.heldOn)}`,
            messageEn: `${entry.full_name} is not a standing member on ${input.heldOn}`,
          });
        }
      }
      const sameDay = (await this.cells.meetingsOf(trx, committee.id, input.heldOn, input.heldOn, [meeting.cell_id])).find((m) => m.id !== meetingId);
      if (sameDay)
        problems.push({ path: 'heldOn', message: 'Chi bộ đã có buổi sinh hoạt khác trong ngày này', messageEn: 'The cell already has a meeting that day' });
      if (problems.length > 0) throw validationError(problems);
      const values = { held_on: input.heldOn, issues_raised: optionalText(input.issuesRaised), follow_up: optionalText(input.followUp) };
      await this.cells.updateMeeting(trx, meetingId, values);
      await writeAudit(trx, {
        actor,
        action: 'cell_meeting.update',
        entity: 'party_cell_meeting',
        entityId: meetingId,
        summary: `Buổi sinh hoạt chi bộ ngày ${formatVietnameseDate(input.heldOn)}`,
        before: meeting,
        after: values,
      });
    });
  }

  async createAssignment(actor: Actor, committeeId: string, input: z.output<typeof assignmentBodySchema>): Promise<{ id: string }> {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const committee = await this.writableCommittee(trx, actor, committeeId, input.validFrom);
      await this.checkAssignment(trx, committee, { ...input, validTo: input.validTo ?? null });
      const values = {
        commune_id: committee.commune_id,
        committee_id: committeeId,
        cell_id: input.cellId,
        cadre_id: input.cadreId,
        frequency_months: input.frequencyMonths,
        valid_from: input.validFrom,
        valid_to: input.validTo ?? null,
        decision: optionalText(input.decision),
        created_by: actor.userId,
      };
      const id = await this.cells.insertAssignment(trx, values);
      await writeAudit(trx, {
        actor,
        action: 'cell_assignment.create',
        entity: 'party_cell_assignment',
        entityId: id,
        summary: `Phân công dự sinh hoạt chi bộ từ ${formatVietnameseDate(input.validFrom)}`,
        after: values,
      });
      return { id };
    });
  }

  async updateAssignment(actor: Actor, id: string, input: z.output<typeof assignmentUpdateBodySchema>): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const assignment = await this.cells.assignment(trx, id);
      if (!assignment) throw notFound();
      const committee = await this.writableCommittee(trx, actor, assignment.committee_id, assignment.valid_from);
      const next = {
        cellId: assignment.cell_id,
        cadreId: assignment.cadre_id,
        validFrom: assignment.valid_from,
        validTo: input.validTo === undefined ? assignment.valid_to : input.validTo,
        frequencyMonths: input.frequencyMonths ?? assignment.frequency_months,
      };
      await this.checkAssignment(trx, committee, next, id);
      const values = {
        valid_to: next.validTo,
        frequency_months: next.frequencyMonths,
        decision: input.decision === undefined ? assignment.decision : optionalText(input.decision),
      };
      await this.cells.updateAssignment(trx, id, values);
      await writeAudit(trx, {
        actor,
        action: 'cell_assignment.update',
        entity: 'party_cell_assignment',
        entityId: id,
        summary: next.validTo ? `Kết thúc phân công dự sinh hoạt chi bộ ngày ${formatVietnameseDate(next.validTo)}` : 'Sửa phân công dự sinh hoạt chi bộ',
        before: assignment,
        after: values,
      });
    });
  }

  /** An assignment entered by mistake; the meetings attended stay (they happened). */
  async deleteAssignment(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const assignment = await this.cells.assignment(trx, id);
      if (!assignment) throw notFound();
      await this.writableCommittee(trx, actor, assignment.committee_id);
      await this.cells.deleteAssignment(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'cell_assignment.delete',
        entity: 'party_cell_assignment',
        entityId: id,
        summary: 'Xóa phân công dự sinh hoạt chi bộ',
        before: assignment,
      });
    });
  }

  private async checkAssignment(
    trx: Db,
    committee: Committee,
    input: { cellId: string; cadreId: string; validFrom: string; validTo: string | null; frequencyMonths: number },
    exceptId?: string,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (input.validTo !== null && compareIsoDates(input.validTo, input.validFrom) < 0) {
      problems.push({
        path: 'validTo',
        message: `Ngày kết thúc không được trước ngày bắt đầu (${formatVietnameseDate(input.validFrom)})`,
        messageEn: 'The end cannot be before the start',
      });
    }
    const frequencies = await this.cells.frequencies(trx);
    if (!isValidFrequency(input.frequencyMonths) || !frequencies.some((f) => f.months === input.frequencyMonths)) {
      problems.push({
        path: 'frequencyMonths',
        message: `Định kỳ phải là một trong: ${frequencies.map((f) => f.name.toLowerCase()).join(', ')}`,
        messageEn: 'Unknown frequency',
      });
    }
    const cells = await this.cells.cellsOf(trx, committee.id, input.validFrom, input.validFrom);
    if (!cells.some((cell) => cell.id === input.cellId)) {
      problems.push({
        path: 'cellId',
        message: `Chi bộ không thuộc ${committee.name} vào ngày ${formatVietnameseDate(input.validFrom)}`,
        messageEn: `The party cell is not under ${committee.name} on ${input.validFrom}`,
      });
    }
    const posts = await this.cells.standingPosts(trx, committee.commune_id, input.validFrom, input.validFrom, [input.cadreId]);
    if (!heldPostOn(posts, input.cadreId, input.validFrom)) {
      problems.push({
        path: 'cadreId',
        message: `Người được phân công phải là thành viên thường trực (Đảng ủy, HĐND, UBND) của ${committee.commune_name} vào ngày ${formatVietnameseDate(input.validFrom)}`,
        messageEn: `The person must be a standing member of ${committee.commune_name} on ${input.validFrom}`,
      });
    }
    const overlap = await this.cells.overlapping(trx, { ...input, exceptId });
    if (overlap) {
      problems.push({
        path: 'validFrom',
        message: `Người này đã được phân công dự sinh hoạt chi bộ này từ ${formatVietnameseDate(overlap.valid_from)}${overlap.valid_to ? ` đến ${formatVietnameseDate(overlap.valid_to)}` : ''}`,
        messageEn: 'This person is already assigned to this cell for an overlapping period',
      });
    }
    if (problems.length > 0) throw validationError(problems);
  }
}
