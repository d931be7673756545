// Type-checked by scripts/test-cjs-jest.sh under moduleResolution node, node16, nodenext and bundler: every entry
// resolves, with its types (a wrong call below must fail, so an untyped `any` module would be caught).
import { BusinessException, defineCodes, ResponseModule, type ResponseOptions } from 'nest-envelope';
import { ApiError, type FetchResponseLike, isApiError, unwrap } from 'nest-envelope/client';
import { defineCodes as defineSharedCodes, HttpStatusCodes } from 'nest-envelope/codes';
import { RedisNonceStore, type RedisSetNxClient } from 'nest-envelope/redis';
import { ApiEnvelope, applyEnvelopeToDocument } from 'nest-envelope/swagger';

const Codes = defineCodes({ GONE: { code: 30020, status: 410, message: 'gone' } }, { name: 'Codes' });
const options: ResponseOptions = { codes: [Codes] };
export const module = ResponseModule.forRoot(options);
export const status: number = new BusinessException(Codes.GONE).getStatus();
export const error: unknown = new ApiError({ status: 410, code: 30020, message: 'gone', body: null });
export const recognised: boolean = isApiError(error, Codes.GONE);
const Shared = defineSharedCodes({ TAKEN: { code: 30021, status: 409, message: 'taken' } }, { name: 'Shared' });
export const shared: boolean = isApiError(error, Shared.TAKEN) || isApiError(error, HttpStatusCodes.NOT_FOUND);
// @ts-expect-error a shared catalogue's entries need a code
defineSharedCodes({ BROKEN: { message: 'no code' } });
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
