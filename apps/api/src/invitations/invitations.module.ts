import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvitationEntity } from '@anchored/data';
import { UsersModule } from '../users/users.module';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity]), UsersModule],
  providers: [InvitationsService, InvitationsResolver],
})
export class InvitationsModule {}
