import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { mediumSuite } from '../../test/medium/medium';
import { waitFor } from '../../test/wait-for';
import { RoomMembershipService } from './room-membership.service';
import { rooms } from './rooms';
import type { AppServer, AppSocket } from './socket-types';

/**
 * RoomMembershipService on two real Socket.IO servers that share a Redis adapter, as two API
 * instances do: a join or a leave for a user reaches their sockets on either server, and no one
 * else's. (The kernel's handshake, which joins `user:<id>` first, is played by a middleware here.)
 */
const suite = mediumSuite([]);

interface Instance {
  /** Untyped: the test pushes its own `note` event, which is no event of the contract. */
  server: Server;
  membership: RoomMembershipService;
  url: string;
  redis: Redis[];
}

const key = `room-membership-${randomUUID()}`;
const instances: Instance[] = [];
const clients: ClientSocket[] = [];

async function startInstance(membership: RoomMembershipService): Promise<Instance> {
  const http = createServer();
  const server = new Server(http);
  const pub = new Redis(process.env.REDIS_URL!);
  const sub = pub.duplicate();
  server.adapter(createAdapter(pub, sub, { key }));
  membership.attach(server as AppServer);
  (server as AppServer).use((socket: AppSocket, next) => {
    const userId = String(socket.handshake.auth.userId);
    socket.data.user = { id: userId, tenantId: 't', role: 'member' };
    membership.joinSocket(socket, [rooms.user(userId)]).then(() => next(), next);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const instance = { server, membership, url: `http://127.0.0.1:${port}`, redis: [pub, sub] };
  instances.push(instance);
  return instance;
}

/** A user's socket on one instance, with every `note` it hears, in order. */
async function connect(instance: Instance, userId: string) {
  const socket = io(instance.url, { auth: { userId }, transports: ['websocket'] });
  clients.push(socket);
  const heard: string[] = [];
  socket.on('note', (text: string) => void heard.push(text));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, heard };
}

/** Socket ids in a room, over both instances (the adapter asks the other one). */
async function socketsIn(server: Server, room: string): Promise<string[]> {
  return (await server.in(room).fetchSockets()).map((s) => s.id).sort();
}

/** Sends `text` to a room and then `end` to everyone: someone out of the room hears only `end`. */
async function noteAndEnd(
  server: Server,
  room: string,
  text: string,
  everyone: { heard: string[] }[],
) {
  server.to(room).emit('note', text);
  server.emit('note', `end ${text}`);
  await waitFor(() => everyone.every((c) => c.heard.includes(`end ${text}`)), 10_000, 'end heard');
}

let a: Instance;
let b: Instance;

beforeAll(async () => {
  a = await startInstance(suite().get(RoomMembershipService));
  b = await startInstance(new RoomMembershipService());
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const instance of instances) {
    await instance.server.close();
    for (const redis of instance.redis) redis.disconnect();
  }
});

describe('RoomMembershipService', () => {
  it('joins every socket of the given users, on both instances, and no one else', async () => {
    const [aliceId, bobId] = [randomUUID(), randomUUID()];
    const alice = await connect(a, aliceId);
    const bobOnB = await connect(b, bobId);
    const carol = await connect(a, randomUUID());
    const room = rooms.conversation(randomUUID());

    a.membership.joinUsers([aliceId, bobId], room);
    await waitFor(async () => (await socketsIn(a.server, room)).length === 2, 10_000, 'two joined');
    expect(await socketsIn(b.server, room)).toEqual([alice.socket.id, bobOnB.socket.id].sort());

    await noteAndEnd(a.server, room, 'hello', [alice, bobOnB, carol]);
    expect(alice.heard).toEqual(['hello', 'end hello']);
    expect(bobOnB.heard).toEqual(['hello', 'end hello']);
    expect(carol.heard).toEqual(['end hello']);

    // Bob leaves, from the other instance this time: his socket on b is out, Alice stays.
    b.membership.leaveUsers([bobId], room);
    await waitFor(async () => (await socketsIn(a.server, room)).length === 1, 10_000, 'bob left');
    await noteAndEnd(b.server, room, 'again', [alice, bobOnB, carol]);
    expect(alice.heard.slice(2)).toEqual(['again', 'end again']);
    expect(bobOnB.heard.slice(2)).toEqual(['end again']);
    expect(carol.heard.slice(1)).toEqual(['end again']);
  });

  it('sets the rooms of one kind of a socket to exactly the given ones, leaving its others', async () => {
    const dave = await connect(a, randomUUID());
    const socket = (a.server as AppServer).of('/').sockets.get(dave.socket.id!);
    const [p1, p2, p3] = [randomUUID(), randomUUID(), randomUUID()].map(rooms.presence);
    await a.membership.setSocketRooms(socket!, rooms.presence(''), [p1!, p2!]);
    await a.membership.setSocketRooms(socket!, rooms.presence(''), [p2!, p3!]);
    const presenceRooms = [...socket!.rooms].filter((r) => r.startsWith('presence:')).sort();
    expect(presenceRooms).toEqual([p2, p3].sort());
    // Its user room (joined at connect) is not of that kind, and stays.
    expect([...socket!.rooms]).toContain(rooms.user(socket!.data.user.id));
  });
});
