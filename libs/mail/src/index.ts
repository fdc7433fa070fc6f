export * from './mailer';
export * from './links';
export * from './mail.module';
