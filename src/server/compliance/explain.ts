import type { ComplianceResult, LevelsOnDate } from '../../core/compliance.js';
import { areaClassFromFlags } from '../../core/standards.js';
import { areaClassesAsOf } from '../commune-profile/commune-profile.service.js';
import type { Db } from '../db/database.js';
import { assessHeldPost, type HeldPost, levelsFromRecords, type PersonBasics } from './assessment.js';
import { ComplianceRepository } from './compliance.repository.js';
import { ruleOfRow, type StandardRuleRow } from './standard-rules.js';
import { StandardsRepository } from './standards.repository.js';

export interface ExplainedPost {
  post: HeldPost;
  result: ComplianceResult;
}

export interface ExplainedPerson {
  person: PersonBasics;
  levels: LevelsOnDate;
  posts: ExplainedPost[];
}

export interface Explanation {
  people: Map<string, ExplainedPerson>;
  /** The rule versions that judged, to name a version by its code and a date. */
  ruleVersions: StandardRuleRow[];
}

/**
 * Every gap of the given posts on `asOf`, judged in JavaScript by core's
 * assessCompliance: the explanation shown to people. The set-based summary
 * reaches the same statuses in SQL (compliance.parity.test.ts).
 */
export async function explainPosts(db: Db, postIds: readonly string[], asOf: string): Promise<Explanation> {
  const repository = new ComplianceRepository();
  const posts = await repository.heldPosts(db, postIds);
  const cadreIds = [...new Set(posts.map((post) => post.cadreId))];
  const [people, records, areas, ruleVersions] = await Promise.all([
    repository.personBasics(db, cadreIds),
    repository.qualifications(db, cadreIds),
    areaClassesAsOf(
      db,
      posts.map((post) => post.unitId),
      asOf,
    ),
    new StandardsRepository().applicableRules(db),
  ]);
  const rules = ruleVersions.map(ruleOfRow);
  const explained = new Map<string, ExplainedPerson>();
  for (const person of people) {
    explained.set(person.id, { person, levels: levelsFromRecords(records.get(person.id) ?? [], asOf), posts: [] });
  }
  for (const post of posts) {
    const entry = explained.get(post.cadreId);
    if (!entry) continue;
    const area = areas.get(post.unitId);
    const result = assessHeldPost({
      person: entry.person,
      post,
      levels: entry.levels,
      areaClass: area ? areaClassFromFlags(area.flags) : null,
      date: asOf,
      rules,
    });
    if (result) entry.posts.push({ post, result });
  }
  return { people: explained, ruleVersions };
}
