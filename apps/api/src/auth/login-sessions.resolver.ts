import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { LoginSessionsService } from './login-sessions.service';
import { LoginSessionModel } from './models/login-session.model';
import { describeUserAgent } from './user-agent';

@Resolver(() => LoginSessionModel)
export class LoginSessionsResolver {
  constructor(private readonly logins: LoginSessionsService) {}

  @Query(() => [LoginSessionModel], { description: "The caller's active logins, most recently used first" })
  async myLoginSessions(@CurrentUser() caller: AuthUser): Promise<LoginSessionModel[]> {
    const list = await this.logins.list(caller.id, caller.sessionFamilyId);
    return list.map((l) => ({ ...l, userAgent: describeUserAgent(l.userAgent) }));
  }

  @Mutation(() => Boolean, { description: "Ends one of the caller's logins: its refresh and access tokens stop working" })
  revokeLoginSession(@CurrentUser() caller: AuthUser, @Args('id', { type: () => ID }, ParseUuidPipe) id: string): Promise<boolean> {
    return this.logins.revokeOwn(caller.id, id);
  }
}
