// One autocannon run whose every request is a different buyer (or the next buyer of a pool, with a new
// idempotency key), recording when each accepted order came back.
import autocannon from 'autocannon';

/**
 * `bodyFor(i)` and `buyerFor(i)` give the i-th request's body and buyer; `amount` bounds the requests
 * (burst), `duration` the seconds (sustained). Returns autocannon's result plus counts by status and the
 * time from start to the last accepted order.
 */
export async function drive({ url, connections, amount, duration, buyerFor, bodyFor, keyPrefix }) {
  let next = 0;
  const statuses = new Map();
  let lastAccepted = 0;
  const started = Date.now();
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = next;
          next += 1;
          const buyer = buyerFor(i);
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${buyer.token}`,
              'idempotency-key': `${keyPrefix}-${i}`,
            },
            body: JSON.stringify(bodyFor(i)),
          };
        },
        onResponse: (status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) lastAccepted = Date.now();
        },
      },
    ],
  });
  return {
    result,
    statuses: Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b)),
    accepted: statuses.get(201) ?? 0,
    msToLastAccepted: lastAccepted ? lastAccepted - started : null,
  };
}
