import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import { Inject, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { GraphQLSchema, OperationDefinitionNode, TypeInfo, type DocumentNode, visit, visitWithTypeInfo } from 'graphql';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import { createRedis } from '@anchored/jobs';
import { knownLive } from '../auth/jwt.strategy';
import type { GqlContext } from '../common/gql-context';
import { APP_CONFIG } from '../config.module';
import type { LiveConnectionAuth } from '../realtime/live-connection';

/**
 * The fields a cached answer may contain: what the coach's cohort screens read (docs/performance.md).
 * Fail closed: an operation selecting anything else (private text such as Submission.responses,
 * whose every read the access log must record; anything with side effects) is never cached.
 */
const CACHEABLE: Record<string, readonly string[]> = {
  Query: ['cohort', 'cohortProgress', 'cohorts', 'homeworkTemplates'],
  Cohort: ['id', 'name', 'status', 'startsOn', 'endsOn', 'timezone', 'programWeeks', 'capacity', 'enrolledCount', 'waitlistCount', 'enrollments', 'sessions', 'assignments', 'coaches'],
  Enrollment: ['id', 'client', 'status'],
  User: ['id', 'name', 'email'],
  Session: ['id', 'seriesId', 'title', 'moduleKey', 'startsAt', 'durationMinutes', 'meetingUrl', 'status', 'attendance'],
  Attendance: ['status', 'client'],
  HomeworkAssignment: ['id', 'title', 'dueAt', 'instructions', 'template', 'submissions'],
  HomeworkTemplate: ['key', 'title', 'instructions', 'fields'],
  HomeworkField: ['key', 'label', 'kind', 'help', 'options', 'min', 'max', 'required'],
  Submission: ['id', 'status', 'late', 'submittedAt', 'reviewedAt', 'client'],
  ClientProgress: ['client', 'submitted', 'missing', 'late', 'reviewed', 'attendanceRate', 'reachOutReasons', 'lastCheckInOn'],
};
/**
 * Mutations that cannot change anything in CACHEABLE (logins, drafts, read marks, the circle, messages);
 * every other mutation moves the write generation on.
 */
const NO_CACHED_EFFECT = new Set([
  'logIn', 'logOut', 'refreshSession', 'revokeLoginSession', 'requestPasswordReset', 'resendVerificationEmail', 'requestDataExport',
  'rotateCalendarToken', 'startTwoFactorSetup', 'confirmTwoFactorSetup', 'disableTwoFactor', 'regenerateRecoveryCodes',
  'markAllNotificationsRead', 'markNotificationRead', 'markConversationRead', 'saveFeedbackDraft', 'discardFeedbackDraft',
  'saveHomeworkDraft', 'discardHomeworkDraft', 'react', 'sendMessage', 'startConversation', 'createPost', 'replyToPost', 'editPost',
  'deletePost', 'deleteReply', 'hidePost', 'pinPost', 'reportPost', 'shareReflection',
]);
const cacheable = new Set(Object.entries(CACHEABLE).flatMap(([type, fields]) => fields.map((f) => `${type}.${f}`)));

/** At most this many answers are kept (oldest dropped first); a 20-client dashboard is ~170 KB. */
const MAX_ENTRIES = 200;

interface Entry {
  generation: number;
  expiresAt: number;
  body: GraphQLResponse['body'];
}

/**
 * A short per-coach cache of whole GraphQL answers for the cohort screens, which coaches reload many
 * times a day. An answer is kept for RESPONSE_CACHE_SECONDS and only for the same user (the key is
 * user, operation text and variables). Every mutation, by anyone, moves a write generation on (in
 * Redis when there is one, so every API instance sees it before the mutation's answer is sent), and
 * an answer from an older generation is never served. Writes outside GraphQL (the worker) are
 * covered by the short lifetime. The caller's token and login are checked as JwtStrategy does before
 * anything cached is answered.
 */
@Injectable()
export class ResponseCache implements OnModuleDestroy {
  private readonly logger = new Logger(ResponseCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly redis?: IORedis;
  private readonly generationKey: string;
  private localGeneration = 0;
  /** Counts since start, for tests and the benchmark. */
  readonly stats = { hits: 0, misses: 0, stored: 0 };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlMs = config.graphql.responseCacheSeconds * 1000;
    this.generationKey = `${config.notifications.queuePrefix}:response-cache:generation`;
    if (this.ttlMs > 0 && config.redisUrl) {
      this.redis = createRedis(config.redisUrl, 'producer');
      this.redis.on('error', (error) => this.logger.warn(`Redis (response cache): ${error.message}`));
    }
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /** The current write generation; null when it cannot be known (then nothing is served or kept). */
  async generation(): Promise<number | null> {
    if (!this.redis) return this.localGeneration;
    try {
      return Number((await this.redis.get(this.generationKey)) ?? 0);
    } catch {
      return null;
    }
  }

  /** After any mutation: answers read before it are not served again. */
  async invalidate(): Promise<void> {
    this.localGeneration += 1;
    this.entries.clear();
    if (!this.redis) return;
    try {
      await this.redis.incr(this.generationKey);
    } catch (error) {
      this.logger.warn(`Could not move the response cache on: ${(error as Error).message}`);
    }
  }

  /** Kept for the next read of the same user, operation and variables. */
  store(key: string, generation: number, body: Entry['body']): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { generation, expiresAt: Date.now() + this.ttlMs, body });
    this.stats.stored += 1;
  }

  /** A kept answer still valid for this generation, or undefined. */
  lookup(key: string, generation: number): Entry['body'] | undefined {
    const entry = this.entries.get(key);
    return entry && entry.generation === generation && entry.expiresAt > Date.now() ? entry.body : undefined;
  }
}

