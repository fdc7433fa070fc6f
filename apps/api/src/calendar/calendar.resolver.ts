import { Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { UserModel } from '../users/models/user.model';
import { CalendarService } from './calendar.service';

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Mutation(() => UserModel, { description: 'Issues a new personal calendar URL; the old one stops working' })
  rotateCalendarToken(@CurrentUser() caller: AuthUser) {
    return this.calendar.rotateToken(caller.id);
  }
}
