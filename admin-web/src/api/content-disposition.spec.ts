import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './content-disposition';

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name over the ASCII fallback', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="statement.xlsx"; filename*=UTF-8''${encodeURIComponent('佣金对账单-王丽华.xlsx')}`,
      ),
    ).toBe('佣金对账单-王丽华.xlsx');
  });

  it('reads a plain quoted or bare name', () => {
    expect(fileNameFromDisposition('attachment; filename="bank batch.xlsx"')).toBe('bank batch.xlsx');
    expect(fileNameFromDisposition('attachment; filename=batch.xlsx')).toBe('batch.xlsx');
    expect(fileNameFromDisposition('attachment; filename="a \\"b\\".xlsx"')).toBe('a "b".xlsx');
  });

  it('drops path parts and survives a broken escape', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/x.xlsx"')).toBe('x.xlsx');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E5%ZZ; filename="ok.xlsx"`)).toBe(
      'ok.xlsx',
    );
  });

  it('returns null when there is no name', () => {
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition('attachment; filename=""')).toBeNull();
  });
});
