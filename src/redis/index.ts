// nest-envelope/redis: the shared nonce store. Its only peer is ioredis (optional), and it imports nothing of it.
export { RedisNonceStore } from './redis-nonce.store.js';
export type { RedisNonceStoreOptions, RedisSetNxClient } from './redis-nonce.store.js';
export type { NonceStore } from '../signing/nonce-store.interface.js';