/** The Apollo side of ResponseCache: answers from it before execution, keeps answers after. */
export function responseCachePlugin(cache: ResponseCache, live: Pick<LiveConnectionAuth, 'authenticate'>): ApolloServerPlugin<GqlContext> {
  const verdicts = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let generation: number | null = null;
      let hit = false;
      return {
        async responseForOperation(ctx) {
          if (!cache.enabled || ctx.operation.operation !== 'query') return null;
          let ok = verdicts.get(ctx.document);
          if (ok === undefined) {
            ok = onlyCacheableFields(ctx.schema, ctx.document, ctx.operation);
            verdicts.set(ctx.document, ok);
          }
          if (!ok) return null;
          const token = bearer(ctx.contextValue);
          // Only coaches' answers are kept: other callers skip the token check here (the guard
          // still makes it). The claim is read unverified only to decide that; authenticate verifies.
          if (!token || claimedRole(token) !== Role.COACH) return null;
          const caller = await live.authenticate(token);
          if (!caller || caller.user.role !== Role.COACH) return null;
          // The same token's login was just found live: on a miss, the guard need not ask again.
          knownLive(ctx.contextValue.req);
          generation = await cache.generation();
          if (generation === null) return null;
          key = `${caller.user.id}\n${ctx.operationName ?? ''}\n${ctx.request.query ?? ''}\n${JSON.stringify(ctx.request.variables ?? {})}`;
          const kept = cache.lookup(key, generation);
          if (kept) {
            cache.stats.hits += 1;
            hit = true;
            return { http: { status: undefined, headers: new HeaderMap() }, body: kept };
          }
          cache.stats.misses += 1;
          return null;
        },
        async willSendResponse(ctx: GraphQLRequestContext<GqlContext>) {
          if (ctx.operation?.operation === 'mutation') {
            if (cache.enabled && !onlyRootFields(ctx.operation, NO_CACHED_EFFECT)) await cache.invalidate();
            return;
          }
          if (hit || key === null || generation === null) return;
          const body = ctx.response.body;
          if (!body || body.kind !== 'single' || body.singleResult.errors?.length) return;
          // Stored under the generation read before execution: a write during it makes it stale at once.
          cache.store(key, generation, body);
        },
      };
    },
  };
}

function bearer(ctx: GqlContext | undefined): string | null {
  const header = ctx?.req?.headers?.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
}

function claimedRole(token: string): unknown {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { role?: unknown }).role;
  } catch {
    return undefined;
  }
}

function onlyRootFields(operation: OperationDefinitionNode, names: Set<string>): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === 'Field' && names.has(s.name.value));
}

function onlyCacheableFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let ok = true;
  // Fragments are visited where they are defined; the operation and every fragment must pass.
  const nodes = document.definitions.filter((d) => d === operation || d.kind === 'FragmentDefinition');
  for (const node of nodes) {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          if (field.name.value === '__typename') return;
          const parent = typeInfo.getParentType();
          if (!parent || !cacheable.has(`${parent.name}.${field.name.value}`)) ok = false;
        },
        Directive() {
          ok = false;
        },
      }),
    );
  }
  return ok;
}

@Module({ providers: [ResponseCache], exports: [ResponseCache] })
export class ResponseCacheModule {}
