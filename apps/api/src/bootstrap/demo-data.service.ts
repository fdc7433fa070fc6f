import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { CohortEntity, EnrollmentEntity } from '@anchored/data';
import { CohortStatus, EnrollmentStatus, Role } from '@anchored/domain';
import { APP_CONFIG } from '../config.module';
import { UsersService } from '../users/users.service';

/** Demo logins, printed on start. They only ever exist in a development database. */
export const DEMO_PASSWORD = 'anchored-demo-password';
export const DEMO_ADMIN = { email: 'admin@demo.anchored.test', name: 'Ada Admin' };
export const DEMO_COACH = { email: 'coach@demo.anchored.test', name: 'Corin Coach' };
export const DEMO_CLIENTS = [
  { email: 'client1@demo.anchored.test', name: 'Noor Haddad', timezone: 'America/New_York' },
  { email: 'client2@demo.anchored.test', name: 'Jonas Weber', timezone: 'Europe/Berlin' },
  { email: 'client3@demo.anchored.test', name: 'Mei Tanaka', timezone: 'Asia/Tokyo' },
  { email: 'client4@demo.anchored.test', name: 'Sam Rivera', timezone: 'America/Los_Angeles' },
];

@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  /** Loads demo people and an enrolling cohort into an empty database; does nothing otherwise. */
  async seedIfEmpty(): Promise<boolean> {
    if (this.config.isProduction) return false;
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM cohorts`);
    if (count > 0) return false;

    const admin = (await this.users.findByEmail(DEMO_ADMIN.email)) ?? (await this.users.create({ ...DEMO_ADMIN, role: Role.ADMIN, password: DEMO_PASSWORD, timezone: 'Europe/London' }));
    const coach = (await this.users.findByEmail(DEMO_COACH.email)) ?? (await this.users.create({ ...DEMO_COACH, role: Role.COACH, password: DEMO_PASSWORD, timezone: 'America/New_York' }));
    const clients = [];
    for (const c of DEMO_CLIENTS) {
      clients.push((await this.users.findByEmail(c.email)) ?? (await this.users.create({ ...c, role: Role.CLIENT, password: DEMO_PASSWORD })));
    }

    const startsOn = DateTime.now().setZone('America/New_York').plus({ weeks: 2 }).startOf('week').toISODate() as string;
    const cohort = await this.db.getRepository(CohortEntity).save({
      name: 'Spring Interdependence Circle',
      status: CohortStatus.ENROLLING,
      startsOn,
      timezone: 'America/New_York',
      capacity: 12,
      programWeeks: 26,
    });
    await this.db.query(`INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2)`, [cohort.id, coach.id]);
    const enrollments = this.db.getRepository(EnrollmentEntity);
    const now = new Date();
    await enrollments.save([
      { cohortId: cohort.id, clientId: clients[0].id, status: EnrollmentStatus.ENROLLED, motivation: 'I want to stop losing myself in other people’s moods.', decidedAt: now },
      { cohortId: cohort.id, clientId: clients[1].id, status: EnrollmentStatus.ENROLLED, motivation: 'Learning to ask for what I need without guilt.', decidedAt: now },
      { cohortId: cohort.id, clientId: clients[2].id, status: EnrollmentStatus.APPLIED, motivation: 'A friend recommended the program.' },
    ]);
    this.logger.log(`Loaded demo data: ${admin.email}, ${coach.email}, ${clients.length} clients, cohort "${cohort.name}"`);
    return true;
  }
}
