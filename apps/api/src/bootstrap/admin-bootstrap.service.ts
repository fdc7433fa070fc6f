import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import { APP_CONFIG } from '../config.module';
import { isUniqueViolation } from '../database/pg-errors';
import { UsersService } from '../users/users.service';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when nobody has that email yet. */
@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async ensureAdmin(email = this.config.adminEmail, password = this.config.adminPassword): Promise<'created' | 'exists' | 'skipped'> {
    if (!email || !password) return 'skipped';
    if (await this.users.findByEmail(email)) return 'exists';
    try {
      // The operator chose this address for the first admin: it counts as verified.
      const admin = await this.users.create({ email, password, name: 'Administrator', role: Role.ADMIN });
      await this.users.markEmailVerified(admin.id);
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (isUniqueViolation(error) || (error as { code?: string }).code === 'CONFLICT') return 'exists';
      throw error;
    }
    this.logger.log(`Created the admin account ${email}`);
    return 'created';
  }
}
