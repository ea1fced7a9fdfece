/**
 * The writes of bloc administration (renaming, carrying a year's members over, rotating the lead and
 * deputy) and the one read they add (each year's lead and deputy). The board's reads stay in bloc.store.
 */
import type { EntityManager } from 'typeorm';
import type { Queryable } from '@tdkt/subgraph-kit';
import type { Organization } from '../types/organization.types.js';
import type { BlocKind, BlocMemberRole } from '../types/enums.js';
import { organizationAt, organizationColumns } from './organization.store.js';

export interface MemberWithOrganization {
  organization: Organization;
  role: BlocMemberRole;
}

export interface LeadershipRow {
  blocId: string;
  year: number;
  leadId: string | null;
  deputyId: string | null;
}

export class BlocAdminStore {
  constructor(private readonly db: Queryable) {}

  /** Renames (and re-kinds) a bloc if it is still at `expectedVersion` (any version when null); the rows changed. */
  async updateIfVersion(
    id: string,
    expectedVersion: number | null,
    changes: { name?: string; kind?: BlocKind },
  ): Promise<number> {
    const { affected } = await (this.db as EntityManager).queryRunner!.query(
      `UPDATE bloc SET name = COALESCE($3, name), kind = COALESCE($4, kind), version = version + 1
        WHERE id = $1 AND ($2::int IS NULL OR version = $2)`,
      [id, expectedVersion, changes.name ?? null, changes.kind ?? null],
      true,
    );
    return affected ?? 0;
  }

  async versionOf(id: string): Promise<number | null> {
    const [row] = await this.db.query(`SELECT version FROM bloc WHERE id = $1`, [id]);
    return row?.version ?? null;
  }

  /** The year's members with their organizations (validity included), in the board's order. */
  async membersOf(blocId: string, year: number): Promise<MemberWithOrganization[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT m.role, ${organizationColumns('o', 'organization.')}
         FROM bloc_membership m JOIN organization o ON o.id = m.organization_id
        WHERE m.bloc_id = $1 AND m.year = $2
        ORDER BY CASE m.role WHEN 'LEAD' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, o.name, o.code`,
      [blocId, year],
    );
    return rows.map((row) => ({
      role: row['role'] as BlocMemberRole,
      organization: organizationAt(row, 'organization.')!,
    }));
  }

  /** The latest year before `year` in which the bloc has members, or null. */
  async latestYearBefore(blocId: string, year: number): Promise<number | null> {
    const [row] = await this.db.query(
      `SELECT max(year) AS year FROM bloc_membership WHERE bloc_id = $1 AND year < $2`,
      [blocId, year],
    );
    return row?.year ?? null;
  }

  /**
   * Gives the year's LEAD and DEPUTY roles to the named members (the others become MEMBER) and bumps the
   * bloc's version. The former holders step down first, so the one-lead and one-deputy indexes hold.
   */
  async setLeadership(blocId: string, year: number, leadId: string, deputyId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE bloc_membership SET role = 'MEMBER' WHERE bloc_id = $1 AND year = $2 AND role <> 'MEMBER'`,
      [blocId, year],
    );
    await this.db.query(
      `UPDATE bloc_membership SET role = CASE WHEN organization_id = $3 THEN 'LEAD' ELSE 'DEPUTY' END
        WHERE bloc_id = $1 AND year = $2 AND organization_id IN ($3, $4)`,
      [blocId, year, leadId, deputyId],
    );
    await this.db.query('UPDATE bloc SET version = version + 1 WHERE id = $1', [blocId]);
  }

  /** Each year's lead and deputy of each bloc, oldest year first (years without either are left out). */
  async leadershipOf(blocIds: readonly string[]): Promise<LeadershipRow[]> {
    const rows: { bloc_id: string; year: number; lead_id: string | null; deputy_id: string | null }[] =
      await this.db.query(
        `SELECT bloc_id, year,
                max(organization_id::text) FILTER (WHERE role = 'LEAD') AS lead_id,
                max(organization_id::text) FILTER (WHERE role = 'DEPUTY') AS deputy_id
           FROM bloc_membership
          WHERE bloc_id = ANY($1::uuid[]) AND role IN ('LEAD', 'DEPUTY')
          GROUP BY bloc_id, year
          ORDER BY year`,
        [blocIds],
      );
    return rows.map((row) => ({ blocId: row.bloc_id, year: row.year, leadId: row.lead_id, deputyId: row.deputy_id }));
  }
}
