// Prints a signed curl line for the sample app:
//   node sample-app/dist/sign-curl.js POST /transfers '{"to":"bob","amount":25,"currency":"EUR"}'
import { DEFAULT_HOST, sampleOrigin } from './origin.js';
import { signedCurl } from './transfers/signed-curl.js';

const [method = 'GET', target = '/transfers?currency=EUR', body] = process.argv.slice(2);
const origin = sampleOrigin(process.env.HOST || DEFAULT_HOST, Number(process.env.PORT ?? 3000));
console.log(await signedCurl(origin, method.toUpperCase(), target, body));
