import { maskUrl } from './preflight';

describe('maskUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskUrl('postgres://app:s3cret@db:5432/mindsp')).toBe(
      'postgres://app:***@db:5432/mindsp',
    );
    expect(maskUrl('redis://localhost:6379')).toBe('redis://localhost:6379');
  });
});
