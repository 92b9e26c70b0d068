import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { routePatternOf, type AppModule } from './app-module';
import { RequireAuth } from './auth/RequireAuth';
import { RequireAbility } from './auth/RequireAbility';
import { AppShell } from './layout/AppShell';
import { appModules } from './modules';
import { ModulesContext } from './modules-context';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';

function ModulePage({ appModule }: { appModule: AppModule }) {
  return (
    <RequireAbility ability={appModule.ability}>
      <appModule.page />
    </RequireAbility>
  );
}

function moduleRoute(appModule: AppModule): RouteObject {
  return {
    path: routePatternOf(appModule),
    element: <ModulePage appModule={appModule} />,
    // Inside the shell, so a crashing page leaves the sidebar usable.
    errorElement: <RouteErrorPage />,
  };
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: (
          <RequireAuth>
            <ModulesContext value={appModules}>
              <AppShell />
            </ModulesContext>
          </RequireAuth>
        ),
        children: [...appModules.map(moduleRoute), { path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
]);
