import type { Response } from 'supertest';

/** One real answer, as the wire carried it. */
export interface RealAnswer {
  status: number;
  /** The Content-Type header, if any. */
  contentType: string | undefined;
  text: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** supertest's answer as a {@link RealAnswer}: its text whichever parser read it (text, JSON, or a raw one). */
export function answerOf(res: Response): RealAnswer {
  const body: unknown = res.body;
  const text =
    typeof res.text === 'string'
      ? res.text
      : typeof body === 'string'
        ? body
        : Buffer.isBuffer(body)
          ? body.toString('utf8')
          : '';
  return {
    status: res.status,
    contentType: res.headers['content-type'],
    text,
    headers: res.headers,
  };
}

/** `application/json; charset=utf-8` → `application/json`. */
export const essence = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();

export const isJson = (media: string): boolean => media === 'application/json' || media.endsWith('+json');
