import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AppConfig } from '@anchored/config';
import { DomainError, ErrorCode, Role } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import { TwoFactorService } from './two-factor.service';

/** What an admin without two-factor sign-in may still do under ADMIN_REQUIRE_2FA: set it up. */
export const ALLOWED_BEFORE_SETUP = new Set(['Query.me', 'Mutation.logOut', 'Mutation.refreshSession', 'Mutation.startTwoFactorSetup', 'Mutation.confirmTwoFactorSetup']);

export const SETUP_REQUIRED_MESSAGE = 'Admins must use two-factor sign-in here: set it up in Settings → Two-factor sign-in before doing anything else.';

/** One look-up per HTTP request, however many root fields it asks for. */
const checks = new WeakMap<object, Promise<boolean>>();

/**
 * Global guard (after JwtAuthGuard, which the app module registers first): with ADMIN_REQUIRE_2FA,
 * an admin who has not turned on two-factor sign-in gets TWO_FACTOR_SETUP_REQUIRED on every root
 * field except the setup ones, `me`, `logOut` and `refreshSession`. Off by default: then it does nothing.
 */
@Injectable()
export class TwoFactorSetupGuard {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.adminRequire2fa || context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext<{ req?: { user?: AuthUser } }>().req;
    const user = req?.user;
    if (!req || !user || user.role !== Role.ADMIN) return true;
    const info = gql.getInfo();
    if (ALLOWED_BEFORE_SETUP.has(`${info.parentType.name}.${info.fieldName}`)) return true;
    let check = checks.get(req);
    if (!check) {
      check = this.twoFactor.isEnabled(user.id);
      checks.set(req, check);
    }
    if (await check) return true;
    throw new DomainError(ErrorCode.TWO_FACTOR_SETUP_REQUIRED, SETUP_REQUIRED_MESSAGE);
  }
}
