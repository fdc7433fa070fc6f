import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@anchored/config';
import { AccessDecision, AccessFact, AccessFacts, DomainError, EnrollmentStatus, Permission, decide, factsNeeded } from '@anchored/domain';
import type { CohortEntity } from '@anchored/data';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import type { Loaders } from '../loaders/loaders';

/**
 * What a permission is asked about. A cohort (by id, or already loaded), something that belongs to
 * a client inside a cohort (a submission, an enrollment), a user (their own settings), or nothing
 * (platform-wide permissions such as ADMINISTER).
 */
export type AccessTarget =
  | { cohortId: string }
  | { cohort: Pick<CohortEntity, 'id' | 'status'> }
  | { submission: { clientId: string; assignmentId: string } }
  | { enrollment: { clientId: string; cohortId: string } }
  | { userId: string }
  | null;

/**
 * The one place the API asks who may do what. It looks up the facts the policy's rule needs for
 * the caller's role (through the request's DataLoaders, so a list of 50 submissions costs one
 * query per kind of fact, not 50) and hands them to `decide` in libs/domain.
 *
 *   await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId }, loaders);
 */
@Injectable()
export class AccessService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws FORBIDDEN, with the policy's reason, unless the caller holds the permission on the target. */
  async require(caller: AuthUser, permission: Permission, target: AccessTarget, loaders: Loaders): Promise<void> {
    const decision = await this.decide(caller, permission, target, loaders);
    if (!decision.allowed) throw DomainError.forbidden(decision.reason);
  }

  async can(caller: AuthUser, permission: Permission, target: AccessTarget, loaders: Loaders): Promise<boolean> {
    return (await this.decide(caller, permission, target, loaders)).allowed;
  }

  async decide(caller: AuthUser, permission: Permission, target: AccessTarget, loaders: Loaders): Promise<AccessDecision> {
    const needed = factsNeeded(permission, caller.role);
    const facts: AccessFacts = {};
    await Promise.all(needed.map((fact) => this.lookUp(fact, caller, target, loaders, facts)));
    return decide(permission, caller, facts);
  }

  private async lookUp(fact: AccessFact, caller: AuthUser, target: AccessTarget, loaders: Loaders, facts: AccessFacts): Promise<void> {
    switch (fact) {
      case 'ownerId':
        facts.ownerId = ownerOf(target);
        return;
      case 'adminsReadHomework':
        facts.adminsReadHomework = this.config.adminsReadHomework;
        return;
      case 'cohortStatus': {
        if (target && 'cohort' in target) facts.cohortStatus = target.cohort.status;
        else {
          const cohortId = await cohortOf(target, loaders);
          facts.cohortStatus = cohortId ? (await loaders.cohortById.load(cohortId))?.status : undefined;
        }
        return;
      }
      case 'coachOfCohort': {
        const cohortId = await cohortOf(target, loaders);
        facts.coachOfCohort = !!cohortId && (await loaders.coachIdsByCohortId.load(cohortId)).includes(caller.id);
        return;
      }
      case 'seat': {
        const cohortId = await cohortOf(target, loaders);
        const seat = cohortId ? await loaders.seatStatus.load(`${cohortId}:${caller.id}`) : undefined;
        facts.seat = seat === EnrollmentStatus.ENROLLED || seat === EnrollmentStatus.GRADUATED ? seat : null;
        return;
      }
      case 'seatAnywhere':
        facts.seatAnywhere = await loaders.hasSeatAnywhere.load(caller.id);
        return;
      case 'appliedToCohort': {
        const cohortId = await cohortOf(target, loaders);
        facts.appliedToCohort = !!cohortId && (await loaders.hasEnrollment.load(`${cohortId}:${caller.id}`));
        return;
      }
    }
  }
}

function ownerOf(target: AccessTarget): string | undefined {
  if (!target) return undefined;
  if ('submission' in target) return target.submission.clientId;
  if ('enrollment' in target) return target.enrollment.clientId;
  if ('userId' in target) return target.userId;
  return undefined;
}

async function cohortOf(target: AccessTarget, loaders: Loaders): Promise<string | undefined> {
  if (!target) return undefined;
  if ('cohortId' in target) return target.cohortId;
  if ('cohort' in target) return target.cohort.id;
  if ('enrollment' in target) return target.enrollment.cohortId;
  if ('submission' in target) return (await loaders.assignmentById.load(target.submission.assignmentId))?.cohortId;
  return undefined;
}
