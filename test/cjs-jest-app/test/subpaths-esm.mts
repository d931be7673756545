// The same, from an ES module (.mts) importing the CommonJS package: named imports, as Node resolves them.
import { BusinessException, defineCodes, ResponseModule, type ResponseOptions } from 'nest-envelope';
import { ApiError, type FetchResponseLike, isApiError, unwrap } from 'nest-envelope/client';
import { RedisNonceStore, type RedisSetNxClient } from 'nest-envelope/redis';
import { ApiEnvelope, applyEnvelopeToDocument } from 'nest-envelope/swagger';

const Codes = defineCodes({ GONE: { code: 30020, status: 410, message: 'gone' } }, { name: 'Codes' });
const options: ResponseOptions = { codes: [Codes] };
export const module = ResponseModule.forRoot(options);
export const status: number = new BusinessException(Codes.GONE).getStatus();
export const error: unknown = new ApiError({ status: 410, code: 30020, message: 'gone', body: null });
export const recognised: boolean = isApiError(error, Codes.GONE);
declare const response: FetchResponseLike;
export const data: Promise<{ id: number }> = unwrap<{ id: number }>(response);
declare const client: RedisSetNxClient;
export const store = new RedisNonceStore(client);
export const decorator: MethodDecorator & ClassDecorator = ApiEnvelope(String);
export const apply: typeof applyEnvelopeToDocument = applyEnvelopeToDocument;

// @ts-expect-error a BusinessException needs its definition
export const untyped = new BusinessException();
// @ts-expect-error applyEnvelopeToDocument takes a document and the app
applyEnvelopeToDocument();
