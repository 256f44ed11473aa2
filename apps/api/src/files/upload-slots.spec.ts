import { UploadSlots } from './upload-slots';

describe('UploadSlots', () => {
  it('holds each user to perUser and the instance to perInstance, until released', () => {
    const slots = new UploadSlots({ perUser: 2, perInstance: 3 });
    const a1 = slots.take('a');
    const a2 = slots.take('a');
    expect(a1 && a2).toBeTruthy();
    expect(slots.take('a')).toBeNull();
    const b1 = slots.take('b');
    expect(b1).toBeTruthy();
    // The instance is full: even a user with none in flight waits.
    expect(slots.take('c')).toBeNull();
    a1!();
    expect(slots.take('c')).toBeTruthy();
    expect(slots.inFlight).toBe(3);
  });

  it('frees a slot once, however often its release is called', () => {
    const slots = new UploadSlots({ perUser: 1, perInstance: 5 });
    const release = slots.take('a')!;
    release();
    release();
    expect(slots.inFlight).toBe(0);
    expect(slots.take('a')).toBeTruthy();
    expect(slots.take('a')).toBeNull();
  });
});
