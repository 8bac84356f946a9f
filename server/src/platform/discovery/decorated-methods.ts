import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

export interface DecoratedMethod<Meta> {
  meta: Meta;
  /** `ClassName.methodName`, for error messages. */
  owner: string;
  /** The method bound to its provider instance. */
  invoke: (...args: unknown[]) => unknown;
}

/**
 * Every method of every Nest provider that carries metadata under `key` (set by a method decorator such
 * as @JobHandler or @OnOutboxEvent), so decorated handlers register themselves at start-up.
 */
export function findDecoratedMethods<Meta>(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
  key: string,
): DecoratedMethod<Meta>[] {
  const found: DecoratedMethod<Meta>[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
    for (const methodName of scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
      const method = (instance as Record<string, unknown>)[methodName];
      if (typeof method !== 'function') continue;
      const meta = reflector.get<Meta | undefined>(key, method);
      if (meta === undefined || meta === null || meta === '') continue;
      found.push({
        meta,
        owner: `${instance.constructor.name}.${methodName}`,
        invoke: (...args: unknown[]) => (method as (...a: unknown[]) => unknown).apply(instance, args),
      });
    }
  }
  return found;
}
