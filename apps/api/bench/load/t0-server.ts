/**
 * T0: a bare Socket.IO server of the product's version, the ceiling the product is measured
 * against. It does what the product's send path must do at the least: ack the sender and
 * broadcast to the conversation's room. No Nest, no authentication, no database, no Redis adapter.
 * Clients name their rooms in the handshake (the product finds them in the database instead).
 *
 *   PORT=0 node --import tsx t0-server.ts     (prints "listening <port>" on stdout)
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
let seq = 0;

io.on('connection', (socket) => {
  const joined: unknown = socket.handshake.auth?.rooms;
  if (Array.isArray(joined)) void socket.join(joined.map((id) => `conversation:${String(id)}`));
  socket.on('message:send', (input: Record<string, unknown>, ack?: (r: unknown) => void) => {
    const message = { ...input, seq: ++seq, senderId: socket.handshake.auth?.userId ?? null };
    io.to(`conversation:${String(input?.conversationId)}`).emit('message:new', message);
    ack?.({ ok: true, data: message });
  });
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
