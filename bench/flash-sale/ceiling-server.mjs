// The ceiling: a minimal raw Fastify server doing the same reservation with the same kind of Lua script
// (per-campaign stock and per-member bookkeeping in one atomic step), behind the same kind of bearer
// token check. No framework, no validation library, no database, no logging: what this machine can do at
// best for "authenticated HTTP request → atomic Redis reservation → answer". Started in its own process.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyMemberToken } from './tokens.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverRequire = createRequire(path.join(here, '../../server/package.json'));
const Fastify = serverRequire('fastify');
const Redis = serverRequire('ioredis');

const RESERVE = `
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 2 end
local left = tonumber(redis.call('GET', KEYS[1]) or '0')
if left < 1 then return 0 end
redis.call('DECR', KEYS[1])
redis.call('HSET', KEYS[2], ARGV[1], 1)
return 1`;

const { CEILING_PORT, CEILING_SECRET, REDIS_URL, CEILING_PREFIX, CEILING_UNITS } = process.env;
const redis = new Redis(REDIS_URL);
redis.defineCommand('reserve', { numberOfKeys: 2, lua: RESERVE });
const stockKey = `${CEILING_PREFIX}:{ceiling}:stock`;
const buyersKey = `${CEILING_PREFIX}:{ceiling}:buyers`;
await redis.del(stockKey, buyersKey);
await redis.set(stockKey, CEILING_UNITS);

const app = Fastify({ logger: false });
app.post('/order', async (request, reply) => {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const claims = token ? verifyMemberToken(CEILING_SECRET, token) : null;
  if (!claims) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
  const body = request.body ?? {};
  if (!Number.isInteger(body.quantity) || body.quantity < 1) return reply.code(400).send({ code: 'BAD' });
  const outcome = await redis.reserve(
    stockKey,
    buyersKey,
    `${claims.sub}:${request.headers['idempotency-key']}`,
  );
  if (outcome === 0) return reply.code(409).send({ code: 'ORDER_SOLD_OUT' });
  return reply.code(201).send({ ok: true });
});
app.get('/sold', async () => ({ left: Number(await redis.get(stockKey)) }));
await app.listen({ port: Number(CEILING_PORT), host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await redis.del(stockKey, buyersKey);
  await redis.quit();
  process.exit(0);
});
