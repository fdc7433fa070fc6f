import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, ValidationOptions, registerDecorator } from 'class-validator';
import { DateTime } from 'luxon';
import { hasVisibleCharacter } from './text';

/** Trims and lower-cases an email before it is validated and stored. */
export const NormalizeEmail = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export function isIanaTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  // Region/City names only (plus UTC): fixed offsets like "+02:00" would not follow daylight saving.
  return value === 'UTC' || (value.includes('/') && DateTime.local().setZone(value).isValid);
}

/** An IANA timezone name such as Europe/Berlin or America/New_York. */
export function IsIanaTimeZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA timezone such as Europe/Berlin`, ...options },
      validator: { validate: isIanaTimeZone },
    });
}

export const EmailField = () => (object: object, propertyName: string) => {
  NormalizeEmail()(object, propertyName);
  IsEmail({}, { message: `${propertyName} must be a valid email address` })(object, propertyName);
  MaxLength(254, { message: `${propertyName} must be at most 254 characters` })(object, propertyName);
};

/** NIST SP 800-63B: length only, no composition rules. */
export const PasswordField = () => (object: object, propertyName: string) => {
  IsString()(object, propertyName);
  Length(12, 128, { message: `${propertyName} must be 12 to 128 characters` })(object, propertyName);
};

/** Text that shows on screen: not only spaces, zero-width or other invisible characters. */
export function HasVisibleText(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'hasVisibleText',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must contain visible characters`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && (value === '' || hasVisibleCharacter(value)) },
    });
}

export const NameField = () => (object: object, propertyName: string) => {
  Trim()(object, propertyName);
  IsString()(object, propertyName);
  Length(1, 120, { message: `${propertyName} must not be empty and at most 120 characters` })(object, propertyName);
  HasVisibleText()(object, propertyName);
};
