import type { Request, Response } from 'express';
import type { Loaders } from '../loaders/loaders';
import type { AuthUser } from './auth-user';

export interface GqlContext {
  req: Request & { user?: AuthUser };
  res: Response;
  loaders: Loaders;
}
