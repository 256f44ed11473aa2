import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/** Stands in for a socket.io-client socket: records handshakes, lets a test play the server. */
class FakeSocket {
  connected = false;
  active = false;
  handshakes: string[] = [];
  emitted: { event: string; input: unknown }[] = [];
  private listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  private anyListeners: ((event: string, ...args: unknown[]) => void)[] = [];

  constructor(
    private readonly options: { auth: (cb: (data: { token: string }) => void) => void },
  ) {}

  on(event: string, listener: (...args: unknown[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  onAny(listener: (event: string, ...args: unknown[]) => void) {
    this.anyListeners.push(listener);
    return this;
  }
  removeAllListeners() {
    this.listeners.clear();
    this.anyListeners = [];
    return this;
  }
  connect() {
    this.active = true;
    this.options.auth(({ token }) => this.handshakes.push(token));
    return this;
  }
  disconnect() {
    this.active = false;
    if (this.connected) this.fire('disconnect', 'io client disconnect');
    this.connected = false;
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: string, input: unknown) => {
        this.emitted.push({ event, input });
        return { ok: true, data: { echoed: input } };
      },
    };
  }

  // --- the server's side
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  accept() {
    this.connected = true;
    this.fire('connect');
  }
  refuse(message: string) {
    // socket.io stops retrying after a middleware refusal.
    this.active = false;
    this.fire('connect_error', new Error(message));
  }
  serverEvent(event: string, ...args: unknown[]) {
    for (const listener of this.anyListeners) listener(event, ...args);
  }
}

const sockets: FakeSocket[] = [];
vi.mock('socket.io-client', () => ({
  io: (options: ConstructorParameters<typeof FakeSocket>[0]) => {
    const socket = new FakeSocket(options);
    sockets.push(socket);
    return socket;
  },
}));

const renewAccessToken = vi.fn<(refused: string) => Promise<boolean>>();
vi.mock('./api', () => ({ renewAccessToken: (refused: string) => renewAccessToken(refused) }));

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

type SocketModule = typeof import('./socket');
type TokensModule = typeof import('./tokens');
let socketModule: SocketModule;
let tokens: TokensModule['tokens'];

beforeAll(async () => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('window', new EventTarget());
  ({ tokens } = await import('./tokens'));
  socketModule = await import('./socket');
});

beforeEach(() => {
  vi.useFakeTimers();
  renewAccessToken.mockReset();
  tokens.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
});

afterEach(() => {
  socketModule.closeSocket();
  sockets.length = 0;
  vi.useRealTimers();
});

const latest = () => sockets.at(-1)!;

describe('the live connection', () => {
  it('connects with the current access token and says when it is up', () => {
    socketModule.openSocket();
    expect(latest().handshakes).toEqual(['access-1']);
    expect(socketModule.getConnectionState()).toBe('connecting');

    latest().accept();
    expect(socketModule.getConnectionState()).toBe('connected');
  });

  it('keeps one connection per tab', () => {
    socketModule.openSocket();
    socketModule.openSocket();
    expect(sockets).toHaveLength(1);
  });

  it('renews a refused token through the api client, then reconnects with the new one', async () => {
    socketModule.openSocket();
    renewAccessToken.mockImplementation(async () => {
      tokens.set({ accessToken: 'access-2', refreshToken: 'refresh-2' });
      return true;
    });

    latest().refuse('unauthorized');
    expect(renewAccessToken).toHaveBeenCalledWith('access-1');
    // A silent renewal at the first connection: no "connection lost" banner for it.
    expect(socketModule.getConnectionState()).toBe('connecting');
    await vi.runAllTimersAsync();

    expect(latest().handshakes).toEqual(['access-1', 'access-2']);
    latest().accept();
    expect(socketModule.getConnectionState()).toBe('connected');
  });

  it('does not reconnect once the session is over', async () => {
    socketModule.openSocket();
    renewAccessToken.mockImplementation(async () => {
      tokens.clear();
      return false;
    });

    latest().refuse('unauthorized');
    await vi.runAllTimersAsync();
    expect(latest().handshakes).toEqual(['access-1']);
    expect(socketModule.getConnectionState()).toBe('disconnected');
  });

  it('backs off when a renewed token is refused again', async () => {
    socketModule.openSocket();
    renewAccessToken.mockResolvedValue(true);

    latest().refuse('unauthorized');
    await vi.advanceTimersByTimeAsync(1);
    expect(latest().handshakes).toHaveLength(2);

    latest().refuse('unauthorized');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(latest().handshakes).toHaveLength(2);
    expect(socketModule.getConnectionState()).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(latest().handshakes).toHaveLength(3);
  });

  it('reconnects at once when the server closes the socket (expired token)', async () => {
    socketModule.openSocket();
    latest().accept();
    tokens.set({ accessToken: 'access-2', refreshToken: 'refresh-2' });

    latest().connected = false;
    latest().fire('disconnect', 'io server disconnect');
    expect(socketModule.getConnectionState()).toBe('connecting');
    await vi.runAllTimersAsync();
    expect(latest().handshakes).toEqual(['access-1', 'access-2']);
  });

  it('reports a lost connection (socket.io retries it by itself)', () => {
    socketModule.openSocket();
    latest().accept();
    latest().connected = false;
    latest().fire('disconnect', 'transport close');
    expect(socketModule.getConnectionState()).toBe('disconnected');
  });

  it('closes at sign-out', () => {
    socketModule.openSocket();
    latest().accept();
    tokens.clear();
    expect(latest().connected).toBe(false);
    expect(socketModule.getConnectionState()).toBe('disconnected');
    expect(socketModule.getSocket()).toBeNull();
  });

  it('hands server events and each (re)connection to the subscribers', () => {
    const connected = vi.fn();
    const received = vi.fn();
    const unsubscribe = [
      socketModule.onSocketEvent('connect', connected),
      socketModule.onSocketEvent('message:new', received),
    ];
    socketModule.openSocket();
    latest().accept();
    latest().serverEvent('message:new', { id: 'm1' });
    latest().serverEvent('typing', { userId: 'u1' });

    expect(connected).toHaveBeenCalledTimes(1);
    expect(received).toHaveBeenCalledWith({ id: 'm1' });
    unsubscribe.forEach((off) => off());
  });
});

describe('socketRequest', () => {
  it('says the socket is unavailable when not connected, so the caller uses REST', async () => {
    socketModule.openSocket();
    await expect(
      socketModule.socketRequest('typing', { conversationId: 'c1', typing: true }),
    ).rejects.toBeInstanceOf(socketModule.SocketUnavailableError);
  });

  it("resolves with the ack's data", async () => {
    socketModule.openSocket();
    latest().accept();
    await expect(
      socketModule.socketRequest('conversation:read', { conversationId: 'c1', seq: 3 }),
    ).resolves.toEqual({
      echoed: { conversationId: 'c1', seq: 3 },
    });
  });
});
