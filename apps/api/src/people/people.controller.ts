import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../auth/admin-only.decorator';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageQueryDto } from '../common/pagination';
import { CreateUserDto, UserListQueryDto, UserPageDto, UserSummaryDto } from './dto/people.dto';
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

  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Add a person to your organisation (admins)' })
  @ApiCreatedResponse({ type: UserSummaryDto })
  @ApiConflictResponse({ description: 'That email is already used in your organisation' })
  create(@CurrentUser() caller: AuthenticatedUser, @Body() input: CreateUserDto) {
    return this.people.create(caller, input);
  }
}
