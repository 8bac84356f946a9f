// Facts of the embedded demo seed (server/src/seed) the browser tests rely on.
export const DEMO_ADMIN = { username: 'admin', password: 'linli2026' } as const;

/** A seeded buyer bound to a leader with a pickup point; the H5 app becomes them through `?openid=`. */
export const DEMO_BUYER_OPENID = process.env.E2E_DEMO_OPENID ?? 'demo-buyer';
