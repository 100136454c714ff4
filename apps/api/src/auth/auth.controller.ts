import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role } from '@talentflow/domain';
import type { Request, Response } from 'express';
import { Allow, type AuthenticatedRequest, CurrentActor, Public } from './access.decorators';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { TooManyLoginFailures } from './login-throttle.service';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  /** Signs in: sets an httpOnly, SameSite cookie that scripts in the page cannot read. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() { email, password }: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    try {
      const { actor, token } = await this.auth.login(email, password, request.ip ?? 'unknown');
      response.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
      return actor;
    } catch (error) {
      if (error instanceof TooManyLoginFailures) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  /** Signs out (also with an expired session): ends the session and clears the cookie. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    await this.auth.logout(await this.sessions.actorFor(request));
    await this.sessions.close(request);
    response.clearCookie(SESSION_COOKIE, { ...this.sessions.cookieOptions(), maxAge: undefined });
  }

  /** Who is signed in. */
  @Allow(Role.Viewer)
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actor;
  }

  /** Changes one's own password, given the current one; one's other sessions end. */
  @Allow(Role.Viewer)
  @Put('password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() { currentPassword, newPassword }: ChangePasswordDto, @Req() request: Request) {
    await this.auth.changePassword(actor, currentPassword, newPassword, request);
  }
}
