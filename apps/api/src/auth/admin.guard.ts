import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ADMIN_ONLY } from '../common/admin-only.decorator';
import type { AuthenticatedUser } from '../common/authenticated-user';

/** Global, after JwtAuthGuard: routes marked @AdminOnly() answer 403 to members. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext) {
    const adminOnly = this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!adminOnly) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user?.role !== 'admin')
      throw new ForbiddenException('This action is reserved to administrators');
    return true;
  }
}
