import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIMITS } from './limits';
import { MESSAGING_LIMITS } from './messaging';

test('a message of the longest allowed body fits in one socket payload, even in 4-byte UTF-8', () => {
  assert.ok(MESSAGING_LIMITS.bodyMaxLength * 4 + 1024 <= MESSAGING_LIMITS.socketPayloadBytes);
});

test('default page sizes are within their maximums', () => {
  assert.ok(LIMITS.pageSizeDefault <= LIMITS.pageSizeMax);
  assert.ok(MESSAGING_LIMITS.messagePageDefault <= MESSAGING_LIMITS.messagePageMax);
});

test('a REST body can carry the longest message', () => {
  assert.ok(MESSAGING_LIMITS.bodyMaxLength * 4 < LIMITS.requestBodyBytes);
});
