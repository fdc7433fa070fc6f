import { createServer, type Server } from 'node:http';
import { Pool } from 'pg';
import { ALL_REACTIONS } from '@anchored/domain';
import { PrivateTextCipher, postBodyAad, replyBodyAad } from '@anchored/data';

/**
 * The baseline for the community-feed benchmark: `pg` and `node:http` only, hand-written SQL, the
 * same JSON the API answers for the feed page of a cohort whose posts are plain discussions (no
 * pinned, hidden, removed or anonymous ones: the bench seeds none). No auth, no GraphQL.
 */
export async function feedPage(pool: Pool, cipher: PrivateTextCipher, cohortId: string, callerId: string, limit: number) {
  const posts = (
    await pool.query(
      `SELECT p.id, p.cohort_id, p.kind, p.body_encrypted, p.pinned, p.created_at, u.id AS author_id, u.name AS author_name
       FROM posts p LEFT JOIN users u ON u.id = p.author_id WHERE p.cohort_id = $1 ORDER BY p.pinned DESC, p.created_at DESC, p.id DESC LIMIT $2`,
      [cohortId, limit],
    )
  ).rows;
  const ids = posts.map((p) => p.id);
  const [replies, reactions] = await Promise.all([
    pool.query(
      `SELECT r.id, r.post_id, r.body_encrypted, r.created_at, u.id AS author_id, u.name AS author_name
       FROM post_replies r LEFT JOIN users u ON u.id = r.author_id WHERE r.post_id = ANY($1) ORDER BY r.created_at, r.id`,
      [ids],
    ),
    pool.query(`SELECT post_id, reaction, count(*)::int AS n, bool_or(user_id = $2) AS mine FROM post_reactions WHERE post_id = ANY($1) GROUP BY post_id, reaction`, [ids, callerId]),
  ]);
  return {
    data: {
      cohortFeed: posts.map((p) => {
        const mine = replies.rows.filter((r) => r.post_id === p.id);
        return {
          id: p.id,
          kind: p.kind,
          body: cipher.decrypt<string>(p.body_encrypted, postBodyAad({ id: p.id, cohortId: p.cohort_id })),
          pinned: p.pinned,
          hidden: false,
          removed: false,
          createdAt: p.created_at,
          author: p.author_id ? { id: p.author_id, name: p.author_name } : null,
          reactions: ALL_REACTIONS.map((reaction) => {
            const row = reactions.rows.find((r) => r.post_id === p.id && r.reaction === reaction);
            return { reaction, count: row?.n ?? 0, mine: row?.mine ?? false };
          }),
          replyCount: mine.length,
          replies: mine.map((r) => ({
            id: r.id,
            body: cipher.decrypt<string>(r.body_encrypted, replyBodyAad({ id: r.id, postId: r.post_id })),
            createdAt: r.created_at,
            author: r.author_id ? { id: r.author_id, name: r.author_name } : null,
          })),
        };
      }),
    },
  };
}

/** Serves feedPage on 127.0.0.1 (POST { variables: { c } }), as the coach `callerId`. */
export function feedBaselineServer(pool: Pool, cipher: PrivateTextCipher, callerId: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { variables } = JSON.parse(body || '{}') as { variables?: { c?: string } };
      feedPage(pool, cipher, String(variables?.c), callerId, 20).then(
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
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}
