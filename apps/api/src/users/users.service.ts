import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { UserEntity } from '@anchored/data';
import { DomainError, EnrollmentStatus, Role } from '@anchored/domain';
import { PasswordService } from '../auth/password.service';
import { randomToken } from '../auth/tokens';
import { isUniqueViolation } from '../database/pg-errors';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import { newCalendarToken } from '../private-text/sealed-columns';
import { likePattern } from '../common/paging';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  timezone?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * The admin's list of people, by name: of one role, in one cohort (its clients, whatever their
   * enrollment's status, and its coaches), clients whose enrollment has a status (in that cohort
   * or any), and/or matching a piece of name or email; paged.
   */
  list(filter: { role?: Role | null; cohortId?: string | null; status?: EnrollmentStatus | null; search?: string | null }, limit: number, offset: number): Promise<UserEntity[]> {
    const query = this.users.createQueryBuilder('u');
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.status) {
      // Clients with an enrollment of that status (in the cohort, when one is named).
      query.andWhere(
        `u.id IN (SELECT e.client_id FROM enrollments e WHERE e.status = :status${filter.cohortId ? ' AND e.cohort_id = :cohortId' : ''})`,
        { status: filter.status, cohortId: filter.cohortId },
      );
    } else if (filter.cohortId) {
      query.andWhere(
        '(u.id IN (SELECT e.client_id FROM enrollments e WHERE e.cohort_id = :cohortId) OR u.id IN (SELECT c.coach_id FROM cohort_coaches c WHERE c.cohort_id = :cohortId))',
        { cohortId: filter.cohortId },
      );
    }
    const search = filter.search?.trim();
    if (search) query.andWhere('(u.name ILIKE :search OR u.email ILIKE :search)', { search: likePattern(search) });
    return query.orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').limit(limit).offset(offset).getMany();
  }

  async create(input: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const repo = manager ? manager.getRepository(UserEntity) : this.users;
    // The id is chosen here: the calendar token's ciphertext is bound to it.
    const id = randomUUID();
    const user = repo.create({
      id,
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      timezone: input.timezone ?? 'UTC',
      passwordHash: await this.passwords.hash(input.password),
      ...newCalendarToken(this.cipher, id, randomToken(24)).columns,
    });
    try {
      return await repo.save(user);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw DomainError.conflict('An account with this email already exists. Log in instead.');
      }
      throw error;
    }
  }

  /** The person proved they read the address (an invitation link), or an operator vouches for it. */
  async markEmailVerified(id: string, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(UserEntity) : this.users;
    await repo.update({ id }, { emailVerifiedAt: () => 'COALESCE(email_verified_at, now())' });
  }

  async requireById(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw DomainError.notFound('That user');
    return user;
  }
}
