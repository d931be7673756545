import type { Json, ServedContract } from './served-contract.js';

/** A `{name}` left in an example: a message template the document did not fill. */
const PLACEHOLDER = /\{[A-Za-z_][\w.-]*\}/;

/**
 * Every example of every documented response in `contract`: one that does not validate against its own schema, or
 * that shows a raw `{placeholder}`, is a problem. `checked` counts the examples, so a test can see they were read.
 */
export function exampleProblems(contract: ServedContract): { checked: number; problems: string[] } {
  const problems: string[] = [];
  let checked = 0;
  for (const operation of contract.operations()) {
    const [method, path] = operation.split(' ');
    const responses: Record<string, Json> = contract.document.paths[path][method.toLowerCase()].responses ?? {};
    for (const [status, response] of Object.entries(responses)) {
      for (const media of Object.values<Json>(response.content ?? {})) {
        for (const [name, example] of Object.entries<Json>(media.examples ?? {})) {
          const where = `${operation} ${status} ${name}`;
          checked++;
          const invalid =
            media.schema === undefined
              ? ['no schema to validate it against']
              : contract.schemas.problems(media.schema, example.value);
          problems.push(...invalid.map((problem) => `${where}: ${problem}`));
          const placeholder = PLACEHOLDER.exec(JSON.stringify(example.value));
          if (placeholder) problems.push(`${where}: shows the raw placeholder ${placeholder[0]}`);
        }
      }
    }
  }
  return { checked, problems };
}
