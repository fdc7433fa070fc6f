import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from './user.entity';

/**
 * One pair (or the one trio) of a cohort's buddy pairing (docs/buddies.md). Current while `endsOn`
 * is null; the next pairing ends it. Dates are the cohort's local days.
 */
@Entity('buddy_pairs')
@Index('buddy_pairs_current_idx', ['cohortId'], { where: 'ends_on IS NULL' })
@Check('buddy_pairs_dates_check', 'ends_on IS NULL OR ends_on >= starts_on')
export class BuddyPairEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'buddy_pairs_cohort_id_fkey', onDelete: 'CASCADE' })
  cohortId: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A member of a buddy pair, and whether they share their daily weather with their buddy. */
@Entity('buddy_pair_members')
@Index('buddy_pair_members_user_idx', ['userId'])
export class BuddyPairMemberEntity {
  @PrimaryColumn({ name: 'pair_id', type: 'uuid' })
  @ForeignKey(() => BuddyPairEntity, { name: 'buddy_pair_members_pair_id_fkey', onDelete: 'CASCADE' })
  pairId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'buddy_pair_members_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  /** Location and state of their latest check-in, shown to their buddy; never the note or the score. */
  @Column({ name: 'shares_weather', type: 'boolean', default: false })
  sharesWeather: boolean;
}
