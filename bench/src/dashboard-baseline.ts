import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The baseline for the dashboard benchmark: only `pg` and `node:http`, hand-written SQL, the same
 * JSON the GraphQL API answers for DASHBOARD_QUERY. No auth, no validation, no GraphQL: the floor
 * any stack on this machine and database could reach.
 */
const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });

async function dashboard(cohortId: string) {
  const now = new Date();
  const [cohort, enrollments, sessions, attendance, assignments, submissions] = await Promise.all([
    pool.query(
      `SELECT c.id, c.name, c.status,
        (SELECT count(*)::int FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'ENROLLED') AS "enrolledCount",
        (SELECT count(*)::int FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'WAITLISTED') AS "waitlistCount"
       FROM cohorts c WHERE c.id = $1`,
      [cohortId],
    ),
    pool.query(
      `SELECT e.id, u.id AS client_id, u.name FROM enrollments e JOIN users u ON u.id = e.client_id
       WHERE e.cohort_id = $1 AND e.status = 'ENROLLED' ORDER BY e.applied_at, e.id`,
      [cohortId],
    ),
    pool.query(`SELECT id, title, starts_at, duration_minutes, status FROM sessions WHERE cohort_id = $1 ORDER BY starts_at, id`, [cohortId]),
    pool.query(`SELECT a.session_id, a.client_id, a.status FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.cohort_id = $1`, [cohortId]),
    pool.query(`SELECT id, title, due_at FROM homework_assignments WHERE cohort_id = $1 ORDER BY due_at, id`, [cohortId]),
    pool.query(
      `SELECT s.id, s.assignment_id, s.client_id, s.status, s.late, s.submitted_at, s.reviewed_at
       FROM submissions s JOIN homework_assignments a ON a.id = s.assignment_id WHERE a.cohort_id = $1`,
      [cohortId],
    ),
  ]);
  const held = new Set(sessions.rows.filter((s) => s.status !== 'CANCELLED' && s.starts_at <= now).map((s) => s.id));
  const pastDue = assignments.rows.filter((a) => a.due_at <= now);
  const clients = [...enrollments.rows].sort((a, b) => a.name.localeCompare(b.name) || (a.client_id < b.client_id ? -1 : 1));
  return {
    data: {
      cohort: {
        ...cohort.rows[0],
        enrollments: enrollments.rows.map((e) => ({ id: e.id, client: { id: e.client_id, name: e.name } })),
        sessions: sessions.rows.map((s) => ({
          id: s.id,
          title: s.title,
          startsAt: s.starts_at,
          status: s.status === 'SCHEDULED' && s.starts_at.getTime() + s.duration_minutes * 60_000 <= now.getTime() ? 'COMPLETED' : s.status,
          attendance: attendance.rows.filter((a) => a.session_id === s.id).map((a) => ({ status: a.status, client: { id: a.client_id } })),
        })),
        assignments: assignments.rows.map((a) => ({
          id: a.id,
          title: a.title,
          dueAt: a.due_at,
          submissions: submissions.rows
            .filter((s) => s.assignment_id === a.id)
            .map((s) => ({ id: s.id, status: s.status, late: s.late, submittedAt: s.submitted_at, reviewedAt: s.reviewed_at, client: { id: s.client_id } })),
        })),
      },
      cohortProgress: clients.map((c) => {
        const mine = submissions.rows.filter((s) => s.client_id === c.client_id);
        const done = new Set(mine.map((s) => s.assignment_id));
        const marks = attendance.rows.filter((a) => a.client_id === c.client_id && held.has(a.session_id));
        const present = marks.filter((a) => a.status === 'PRESENT').length;
        // An excused absence leaves that session out of the client's rate.
        const counted = held.size - marks.filter((a) => a.status === 'EXCUSED').length;
        return {
          client: { id: c.client_id, name: c.name },
          submitted: mine.length,
          missing: pastDue.filter((a) => !done.has(a.id)).length,
          late: mine.filter((s) => s.late).length,
          reviewed: mine.filter((s) => s.status === 'REVIEWED').length,
          attendanceRate: counted === 0 ? null : present / counted,
        };
      }),
    },
  };
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const { variables } = JSON.parse(body || '{}') as { variables?: { id?: string } };
    dashboard(String(variables?.id)).then(
      (result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      },
      (error: Error) => {
        res.writeHead(500);
        res.end(error.message);
      },
    );
  });
});
server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.send?.('ready'));
