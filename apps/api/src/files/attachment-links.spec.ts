import { AttachmentLinks } from './attachment-links';

const grant = {
  attachmentId: '6f1c1c2e-8f0e-4c55-9d3e-000000000001',
  variant: 'original' as const,
  tenantId: '6f1c1c2e-8f0e-4c55-9d3e-000000000002',
  userId: '6f1c1c2e-8f0e-4c55-9d3e-000000000003',
  expires: Math.floor(Date.now() / 1000) + 60,
};

describe('AttachmentLinks', () => {
  const links = new AttachmentLinks('a secret of at least thirty-two characters');

  it('verifies what it signed', () => {
    expect(links.verify(links.sign(grant))).toEqual(grant);
  });

  it('refuses an expired, tampered or foreign token', () => {
    expect(links.verify(links.sign({ ...grant, expires: 1 }))).toBeNull();
    const [payload, mac] = links.sign(grant).split('.');
    const other = Buffer.from(
      JSON.stringify([
        grant.attachmentId,
        'original',
        grant.tenantId,
        'someone-else',
        grant.expires,
      ]),
    ).toString('base64url');
    expect(links.verify(`${other}.${mac}`)).toBeNull();
    expect(links.verify(`${payload}.${mac}x`)).toBeNull();
    expect(
      links.verify(new AttachmentLinks('another secret of thirty-two characters').sign(grant)),
    ).toBeNull();
    expect(links.verify('garbage')).toBeNull();
  });
});
