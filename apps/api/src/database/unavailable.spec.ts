import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a lost, refused, cut or timed-out connection, bare or wrapped by TypeORM', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Query read timeout'),
      new Error('timeout exceeded when trying to connect'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('connection failure', '08006'),
      new QueryFailedError('SELECT 1', [], new Error('Query read timeout')),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
  });

  it('leaves a wrong statement, a constraint or a lock timeout to their own handling', () => {
    for (const error of [
      new QueryFailedError('INSERT', [], withCode('duplicate key value', '23505')),
      withCode('syntax error at or near "FROM"', '42601'),
      withCode('canceling statement due to lock timeout', '55P03'),
      new Error('Conversation not found'),
      'a string',
      undefined,
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
