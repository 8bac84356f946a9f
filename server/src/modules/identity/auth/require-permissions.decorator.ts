import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { ApiErrorBodyDto } from '../../../platform';
import type { Permission } from '@linli/shared-types';

export const REQUIRED_PERMISSIONS_KEY = 'linli:requiredPermissions';

/** The staff member needs every listed permission (checked by the global auth guard → 403 FORBIDDEN). */
export function RequirePermissions(...permissions: Permission[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS_KEY, permissions),
    ApiForbiddenResponse({ description: `需要权限：${permissions.join(', ')}`, type: ApiErrorBodyDto }),
  );
}
