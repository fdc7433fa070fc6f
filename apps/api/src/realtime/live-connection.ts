import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import { GraphQLError, Kind, OperationTypeNode, type ExecutionResult, type OperationDefinitionNode, type DocumentNode, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { AuthUser } from '../common/auth-user';
import type { GqlContext } from '../common/gql-context';
import { APP_CONFIG } from '../config.module';
import { LoginSessionsService } from '../auth/login-sessions.service';
import { JWT_ALGORITHM } from '../auth/jwt.strategy';
import { formatGraphQLError } from '../graphql/format-error';
import { MAX_TOKENS } from '../graphql/input-guard.plugin';
import { operationLimitRules } from '../graphql/limits';
import type { LoadersFactory } from '../loaders/loaders';

/** Closed by the server when the connection's access token expires: the client reconnects with a fresh one. */
export const TOKEN_EXPIRED_CLOSE_CODE = 4000;
/** Subscriptions one connection may hold open at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

interface Connection {
  user: AuthUser;
  token: string;
  ip: string;
  expiryTimer?: NodeJS.Timeout;
  liveTimer?: NodeJS.Timeout;
}

/** How often an open connection checks that its login was not ended ("Log out" elsewhere). */
export const LOGIN_RECHECK_MS = 30_000;

type Extra = { socket: WebSocket; request: IncomingMessage; anchored?: Connection };
type LiveContext = WsContext<Record<string, unknown> | undefined, Extra>;

function bearer(params: Record<string, unknown> | undefined): string | null {
  const header = params?.['authorization'] ?? params?.['Authorization'];
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

/**
 * The WebSocket side of /graphql (graphql-ws): who is connected, and the context every subscription
 * operation runs with. The access token comes in connectionParams { authorization: "Bearer …" },
 * is checked exactly like an HTTP request's (signature, issuer, audience, expiry, live login), and
 * a connection without a valid one is closed with 4403 Forbidden before any operation. When the
 * token expires the server closes the socket (4000) and the client reconnects with a fresh token.
 *
 * Each subscription operation gets a context shaped like an HTTP one ({ req, res, loaders }, with
 * req.headers.authorization set from connectionParams), so JwtAuthGuard (passport), PermissionGuard,
 * @CurrentUser() and a throttler guard work unchanged on @Subscription fields.
 */
@Injectable()
export class LiveConnectionAuth {
  private readonly logger = new Logger('LiveConnections');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly logins: LoginSessionsService,
  ) {}

  /** The user behind a token, or null (same checks as JwtStrategy). */
  async authenticate(token: string): Promise<{ user: AuthUser; expiresAt: number } | null> {
    try {
      const claims = await this.jwt.verifyAsync<{ sub: string; role: Role; sid?: string; exp: number }>(token, {
        secret: this.config.jwtSecret,
        algorithms: [JWT_ALGORITHM],
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
      });
      if (!claims.sid || !(await this.logins.isLive(claims.sub, claims.sid))) return null;
      return { user: { id: claims.sub, role: claims.role, sessionFamilyId: claims.sid }, expiresAt: claims.exp * 1000 };
    } catch {
      return null;
    }
  }

  /** graphql-ws onConnect: false closes the socket with 4403 Forbidden. */
  async onConnect(ctx: LiveContext): Promise<boolean> {
    const token = bearer(ctx.connectionParams);
    const verified = token ? await this.authenticate(token) : null;
    if (!token || !verified) {
      this.logger.warn({ code: 'UNAUTHENTICATED' }, 'Live connection refused');
      return false;
    }
    const { socket, request } = ctx.extra;
    const connection: Connection = { user: verified.user, token, ip: request.socket.remoteAddress ?? '' };
    const ms = verified.expiresAt - Date.now();
    connection.expiryTimer = setTimeout(() => socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Access token expired'), Math.max(0, ms));
    connection.expiryTimer.unref();
    // A login ended elsewhere (log out, password change) closes its sockets within LOGIN_RECHECK_MS.
    connection.liveTimer = setInterval(() => {
      void this.logins.isLive(verified.user.id, verified.user.sessionFamilyId as string).then(
        (live) => live || socket.close(4403, 'Forbidden'),
        () => undefined,
      );
    }, LOGIN_RECHECK_MS);
    connection.liveTimer.unref();
    ctx.extra.anchored = connection;
    return true;
  }

  onClose(ctx: LiveContext): void {
    clearTimeout(ctx.extra.anchored?.expiryTimer);
    clearInterval(ctx.extra.anchored?.liveTimer);
  }

  /** An HTTP-shaped context for one subscription operation. */
  context(ctx: LiveContext, loaders: LoadersFactory): GqlContext {
    const connection = ctx.extra.anchored;
    const headers = { authorization: connection ? `Bearer ${connection.token}` : '' };
    const req = { headers, ip: connection?.ip ?? '', method: 'WS', url: '/graphql', user: undefined } as unknown as GqlContext['req'];
    // Throttler guards set rate-limit headers on the response; a WebSocket operation has none.
    const res = { header: () => res, setHeader: () => res } as unknown as GqlContext['res'];
    return { req, res, loaders: loaders.create() };
  }
}

/** Whether a context function is being called by graphql-ws rather than by Apollo over HTTP. */
export function isLiveContext(value: unknown): value is LiveContext {
  return !!value && typeof value === 'object' && 'extra' in value && 'connectionParams' in value;
}

/**
 * graphql-ws options for @nestjs/apollo's `subscriptions: { 'graphql-ws': … }`: authentication,
 * only subscription operations (queries and mutations go over HTTP, where cookies, CSRF rules and
 * throttling live), the same operation limits as HTTP, and errors formatted like HTTP ones.
 */
export function graphqlWsOptions(config: AppConfig, auth: LiveConnectionAuth) {
  const limits = operationLimitRules(config.graphql);
  return {
    connectionInitWaitTimeout: 10_000,
    onConnect: (ctx: LiveContext) => auth.onConnect(ctx),
    onClose: (ctx: LiveContext) => auth.onClose(ctx),
    onSubscribe: (ctx: LiveContext, _id: string, payload: { query: string; operationName?: string | null }): readonly GraphQLError[] | void => {
      const subscriptions = (ctx.subscriptions ? Object.keys(ctx.subscriptions).length : 0);
      if (subscriptions >= MAX_SUBSCRIPTIONS_PER_CONNECTION) return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, { extensions: { code: 'BAD_REQUEST' } })];
      let document;
      try {
        document = parse(payload.query, { maxTokens: MAX_TOKENS });
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError('The operation could not be read.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const operation = payload.operationName ? operations.find((o) => o.name?.value === payload.operationName) : operations[0];
      if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
        return [new GraphQLError('Only subscriptions run over the WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_REQUEST' } })];
      }
      return undefined;
    },
    // The same operation limits as over HTTP (depth, aliases, cost, list nesting).
    validate: (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, [...specifiedRules, ...limits]),
    // Same error shape as HTTP: a code and a human message, nothing internal.
    onNext: (_ctx: LiveContext, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) => {
      if (!result.errors?.length) return result;
      return { ...result, errors: result.errors.map((e) => formatGraphQLError(e.toJSON(), e)) } as unknown as ExecutionResult;
    },
  };
}
