import { compareIsoDates } from '../../core/dates.js';
import { cadreAbilities } from '../access/abilities.js';
import type { CadreReach } from '../access/access.repository.js';
import { checkAccess, requireAccess } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { notFound } from '../http/errors.js';
import { FULL_VIEW, presentProfile, UnitDirectory } from './cadres.presenter.js';
import { type CadreRow, CadresRepository, type PostRow } from './cadres.repository.js';
import { type Conn, lastDayOfPeriods } from './cadres.shared.js';

/** What the commands on one person share: reading the record at the caller's reach, and locking it for a change the policy allows. */
export class CadreDesk {
  constructor(private readonly cadres: CadresRepository) {}

  /**
   * The record at the caller's reach. A former unit ('history') gets its own
   * periods, and the qualifications and levels as they stood when its last
   * period ended: what happened in its time, not what came after.
   */
  async loadProfile(db: Conn, actor: Actor, id: string, asOf: string, reach: CadreReach) {
    const row = await this.cadres.findById(db, id);
    if (!row) throw notFound();
    const [allPosts, allQualifications] = await Promise.all([this.cadres.postsOf(db, [id]), this.cadres.qualificationsOf(db, [id])]);
    let posts = allPosts;
    let qualifications = allQualifications;
    let levelsDate: string | null = asOf;
    let view = FULL_VIEW;
    if (reach === 'history') {
      const ownUnits = await checkAccess(db, { actor, permission: 'unit.read', ids: [row.owning_unit_id, ...allPosts.map((post) => post.unit_id)] });
      posts = allPosts.filter((post) => ownUnits.has(post.unit_id));
      levelsDate = lastDayOfPeriods(posts, asOf);
      qualifications = allQualifications.filter((q) => levelsDate !== null && q.obtained_on !== null && compareIsoDates(q.obtained_on, levelsDate) <= 0);
      view = { reach, owningUnitVisible: ownUnits.has(row.owning_unit_id) };
    }
    const levels = levelsDate === null ? new Map() : await this.cadres.levelsOn(db, [id], levelsDate);
    const units = new UnitDirectory(await this.cadres.unitVersions(db, [row.owning_unit_id, ...posts.map((post) => post.unit_id)]));
    return presentProfile(row, posts, qualifications, levels.get(id)?.levels, units, asOf, view, cadreAbilities(actor, reach));
  }

  /** Locks the person's row for a change the caller must be allowed to make. */
  async lockWritable(db: Conn, actor: Actor, id: string): Promise<CadreRow> {
    await requireAccess(db, { actor, permission: 'cadre.write', ids: [id] });
    const row = await this.cadres.findById(db, id, { forUpdate: true });
    if (!row) throw notFound();
    return row;
  }

  async visiblePost(db: Conn, actor: Actor, id: string, postId: string): Promise<PostRow> {
    await this.lockWritable(db, actor, id);
    const post = await this.cadres.findPost(db, id, postId, { forUpdate: true });
    if (!post) throw notFound();
    return post;
  }
}
