import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../common/admin-only.decorator';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import { PageQueryDto } from '../common/pagination';
import {
  CreateUserDto,
  UpdateProfileDto,
  UserListQueryDto,
  UserPageDto,
  UserSummaryDto,
} from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({ summary: 'People of your organisation, by name' })
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: UserListQueryDto) {
    return this.people.list(caller, query);
  }

  @Get('online')
  @ApiOperation({ summary: 'People of your organisation online now, by name, a page at a time' })
  @ApiOkResponse({ type: UserPageDto })
  online(@CurrentUser() caller: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.people.online(caller, query);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change your display name or status text' })
  @ApiOkResponse({ type: UserSummaryDto })
  updateMe(@CurrentUser() caller: AuthenticatedUser, @Body() changes: UpdateProfileDto) {
    return this.people.updateProfile(caller, changes);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A person of your organisation: name, role, status, last seen' })
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiNotFoundResponse({ description: 'Unknown, or of another organisation' })
  profile(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.people.profile(caller, id);
  }

  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Add a person to your organisation (admins)' })
  @ApiCreatedResponse({ type: UserSummaryDto })
  @ApiConflictResponse({ description: 'That email is already used in your organisation' })
  create(@CurrentUser() caller: AuthenticatedUser, @Body() input: CreateUserDto) {
    return this.people.create(caller, input);
  }
}
