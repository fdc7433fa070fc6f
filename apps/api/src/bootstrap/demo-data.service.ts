import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { CohortEntity, EnrollmentEntity } from '@anchored/data';
import { AttendanceStatus, CohortStatus, EnrollmentStatus, Reaction, Role } from '@anchored/domain';
import { BuddiesService } from '../buddies/buddies.service';
import { programWeekAt, weeklyPromptFor } from '@anchored/curriculum';
import { CommunityService } from '../community/community.service';
import { APP_CONFIG } from '../config.module';
import { ConversationsService } from '../conversations/conversations.service';
import { EnrollmentService } from '../enrollment/enrollment.service';
import { HomeworkService } from '../homework/homework.service';
import { type Loaders, LoadersFactory } from '../loaders/loaders';
import { SessionsService } from '../sessions/sessions.service';
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
    private readonly sessions: SessionsService,
    private readonly homework: HomeworkService,
    private readonly enrollment: EnrollmentService,
    private readonly loadersFactory: LoadersFactory,
    private readonly buddies: BuddiesService,
    private readonly conversations: ConversationsService,
    private readonly community: CommunityService,
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
    // Every demo address counts as confirmed except client2's, who sees the "confirm your email" banner.
    for (const person of [admin, coach, ...clients.filter((c) => c.email !== DEMO_CLIENTS[1].email)]) await this.users.markEmailVerified(person.id);

    const startsOn = DateTime.now().setZone('America/New_York').plus({ weeks: 2 }).startOf('week').toISODate() as string;
    const cohort = await this.db.getRepository(CohortEntity).save({
      name: 'Spring Interdependence Circle',
      description:
        'Six months, twelve people, one evening a week: noticing when we hand our worth and safety to others, and practising the steadier way of leaning on each other while staying ourselves.',
      status: CohortStatus.ENROLLING,
      startsOn,
      timezone: 'America/New_York',
      capacity: 12,
      programWeeks: 26,
    });
    await this.db.query(`INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2)`, [cohort.id, coach.id]);
    // What a visitor reads at /: the coach's bio and the circle's weekly meeting.
    await this.db.query(`UPDATE users SET bio = $2 WHERE id = $1`, [
      coach.id,
      'Somatic coach. I help people notice where they are right now and come back to themselves, in their body first.',
    ]);
    await this.sessions.scheduleSeries(
      { id: coach.id, role: Role.COACH },
      { cohortId: cohort.id, title: 'Thursday circle', weekdays: [4], localTime: '18:30', durationMinutes: 90 },
      this.loadersFactory.create(),
    );
    const enrollments = this.db.getRepository(EnrollmentEntity);
    const now = new Date();
    // Motivations are private text: encrypted like every application's.
    const motivation = (clientId: string, text: string) => this.enrollment.sealMotivation(cohort.id, clientId, text);
    await enrollments.save([
      { cohortId: cohort.id, clientId: clients[0].id, status: EnrollmentStatus.ENROLLED, motivationEncrypted: motivation(clients[0].id, 'I want to stop losing myself in other people’s moods.'), decidedAt: now },
      { cohortId: cohort.id, clientId: clients[1].id, status: EnrollmentStatus.ENROLLED, motivationEncrypted: motivation(clients[1].id, 'Learning to ask for what I need without guilt.'), decidedAt: now },
      { cohortId: cohort.id, clientId: clients[2].id, status: EnrollmentStatus.APPLIED, motivationEncrypted: motivation(clients[2].id, 'A friend recommended the program.') },
    ]);
    const active = await this.seedActiveCohort(coach.id, [clients[0].id, clients[1].id, clients[3].id]);
    this.logger.log(`Loaded demo data: ${admin.email}, ${coach.email}, ${clients.length} clients, cohorts "${cohort.name}" and "${active}"`);
    return true;
  }

  /**
   * A cohort three weeks into its program, created through the same services the API uses (so
   * the worker gets its reminders): a Tuesday evening series, attendance, two assignments, answers
   * and a review. The demo coach has something to look at on day one.
   */
  private async seedActiveCohort(coachId: string, clientIds: string[]): Promise<string> {
    const coach = { id: coachId, role: Role.COACH };
    // Outside a request: one set of loaders for the access checks of the whole seed.
    const loaders = this.loadersFactory.create();
    const startsOn = DateTime.now().setZone('America/New_York').minus({ weeks: 3 }).startOf('week').toISODate() as string;
    const cohort = await this.db.getRepository(CohortEntity).save({
      name: 'Autumn Interdependence Circle',
      status: CohortStatus.ACTIVE,
      startsOn,
      timezone: 'America/New_York',
      capacity: 10,
      programWeeks: 26,
    });
    await this.db.query(`INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2)`, [cohort.id, coachId]);
    await this.db.getRepository(EnrollmentEntity).save(
      clientIds.map((clientId) => ({ cohortId: cohort.id, clientId, status: EnrollmentStatus.ENROLLED, decidedAt: new Date() })),
    );
    const series = await this.sessions.scheduleSeries(coach, {
      cohortId: cohort.id,
      title: 'Tuesday circle',
      weekdays: [2],
      localTime: '19:00',
      durationMinutes: 90,
      meetingUrl: 'https://meet.example.com/autumn-circle',
    }, loaders);
    const past = series.filter((session) => session.startsAt < new Date());
    for (const [i, session] of past.entries()) {
      for (const [j, clientId] of clientIds.entries()) {
        // The third client has missed the last two sessions: the weekly summary flags them.
        const absent = j === 2 && i >= past.length - 2;
        await this.sessions.recordAttendance(coach, session.id, clientId, absent ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT, loaders);
      }
    }
    const checkIn = await this.homework.assign(coach, {
      cohortId: cohort.id,
      templateKey: 'where-am-i-located',
      dueAt: DateTime.now().minus({ days: 3 }).toJSDate(),
    }, loaders);
    await this.homework.assign(coach, { cohortId: cohort.id, templateKey: 'boundary-practice-log', dueAt: DateTime.now().plus({ days: 4 }).toJSDate() }, loaders);
    const answer = {
      location: 'With someone else: their mood, their opinion, their needs',
      bodySignals: 'Tight jaw, shallow breath.',
      groundedness: 6,
      returnPractice: 'Three long exhales and feeling my feet on the floor.',
    };
    const first = await this.homework.submit({ id: clientIds[0], role: Role.CLIENT }, checkIn.id, answer, loaders);
    await this.homework.submit({ id: clientIds[1], role: Role.CLIENT }, checkIn.id, { ...answer, location: 'With me: my body, my feelings, my choices', groundedness: 8 }, loaders);
    await this.homework.review(coach, first.id, 'Noticing the jaw is a real skill. Try the exhale before you answer the next message.', loaders);
    // Buddies (docs/buddies.md): the coach has paired the three (New York, Berlin, Los Angeles: one trio), and
    // the first two share their daily weather, so the buddy card shows it on the first start.
    await this.buddies.pair(coach, cohort.id, loaders);
    for (const clientId of clientIds.slice(0, 2)) await this.buddies.shareWeather({ id: clientId, role: Role.CLIENT }, cohort.id, true, loaders);
    await this.seedConversation(cohort.id, coach, clientIds[0], loaders);
    await this.seedCircle(cohort, coach, clientIds, first.id, loaders);
    await this.seedCheckIns(clientIds);
    return cohort.name;
  }

  /**
   * A lively circle (docs/community.md): this week's prompt, posts and replies, reactions, a pinned
   * welcome from the coach and a reflection the first client chose to share (two of their answers).
   */
  private async seedCircle(cohort: CohortEntity, coach: { id: string; role: Role }, clientIds: string[], submissionId: string, loaders: Loaders): Promise<void> {
    const [noor, jonas, sam] = clientIds.map((id) => ({ id, role: Role.CLIENT }));
    const welcome = await this.community.createPost(coach, { cohortId: cohort.id, body: 'Welcome to our circle. This is a place to practise leaning on each other between sessions: share what you notice, answer gently, and take what helps.' }, loaders);
    await this.community.pinPost(coach, welcome.id, true, loaders);
    const week = programWeekAt({ startsOn: cohort.startsOn, timezone: cohort.timezone, programWeeks: cohort.programWeeks });
    const prompt = week ? await this.community.postWeeklyPrompt(cohort.id, week.week, weeklyPromptFor(week.week).text) : null;
    if (prompt) {
      await this.community.replyToPost(jonas, prompt.id, 'My sister’s moods. I check her face before I know what I feel myself.', loaders);
      await this.community.replyToPost(sam, prompt.id, 'Same with my manager. Naming it already helps a bit.', loaders);
    }
    const noorPost = await this.community.createPost(noor, { cohortId: cohort.id, body: 'I said "let me think about it" instead of an instant yes today. Small, but it felt huge.' }, loaders);
    await this.community.replyToPost(coach, noorPost.id, 'That pause is the whole skill. Well done.', loaders);
    await this.community.replyToPost(jonas, noorPost.id, 'Stealing this phrase!', loaders);
    for (const [who, reaction] of [[jonas, Reaction.HEART], [sam, Reaction.WITH_YOU], [coach, Reaction.THANK_YOU]] as const) await this.community.react(who, noorPost.id, reaction, loaders);
    await this.community.shareReflection(noor, { submissionId, fieldKeys: ['location', 'returnPractice'], note: 'Sharing what helped me come back this week.', showName: true }, loaders);
  }

  /** A private conversation (docs/messages.md): the first client and the coach, a few messages each way. */
  private async seedConversation(cohortId: string, coach: { id: string; role: Role }, clientId: string, loaders: Loaders): Promise<void> {
    const client = { id: clientId, role: Role.CLIENT };
    const conversation = await this.conversations.start(client, cohortId, coach.id, loaders);
    await this.conversations.send(client, conversation.id, 'Thank you for the feedback. The long exhale before answering helped twice this week.', loaders);
    await this.conversations.send(coach, conversation.id, 'That is lovely to hear. Notice what your body does right after, too. See you on Thursday.', loaders);
    await this.conversations.send(client, conversation.id, 'Will do. See you Thursday!', loaders);
  }

  /**
   * Three weeks of daily check-ins (docs/check-ins.md), so the trend, the weather and the reach-out
   * reasons show something on the first start: the first client checks in most days and grows more
   * anchored; the second does too, then feels much less anchored in the last three days
   * (ANCHORED_DROPPING); the third goes up and down. Three people, so the weather shows. No notes.
   */
  private async seedCheckIns(clientIds: string[]): Promise<void> {
    const locations = ['WITH_MYSELF', 'WITH_OTHERS', 'IN_THE_PAST', 'IN_THE_FUTURE'];
    const states = ['SETTLED', 'ACTIVATED', 'SHUT_DOWN', 'APPEASING'];
    const rows: unknown[][] = [];
    for (const [c, clientId] of clientIds.entries()) {
      const [{ timezone }]: { timezone: string }[] = await this.db.query(`SELECT timezone FROM users WHERE id = $1`, [clientId]);
      for (let daysAgo = 21; daysAgo >= 1; daysAgo--) {
        if ((daysAgo + c) % 6 === 0) continue; // a day off now and then
        const growing = Math.min(10, 4 + Math.floor((21 - daysAgo) / 4));
        const anchored = c === 1 && daysAgo <= 3 ? 2 + (daysAgo % 2) : c === 1 ? 7 + (daysAgo % 2) : c === 0 ? growing : 5 + (daysAgo % 3);
        const settled = anchored >= 7;
        const at = DateTime.now().setZone(timezone).minus({ days: daysAgo }).set({ hour: 8 + ((daysAgo * 7 + c * 3) % 12), minute: 15 });
        rows.push([
          clientId,
          at.toISODate(),
          settled ? locations[(daysAgo + c) % 2 === 0 ? 0 : 1] : locations[(daysAgo + c) % 4],
          settled ? states[0] : states[1 + ((daysAgo + c) % 3)],
          anchored,
          at.toJSDate(),
        ]);
      }
    }
    for (const row of rows) {
      await this.db.query(`INSERT INTO check_ins (client_id, local_date, location, state, anchored, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, row);
    }
  }
}
