import { createContext, useContext } from 'react';
import type { AppModule } from './app-module';
import { useCurrentUser } from './auth/session';

/**
 * The app's modules, handed down by the router instead of imported, so that a
 * module's own page (the home page lists the others) does not import the
 * registry that imports it.
 */
export const ModulesContext = createContext<readonly AppModule[]>([]);

/** The modules the signed-in user may open, from the abilities the server sent; the sidebar and home page show only these. */
export function useAvailableModules(): AppModule[] {
  const { abilities } = useCurrentUser();
  return useContext(ModulesContext).filter((module) => !module.ability || abilities[module.ability]);
}
