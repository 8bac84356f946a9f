import { Injectable, PipeTransform } from '@nestjs/common';
import { BusinessError } from '../../../platform';

const MAX_ID = 2_147_483_647;

/** `:id` path parameters: a positive integer, else 400 VALIDATION_FAILED naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: { data?: string }): number {
    const id = /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id) || id > MAX_ID) {
      const field = metadata.data ?? 'id';
      throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
        { field, errors: ['ID 必须是正整数'] },
      ]);
    }
    return id;
  }
}
