import { ApiProperty } from '@nestjs/swagger';
import type { UploadedFile } from '@linli/shared-types';

export class UploadedFileDto implements UploadedFile {
  @ApiProperty({ example: '2026/11/23/5f2c0d9a3b7e4c1d8a6f2e0b9c7d4a1e.jpg' }) key!: string;
  @ApiProperty({ example: '/uploads/2026/11/23/5f2c0d9a3b7e4c1d8a6f2e0b9c7d4a1e.jpg' }) url!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] }) contentType!: string;
  @ApiProperty({ description: '字节数', example: 182044 }) size!: number;
}

/** The multipart body, for Swagger only (the handler reads the stream itself). */
export class UploadRequestBodyDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'JPG / PNG / WebP 图片，最大 5 MB' })
  file!: unknown;
}
