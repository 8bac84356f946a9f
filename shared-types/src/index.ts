export * from './common';
export * from './identity';
export * from './app';
export * from './system';
export * from './catalog';
export * from './leaders';
export * from './members';
export * from './money';
