// Prints a signed curl line for the sample app:
//   node sample-app/dist/sign-curl.js POST /transfers '{"to":"bob","amount":25,"currency":"EUR"}'
import { signedCurl } from './transfers/signed-curl.js';

const [method = 'GET', target = '/transfers?currency=EUR', body] = process.argv.slice(2);
console.log(await signedCurl(`http://localhost:${process.env.PORT ?? 3000}`, method.toUpperCase(), target, body));
