import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '@anchored/config';
import { dataSourceOptions, runMigrations } from '@anchored/data';
import { Role } from '@anchored/domain';
import { PasswordService } from './auth/password.service';
import { randomToken } from './auth/tokens';
import { rekeyHomework } from './homework/rekey';
import { ResponseCipher } from './homework/response-cipher';

/** Operator commands that need no HTTP server: `migrate`, `admin:create`, `homework:rekey`. */
async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (command === 'migrate') {
    const applied = await runMigrations(config.databaseUrl);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return;
  }
  if (command === 'admin:create') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
    const email = (values.email ?? config.adminEmail ?? '').trim().toLowerCase();
    const password = values.password ?? config.adminPassword ?? '';
    if (!email.includes('@') || password.length < 12 || password.length > 128) {
      throw new Error('Usage: npm run admin:create -- --email admin@example.com --password "<12 to 128 characters>" [--name "Full Name"]');
    }
    await runMigrations(config.databaseUrl);
    const db = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
    try {
      const rows = await db.query(
        `INSERT INTO users (email, name, role, password_hash, calendar_token) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, values.name ?? 'Administrator', Role.ADMIN, await new PasswordService().hash(password), randomToken(24)],
      );
      console.log(rows.length ? `Created the admin ${email}.` : `${email} already has an account; nothing changed.`);
    } finally {
      await db.destroy();
    }
    return;
  }
  if (command === 'homework:rekey') {
    await runMigrations(config.databaseUrl);
    const db = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
    try {
      const count = await rekeyHomework(db, new ResponseCipher(config.homeworkKeys));
      console.log(`Encrypted or re-encrypted ${count} private texts (answers, feedback, motivations, calendar tokens) with the key "${config.homeworkKeys[0].id}".`);
    } finally {
      await db.destroy();
    }
    return;
  }
  throw new Error(`Unknown command "${command ?? ''}". Commands: migrate, admin:create, homework:rekey`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
