import DataLoader from 'dataloader';
import type { GqlContext } from '../common/gql-context';
import type { TwoFactorService } from './two-factor.service';

/**
 * One query per request for every User.twoFactorEnabled asked (an admin's `users` list), kept with
 * the request's context like the shared loaders, so it dies with the request.
 */
const loaders = new WeakMap<object, DataLoader<string, boolean>>();

export function twoFactorLoader(ctx: GqlContext, service: TwoFactorService): DataLoader<string, boolean> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, boolean>((ids) => service.enabledFor(ids), { cache: false });
    loaders.set(ctx, loader);
  }
  return loader;
}
