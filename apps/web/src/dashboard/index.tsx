import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

// The charts (recharts) load only with the dashboard, so the rest of the app stays light.
const Dashboard = lazy(() => import('./Dashboard'));

export const LazyDashboard = () => (
  <Suspense fallback={<Loading />}>
    <Dashboard />
  </Suspense>
);
