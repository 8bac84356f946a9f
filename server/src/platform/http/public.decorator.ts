import { SetMetadata } from '@nestjs/common';

/** Metadata key read by the (default-deny) identity guard. */
export const IS_PUBLIC_KEY = 'linli:isPublic';

/** Marks a route or controller as reachable without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
