import { mentionEmailText, preview } from './mention-email-text';

const BOB = '2b3c4d5e-0000-4000-8000-000000000002';
const names = new Map([[BOB, 'Bob Durand']]);
const mention = (seq: number, senderName: string, body: string) => ({ seq, senderName, body });

describe('mentionEmailText', () => {
  it('counts every mention of the streak and lists them as names, never tokens', () => {
    const text = mentionEmailText(
      'fr',
      {
        mentions: [
          mention(3, 'Alice Martin', `<@${BOB}> tu prends le VSAV ?`),
          mention(5, 'Alice Martin', '<@all> rassemblement'),
        ],
        total: 2,
      },
      names,
    );
    expect(text).toEqual({
      title: 'Alice Martin : 2 mentions de vous',
      body: 'Alice Martin — @Bob Durand tu prends le VSAV ?\nAlice Martin — @tous rassemblement',
    });
  });

  it('names two senders, then the first and how many others', () => {
    const two = mentionEmailText(
      'en',
      { mentions: [mention(1, 'Ann', 'a'), mention(2, 'Ben', 'b')], total: 2 },
      names,
    );
    expect(two.title).toBe('Ann and Ben: 2 mentions of you');
    const three = mentionEmailText(
      'en',
      {
        mentions: [mention(1, 'Ann', 'a'), mention(2, 'Ben', 'b'), mention(3, 'Cyd', 'c')],
        total: 3,
      },
      names,
    );
    expect(three.title).toBe('Ann and 2 others: 3 mentions of you');
  });

  it('says how many more mentions there are than it lists', () => {
    const text = mentionEmailText('fr', { mentions: [mention(1, 'Ann', 'a')], total: 51 }, names);
    expect(text.body.split('\n')).toEqual(['Ann — a', '… et 50 autres']);
  });

  it('reads as one mention when there is one', () => {
    expect(
      mentionEmailText('fr', { mentions: [mention(1, 'Ann', 'a')], total: 1 }, names).title,
    ).toBe('Ann vous a mentionné');
  });

  it('cuts a long message to its preview', () => {
    expect([...preview('é'.repeat(300))]).toHaveLength(201);
  });
});
