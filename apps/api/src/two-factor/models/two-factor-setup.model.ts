import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TwoFactorSetup', { description: 'A new authenticator secret, shown while setting up; nothing changes until confirmTwoFactorSetup' })
export class TwoFactorSetupModel {
  @Field(() => String, { description: 'Base32, for typing into the app by hand' })
  secret: string;

  @Field(() => String, { description: 'otpauth://totp/… (what the QR code holds)' })
  otpauthUri: string;

  @Field(() => String, { description: 'The QR code as a PNG data: URL' })
  qrCodeDataUrl: string;
}
