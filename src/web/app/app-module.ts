import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { SessionAbility } from './api/types';
import type { MessageKey } from './i18n';

/** Where a module sits in the sidebar; modules without a section come first, ungrouped. */
export type ModuleSection = 'administration' | 'personal';
export const MODULE_SECTIONS: readonly ModuleSection[] = ['administration', 'personal'];

/**
 * One entry per feature. Adding a feature to the app means writing one of
 * these in `features/<feature>/<feature>.module.tsx` and listing it in
 * `app/modules.ts`; the router, sidebar and home page follow from it.
 */
export interface AppModule {
  /** Stable id, also the sidebar menu key. */
  key: string;
  /**
   * Absolute path of the module's first page. Everything below it belongs to
   * the module too (`/cadres/123`), so a page can route further with `<Routes>`.
   */
  path: string;
  labelKey: MessageKey;
  /** One sentence for the home page, saying what the module is for. */
  descriptionKey: MessageKey;
  icon: ReactNode;
  /** The session ability needed to open it (sent by the server's access policy); left out means every signed-in user. */
  ability?: SessionAbility;
  section?: ModuleSection;
  /** Lazy so that a module's code is only downloaded by those who open it. */
  page: LazyExoticComponent<ComponentType>;
}

export function routePatternOf(module: AppModule): string {
  return module.path === '/' ? '/' : `${module.path}/*`;
}

function ownsPath(module: AppModule, pathname: string): boolean {
  if (module.path === '/') return pathname === '/';
  return pathname === module.path || pathname.startsWith(`${module.path}/`);
}

export function findModuleOfPath(modules: readonly AppModule[], pathname: string): AppModule | undefined {
  return modules.find((module) => ownsPath(module, pathname));
}
