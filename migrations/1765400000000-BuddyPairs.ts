import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buddies (docs/buddies.md):
 * - `buddy_pairs`: one pair (or the one trio) of a cohort's pairing, from `starts_on` (the cohort's
 *   local day it was made) until `ends_on` (the day the next pairing replaced it; null: current).
 * - `buddy_pair_members`: who is in it, and whether they share their daily weather (location and
 *   state of their latest check-in, never the note or the score) with their buddy. A deleted
 *   account leaves its pairs (ON DELETE CASCADE).
 * - The BUDDY_PAIRED notification kind.
 */
export class BuddyPairs1765400000000 implements MigrationInterface {
  name = 'BuddyPairs1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'BUDDY_PAIRED'`);
    await q.query(`
      CREATE TABLE buddy_pairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT buddy_pairs_cohort_id_fkey FOREIGN KEY (cohort_id) REFERENCES cohorts (id) ON DELETE CASCADE,
        CONSTRAINT buddy_pairs_dates_check CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX buddy_pairs_current_idx ON buddy_pairs (cohort_id) WHERE ends_on IS NULL`);
    await q.query(`
      CREATE TABLE buddy_pair_members (
        pair_id uuid NOT NULL,
        user_id uuid NOT NULL,
        shares_weather boolean NOT NULL DEFAULT false,
        CONSTRAINT buddy_pair_members_pkey PRIMARY KEY (pair_id, user_id),
        CONSTRAINT buddy_pair_members_pair_id_fkey FOREIGN KEY (pair_id) REFERENCES buddy_pairs (id) ON DELETE CASCADE,
        CONSTRAINT buddy_pair_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX buddy_pair_members_user_idx ON buddy_pair_members (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE buddy_pair_members`);
    await q.query(`DROP TABLE buddy_pairs`);
    // Postgres cannot drop an enum value; BUDDY_PAIRED stays in notification_kind.
  }
}
