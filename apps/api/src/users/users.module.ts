import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@anchored/data';
import { PasswordService } from '../auth/password.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [UsersService, UsersResolver, PasswordService],
  exports: [UsersService, PasswordService],
})
export class UsersModule {}
