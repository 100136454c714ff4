import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../../src/auth/access.decorators';

export interface DiscoveredRoute {
  /** e.g. "GET /api/moves/:id" */
  key: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every route of every controller the app has, with the access rule it states (if any). */
export function discoverRoutes(app: INestApplication): DiscoveredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object;
    const controller = wrapper.metatype;
    if (!instance || !controller) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const subPath = Reflect.getMetadata(PATH_METADATA, handler);
      if (subPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = `/api/${[prefix, subPath].filter((part) => part && part !== '/').join('/')}`.replace(/\/+$/, '');
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]);
      routes.push({ key: `${method} ${path}`, method, path, rule });
    }
  }
  return routes;
}
