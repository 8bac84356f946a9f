import { LuaScript } from './lua-script';

/*
 * The gate's Lua scripts. Every script gets the same four keys of one campaign, all under the hash tag
 * `{<campaignId>}` so a Redis Cluster keeps them in one slot:
 *
 *   KEYS[1] ready   string '1': the gate was built
 *   KEYS[2] stock   hash itemId → units left
 *   KEYS[3] bought  hash 'memberId:itemId' → units the member holds
 *   KEYS[4] keys    hash 'memberId:idempotencyKey' → 1 (admissions, for replays)
 *
 * Each hash also holds a sentinel field '_' so it exists even when empty. The gate is INTACT only when
 * all four keys exist: a flush, a restart without persistence or an eviction of any one of them means
 * the gate is lost (a gate without its `bought` hash would forget the member limits), and a lost gate
 * is rebuilt from the database as a whole. Scripts run atomically, so "check every line, then take
 * them all" cannot interleave with another admission.
 */

const INTACT = `redis.call('EXISTS', KEYS[1], KEYS[2], KEYS[3], KEYS[4]) == 4`;

/**
 * ADMIT — check every line, then take all of them (or nothing).
 *   ARGV[1] memberId
 *   ARGV[2] idempotency key
 *   ARGV[3..] one triple per line (items unique): itemId, quantity, perMemberLimit (0 = no limit)
 * Replies (first element is the kind):
 *   {'missing'}                          gate not intact: the caller rebuilds and retries
 *   {'replay'}                           member+key admitted before: nothing taken again
 *   {'rebuild', itemId}                  an item the built gate does not know (the campaign changed)
 *   {'sold_out', itemId, unitsLeft}      a line asks more than is left
 *   {'over_limit', itemId, bought}       a line would take the member past the limit
 *   {'admitted'}                         every line taken, the key remembered
 */
export const ADMIT_SCRIPT = new LuaScript(
  'flash-sale-admit',
  `
if not (${INTACT}) then return {'missing'} end
local member = ARGV[1]
local admission = member .. ':' .. ARGV[2]
if redis.call('HEXISTS', KEYS[4], admission) == 1 then return {'replay'} end

local lines = (#ARGV - 2) / 3
local left = {}
-- Unknown items first: a gate that misses an item must be completed before judging anything.
for i = 1, lines do
  local item = ARGV[i * 3]
  local units = redis.call('HGET', KEYS[2], item)
  if not units then return {'rebuild', tonumber(item)} end
  left[i] = tonumber(units)
end
for i = 1, lines do
  local item = ARGV[i * 3]
  local quantity = tonumber(ARGV[i * 3 + 1])
  local limit = tonumber(ARGV[i * 3 + 2])
  if left[i] < quantity then return {'sold_out', tonumber(item), math.max(left[i], 0)} end
  if limit > 0 then
    local held = tonumber(redis.call('HGET', KEYS[3], member .. ':' .. item) or '0')
    if held + quantity > limit then return {'over_limit', tonumber(item), held} end
  end
end
-- Every line passed: take them all.
for i = 1, lines do
  local item = ARGV[i * 3]
  local quantity = tonumber(ARGV[i * 3 + 1])
  redis.call('HINCRBY', KEYS[2], item, -quantity)
  redis.call('HINCRBY', KEYS[3], member .. ':' .. item, quantity)
end
redis.call('HSET', KEYS[4], admission, 1)
return {'admitted'}
`,
);

/**
 * BUILD — write the gate from a database snapshot, never over a gate someone else built.
 *   ARGV[1] expiry, unix ms (PEXPIREAT for all four keys)
 *   ARGV[2] S = number of stock pairs
 *   ARGV[3 .. 2+2S] pairs itemId, units left
 *   ARGV[3+2S ..] triples memberId, itemId, units held (> 0, one per member and item)
 * Not intact → drop whatever part is left (no completed build leaves a partial gate, so this overwrites
 * nobody's build) and write everything: reply 'built'.
 * Intact → a concurrent builder won, or the gate lacks only some items: add the stock of items it does
 * not know (HSETNX) and the holdings for exactly those items; items it knows are kept, because Redis
 * counts admissions the database has not committed yet and a DB figure would sell them twice. Reply
 * 'patched' when an item was added, else 'kept'.
 */
export const BUILD_SCRIPT = new LuaScript(
  'flash-sale-build',
  `
local expireAt = ARGV[1]
local stockPairs = tonumber(ARGV[2])
local boughtFrom = 3 + stockPairs * 2

if not (${INTACT}) then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
  redis.call('HSET', KEYS[2], '_', 0)
  redis.call('HSET', KEYS[3], '_', 0)
  redis.call('HSET', KEYS[4], '_', 0)
  for i = 3, boughtFrom - 1, 2 do
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  end
  for i = boughtFrom, #ARGV, 3 do
    redis.call('HSET', KEYS[3], ARGV[i] .. ':' .. ARGV[i + 1], ARGV[i + 2])
  end
  redis.call('SET', KEYS[1], 1)
  for k = 1, 4 do redis.call('PEXPIREAT', KEYS[k], expireAt) end
  return 'built'
end

local added = {}
local any = false
for i = 3, boughtFrom - 1, 2 do
  if redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) == 1 then
    added[ARGV[i]] = true
    any = true
  end
end
if not any then return 'kept' end
for i = boughtFrom, #ARGV, 3 do
  if added[ARGV[i + 1]] then
    redis.call('HSET', KEYS[3], ARGV[i] .. ':' .. ARGV[i + 1], ARGV[i + 2])
  end
end
return 'patched'
`,
);

/**
 * GIVE BACK — return a member's units.
 *   ARGV[1] memberId
 *   ARGV[2] idempotency key to forget, or '' for none
 *   ARGV[3..] pairs itemId, quantity
 * Not intact → no-op (a rebuild reads the database, which already reflects the refusal/cancellation).
 * With a key: the units go back only if that admission is still recorded (HDEL removed it). Otherwise
 * the gate was rebuilt since, from a database that never saw the refused order, or the key was already
 * given back: returning units would invent stock.
 * Per line: only items the gate knows, and at most what the member holds there, so `bought` never goes
 * below zero and stock never rises by more than this member took (a repeated give-back is harmless).
 * Reply: units returned in total.
 */
export const GIVE_BACK_SCRIPT = new LuaScript(
  'flash-sale-give-back',
  `
if not (${INTACT}) then return 0 end
local member = ARGV[1]
if ARGV[2] ~= '' and redis.call('HDEL', KEYS[4], member .. ':' .. ARGV[2]) == 0 then return 0 end

local returned = 0
for i = 3, #ARGV, 2 do
  local item = ARGV[i]
  local field = member .. ':' .. item
  if redis.call('HEXISTS', KEYS[2], item) == 1 then
    local held = tonumber(redis.call('HGET', KEYS[3], field) or '0')
    local back = math.min(tonumber(ARGV[i + 1]), held)
    if back > 0 then
      redis.call('HINCRBY', KEYS[2], item, back)
      if held > back then
        redis.call('HSET', KEYS[3], field, held - back)
      else
        redis.call('HDEL', KEYS[3], field)
      end
      returned = returned + back
    end
  end
end
return returned
`,
);

/**
 * PEEK — the stock hash of an intact gate (flat field/value list without the sentinel), or false (nil
 * reply) when the gate is not intact. No ARGV.
 */
export const PEEK_SCRIPT = new LuaScript(
  'flash-sale-peek',
  `
if not (${INTACT}) then return false end
return redis.call('HGETALL', KEYS[2])
`,
);
