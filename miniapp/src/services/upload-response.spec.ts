import { ApiError } from './api-error';
import { interpretUploadResponse, resolveAssetUrl, tooLargeError } from './upload-response';

const FILE = {
  key: '2026/11/23/0123456789abcdef0123456789abcdef.png',
  url: '/uploads/2026/11/23/0123456789abcdef0123456789abcdef.png',
  contentType: 'image/png',
  size: 67,
};

describe('interpretUploadResponse', () => {
  it('reads the UploadedFile from the string body of a 201', () => {
    expect(interpretUploadResponse(201, JSON.stringify(FILE), 'r1')).toEqual(FILE);
    expect(interpretUploadResponse(201, FILE, 'r1')).toEqual(FILE);
  });

  it('turns an error body into an ApiError with the server code', () => {
    const body = JSON.stringify({
      code: 'UPLOAD_TYPE_NOT_ALLOWED',
      message: '只支持 JPG、PNG 或 WebP 格式的图片',
      requestId: 's1',
    });
    expect.assertions(3);
    try {
      interpretUploadResponse(400, body, 'r1');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
      expect((error as ApiError).requestId).toBe('s1');
    }
  });

  it('gives a generic message for a gateway page and a bad success body', () => {
    expect(() => interpretUploadResponse(413, '<html>too large</html>', 'r1')).toThrow('提交的内容过大');
    expect(() => interpretUploadResponse(201, 'not json', 'r1')).toThrow('上传结果无法识别，请重试');
  });

  it('has a ready error for a file over the limit', () => {
    expect(tooLargeError('r1')).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('resolveAssetUrl', () => {
  it('prefixes our relative /uploads URLs with the API origin', () => {
    expect(resolveAssetUrl('https://api.example.com/', FILE.url)).toBe(`https://api.example.com${FILE.url}`);
    expect(resolveAssetUrl('', FILE.url)).toBe(FILE.url);
  });

  it('keeps absolute, protocol-relative and local file URLs', () => {
    expect(resolveAssetUrl('https://api.example.com', 'https://cdn.example.com/a.png')).toBe(
      'https://cdn.example.com/a.png',
    );
    expect(resolveAssetUrl('https://api.example.com', '//cdn.example.com/a.png')).toBe(
      '//cdn.example.com/a.png',
    );
    expect(resolveAssetUrl('https://api.example.com', 'blob:http://localhost/x')).toBe(
      'blob:http://localhost/x',
    );
    expect(resolveAssetUrl('https://api.example.com', 'wxfile://tmp_abc.jpg')).toBe('wxfile://tmp_abc.jpg');
  });
});
