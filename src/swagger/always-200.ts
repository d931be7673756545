import type { ReferenceObject, ResponseObject } from '@nestjs/swagger';
import type { FailureCase } from './failure-cases.js';
import { failureResponse, type FailureContext } from './failure-responses.js';

type Responses = Record<string, ResponseObject | ReferenceObject>;

/**
 * The responses of an operation under `httpStatus: 'always-200'`, where every failure the module writes leaves
 * as 200 with its status in the body: the failures join the 200 response, each media type's schema an `anyOf` of
 * the success and the failures, their examples beside it. The failure's optional signature header wins over the
 * success's required one, since a signing failure is never signed.
 *
 * @example
 * Object.keys(withFailuresUnder200({ '200': ok }, [internalFailureCase(options)], where)); // ['200']
 */
export function withFailuresUnder200(successes: Responses, cases: readonly FailureCase[], where: FailureContext) {
  const failure = failureResponse(cases, 200, where);
  const codes = failure.description.replace(/^OK: /, '');
  const success = successes['200'] as ResponseObject | undefined;
  if (success === undefined) {
    return { ...successes, '200': { ...failure, description: `a failure, its status in the body: ${codes}` } };
  }
  const content: NonNullable<ResponseObject['content']> = { ...success.content };
  for (const [type, media] of Object.entries(failure.content ?? {})) {
    const own = content[type];
    content[type] =
      own?.schema === undefined
        ? media
        : { ...own, schema: { anyOf: [own.schema, media.schema!] }, examples: { ...own.examples, ...media.examples } };
  }
  const headers = { ...success.headers, ...failure.headers };
  return {
    ...successes,
    '200': {
      ...success,
      description: `${success.description}; or a failure, its status in the body: ${codes}`,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      content,
    },
  };
}
