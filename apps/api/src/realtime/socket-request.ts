import type { ClientEvents } from '@mindsp/contracts';
import { SubscribeMessage } from '@nestjs/websockets';
import { toAck, validPayload } from './ack';
import type { AppSocket } from './socket-types';

type AckData<E extends keyof ClientEvents> = Extract<
  Parameters<Parameters<ClientEvents[E]>[1]>[0],
  { ok: true }
>['data'];

type Handler<E extends keyof ClientEvents, D> = (
  socket: AppSocket,
  input: D,
) => Promise<AckData<E>> | AckData<E>;

/**
 * The one dispatcher of a client event that expects an ack: subscribes the method to `event`
 * (checked against the contract's ClientEvents, and so is what it returns), validates the
 * payload into `dto` (whitelist, types, shape and size limits), runs the method with the
 * validated input, and acks its result or its error in the API's vocabulary. The per-socket and
 * per-user rate limits ran before, on every event (SocketEventLimits), so a refused event never
 * gets here. A gateway method is then only the translation to a service call:
 *
 *   @SocketRequest('message:send', SocketSendMessageDto)
 *   send(socket: AppSocket, input: SocketSendMessageDto) { return this.messages.send(...); }
 */
export function SocketRequest<E extends keyof ClientEvents, D extends object>(
  event: E,
  dto: new () => D,
) {
  return <H extends Handler<E, D>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    const handle = descriptor.value!;
    // Without parameter decorators, Nest calls the method with (socket, payload).
    const dispatch = function (this: unknown, socket: AppSocket, payload: unknown) {
      return toAck(async () => handle.call(this, socket, await validPayload(dto, payload)));
    };
    descriptor.value = dispatch as unknown as H;
    SubscribeMessage(event)(target, key, descriptor);
  };
}
